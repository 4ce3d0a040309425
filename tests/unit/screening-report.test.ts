// The screening's files (api/portfolio/report.ts): a CSV row per holding that a spreadsheet
// cannot run, and a printable HTML report listing each flag with its sources, the holdings
// whose exposure is unknown and those left for review. Fictional companies only.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { screeningCsv, screeningHtml, screeningJson, screeningJsonParts, type ReportHolding, type ReportScreening } from '../../api/portfolio/report.ts';

const path = {
  score: 0.4165,
  nodes: [{ name: 'Acme Cloud' }, { name: 'Ruritania MoD' }, { name: 'Ruritanian war' }],
  hops: [
    { claim: { type: 'SUPPLIES', status: 'REPORTED', summary: 'Acme Cloud hosts <the ministry> systems', sources: [{ publisher: 'Daily Example', title: 'Cloud deal', url: 'https://news.example/cloud', date: '2024-01-02' }] } },
    { claim: { type: 'PARTY_TO', status: 'CONFIRMED', summary: 'The ministry wages the war', sources: [{ publisher: 'Bad Link', title: 'Script', url: 'javascript:alert(1)' }] } },
  ],
};

const flagged: ReportHolding = {
  holding: { line: 2, name: 'Acme Cloud Inc.', isin: null, ticker: 'ACME', lei: null, weight: 50, value: null },
  match: { status: 'MATCHED', entity: { id: 'acme-cloud', name: 'Acme Cloud' }, options: [] },
  exposure: { severity: 0.4165, level: 'HIGH', evidenceCount: 2, harms: [{ harm: { id: 'ruritanian-war', name: 'Ruritanian war' }, score: 0.4165, path }], subsidiaries: [{ entity: { name: 'Acme Cloud Ruritania' }, share: 0.51 }], bestPath: path },
  unscreened: null,
};
const unknown: ReportHolding = {
  holding: { line: 3, name: 'Mega Widgets', isin: null, ticker: null, lei: null, weight: 30, value: null },
  match: { status: 'MATCHED', entity: { id: 'mega-widgets', name: 'Mega Widgets' }, options: [] },
  exposure: null,
  unscreened: 'The search read more than 200,000 claims (the bound maxClaimsVisited); lower maxHops.',
};
const review: ReportHolding = {
  holding: { line: 4, name: '=HYPERLINK("x")', isin: null, ticker: null, lei: null, weight: 20, value: null },
  match: { status: 'WEAK', entity: null, options: [{ entity: { id: 'hyper-links', name: 'Hyper Links' }, score: 0.7, reason: 'spelled alike' }] },
  exposure: null,
};
const screening: ReportScreening = {
  portfolio: 'Fund <A>',
  notes: ['no weight on line 9'],
  summary: { holdings: 3, exposed: 1, needsReview: 1, weighting: 'WEIGHT', exposedWeightShare: 0.5, unscreened: 1, unscreenedWeightShare: 0.3, byConflict: [{ name: 'Ruritanian war', weightShare: 0.5, holdings: 1 }], byCategory: [] },
  holdings: [flagged, unknown, review],
};

test('the CSV has a row per holding, formulas defused, and says why an exposure is unknown', () => {
  const [head, ...rows] = screeningCsv(screening).trimEnd().split('\n');
  assert.equal(head, 'line,name,isin,ticker,lei,weight,value,match_status,entity_id,entity_name,severity,level,evidence_count,harms,best_path,review_options,exposure_unknown');
  assert.equal(rows.length, 3);
  assert.equal(rows[0], '2,Acme Cloud Inc.,,ACME,,50,,MATCHED,acme-cloud,Acme Cloud,0.4165,high,2,Ruritanian war,Acme Cloud > Ruritania MoD > Ruritanian war,,');
  assert.match(rows[1]!, /^3,Mega Widgets,.*,MATCHED,mega-widgets,Mega Widgets,,,,,,,"The search read more than 200,000 claims \(the bound maxClaimsVisited\); lower maxHops\."$/);
  assert.ok(rows[2]!.startsWith(`4,"'=HYPERLINK(""x"")"`), rows[2]);
  assert.ok(rows[2]!.endsWith(',Hyper Links (0.7),'), rows[2]);
});

test('the HTML report lists each flag with its sources, the unknown exposures and the matches to review, all escaped', () => {
  const html = screeningHtml(screening, '2026-12-02T00:00:00Z');
  assert.match(html, /<title>Screening of Fund &lt;A&gt;<\/title>/);
  assert.match(html, /3 holdings; 1 exposed, 50\.0% of the portfolio by weight; 1 matches need review; exposure unknown for 1 \(30\.0% of the portfolio\)\./);
  assert.match(html, /<li>no weight on line 9<\/li>/);
  assert.match(html, /Acme Cloud Inc\. → Acme Cloud: high \(0\.417\)/, 'scores read to three decimals, halves up');
  assert.match(html, /hosts &lt;the ministry&gt; systems/);
  assert.match(html, /<a href="https:\/\/news\.example\/cloud">Daily Example: Cloud deal \(2024-01-02\)<\/a>/);
  assert.doesNotMatch(html, /href="javascript:/, 'only http(s) sources become links');
  assert.match(html, /Bad Link: Script — javascript:alert\(1\)/, 'the source is still listed, as text');
  assert.match(html, /Subsidiaries: Acme Cloud Ruritania \(51\.0%\)/);
  assert.match(html, /<h2>Exposure unknown \(1\)<\/h2><ul><li>Line 3 "Mega Widgets" → Mega Widgets: The search read more than 200,000 claims/);
  assert.match(html, /<h2>Matches to review \(1\)<\/h2><ul><li>Line 4 "=HYPERLINK\(&quot;x&quot;\)": Hyper Links \(0\.7; spelled alike\)/);
});

test('flags sharing a claim cite it by one number, each claim listed once with its sources; flags past those listed are counted', () => {
  const hop = (id: string, summary: string, url: string) => ({ claim: { id, type: 'SUPPLIES', status: 'REPORTED', summary, sources: [{ publisher: 'Example', title: id, url }] } });
  const shared = hop('c-shared', 'Acme Cloud runs the ministry network', 'https://news.example/shared');
  const toWar = { score: 0.3, nodes: [{ name: 'Acme Cloud' }, { name: 'Ruritania MoD' }, { name: 'Ruritanian war' }], hops: [shared, hop('c-war', 'The ministry wages the war', 'https://news.example/war')] };
  const toAbuse = { score: 0.2, nodes: [{ name: 'Acme Cloud' }, { name: 'Ruritania MoD' }, { name: 'Border camps' }], hops: [shared, hop('c-camps', 'The ministry runs the camps', 'https://news.example/camps')] };
  const many: ReportHolding = {
    ...flagged,
    exposure: {
      ...flagged.exposure!,
      severity: 0.3,
      harmCount: 7,
      harms: [
        { harm: { id: 'war', name: 'Ruritanian war' }, score: 0.3, path: toWar },
        { harm: { id: 'camps', name: 'Border camps' }, score: 0.2, path: toAbuse },
      ],
    },
  };
  const html = screeningHtml({ ...screening, holdings: [many] }, 'now');
  assert.match(html, /<td>Ruritanian war<\/td><td>0\.300<\/td><td>Acme Cloud → Ruritania MoD → Ruritanian war <span class="cite">\[1\] \[2\]<\/span>/);
  assert.match(html, /<td>Border camps<\/td><td>0\.200<\/td><td>Acme Cloud → Ruritania MoD → Border camps <span class="cite">\[1\] \[3\]<\/span>/);
  assert.equal(html.split('https://news.example/shared</li>').length - 1, 1, 'the shared claim is listed once');
  assert.match(html, /<ol class="claims"><li>SUPPLIES \(REPORTED\): Acme Cloud runs the ministry network.*<li>SUPPLIES \(REPORTED\): The ministry wages the war.*<li>SUPPLIES \(REPORTED\): The ministry runs the camps/s);
  assert.match(html, /7 flags, the 2 strongest listed/);
  assert.match(html, /And 5 more flags of lower score/);
  assert.match(screeningCsv({ ...screening, holdings: [many] }), /,Ruritanian war; Border camps \(and 5 more\),/);
});

test('the JSON, written holding by holding, is the screening', () => {
  assert.deepEqual(JSON.parse(screeningJson(screening)), JSON.parse(JSON.stringify(screening)));
  assert.equal(screeningJsonParts(screening).length, 2 + screening.holdings.length);
  const none = { ...screening, holdings: [] };
  assert.deepEqual(JSON.parse(screeningJson(none)), none);
});
