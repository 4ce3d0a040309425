// The screening's files (api/portfolio/report.ts): a CSV row per holding that a spreadsheet
// cannot run, and a printable HTML report listing each flag with its sources, the holdings
// whose exposure is unknown and those left for review. Fictional companies only.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { resolveWeights } from '../../api/complicity/weights.ts';
import { presentWeights } from '../../api/complicity/present.ts';
import { screeningCsv, screeningHtml, screeningJson, screeningJsonParts, type ReportHolding, type ReportScreening } from '../../api/portfolio/report.ts';

const path = {
  score: 0.4165,
  nodes: [{ name: 'Acme Cloud' }, { name: 'Ruritania MoD' }, { name: 'Ruritanian war' }],
  hops: [
    { claim: { type: 'SUPPLIES', status: 'REPORTED', start: '2024-01', summary: 'Acme Cloud hosts <the ministry> systems', sources: [{ publisher: 'Daily Example', title: 'Cloud deal', url: 'https://news.example/cloud', date: '2024-01-02' }] } },
    { claim: { type: 'PARTY_TO', status: 'CONFIRMED', summary: 'The ministry wages the war', sources: [{ publisher: 'Bad Link', title: 'Script', url: 'javascript:alert(1)' }] } },
  ],
};

const flagged: ReportHolding = {
  holding: { line: 2, name: 'Acme Cloud Inc.', isin: null, ticker: 'ACME', lei: null, weight: 50, value: null },
  match: { status: 'MATCHED', entity: { id: 'acme-cloud', name: 'Acme Cloud' }, options: [] },
  exposure: { severity: 0.4165, level: 'HIGH', evidenceCount: 2, harms: [{ harm: { id: 'ruritanian-war', name: 'Ruritanian war' }, score: 0.4165, path }], subsidiaries: [{ entity: { name: 'Acme Cloud Ruritania' }, share: 0.51 }], bestPath: path },
  unscreened: null,
  shareOfFile: 0.5,
  shareOfWhole: 0.5,
};
const unknown: ReportHolding = {
  holding: { line: 3, name: 'Mega Widgets', isin: null, ticker: null, lei: null, weight: 30, value: null },
  match: { status: 'MATCHED', entity: { id: 'mega-widgets', name: 'Mega Widgets' }, options: [] },
  exposure: null,
  unscreened: 'The search read more than 200,000 claims; lower maxHops.',
  shareOfFile: 0.3,
  shareOfWhole: 0.3,
};
const review: ReportHolding = {
  holding: { line: 4, name: '=HYPERLINK("x")', isin: null, ticker: null, lei: null, weight: 20, value: null },
  match: { status: 'WEAK', entity: null, options: [{ entity: { id: 'hyper-links', name: 'Hyper Links' }, score: 0.7, reason: 'spelled alike' }] },
  exposure: null,
  shareOfFile: 0.2,
  shareOfWhole: 0.2,
};
const part = (holdings: number, share: number) => ({ holdings, shareOfFile: share, shareOfWhole: share });
const settings = { maxHops: 4, asOf: '2022-02-15', statuses: ['REPORTED', 'COMPANY_CONFIRMED'], minConfidence: 0.5, includeUndated: false, weights: presentWeights(resolveWeights(null)) };
const screening: ReportScreening = {
  portfolio: 'Fund <A>',
  notes: ['no weight on line 9'],
  summary: {
    holdings: 3,
    exposed: 1,
    needsReview: 1,
    weighting: 'WEIGHT',
    exposedWeightShare: 0.5,
    unscreened: 1,
    unscreenedWeightShare: 0.3,
    fileShareOfWhole: 1,
    parts: { exposed: part(1, 0.5), unmatched: part(0, 0), toReview: part(1, 0.2), unscreened: part(1, 0.3) },
    byConflict: [{ name: 'Ruritanian war', weightShare: 0.5, shareOfWhole: 0.5, holdings: 1 }],
    byCategory: [],
  },
  settings,
  holdings: [flagged, unknown, review],
};

test('the CSV has a row per holding, formulas defused, and says why an exposure is unknown', () => {
  const [head, ...rows] = screeningCsv(screening).trimEnd().split('\n');
  assert.equal(
    head,
    'line,name,isin,ticker,lei,weight,value,weight_pct_of_file,weight_pct_of_whole,match_status,entity_id,entity_name,severity,level,evidence_count,harms,best_path,best_path_contested,review_options,exposure_unknown,max_hops,as_of,undated_included,statuses,min_confidence,scoring',
  );
  assert.equal(rows.length, 3);
  const settingsCells = ',4,2022-02-15,no,reported company-confirmed,0.5,"hop decay 0.85; relation strengths owns 0.6,';
  assert.ok(rows[0]!.startsWith(`2,Acme Cloud Inc.,,ACME,,50,,50.0,50.0,MATCHED,acme-cloud,Acme Cloud,0.4165,high,2,Ruritanian war,Acme Cloud > Ruritania MoD > Ruritanian war,,,${settingsCells}`), rows[0]);
  assert.match(rows[0]!, /confidence by status when not assessed reported 0\.7, .*denied 0\.2"$/);
  assert.match(rows[1]!, /^3,Mega Widgets,.*,30\.0,30\.0,MATCHED,mega-widgets,Mega Widgets,,,,,,,,"The search read more than 200,000 claims; lower maxHops\.",4,/);
  assert.ok(rows[2]!.startsWith(`4,"'=HYPERLINK(""x"")"`), rows[2]);
  assert.ok(rows[2]!.includes(',20.0,20.0,WEAK,'), rows[2]);
  assert.ok(rows[2]!.includes(',Hyper Links (0.7),' + settingsCells), rows[2]);
});

test('the HTML report lists each flag with its sources, the unknown exposures and the matches to review, all escaped', () => {
  const html = screeningHtml(screening, '2026-12-02T00:00:00Z');
  assert.match(html, /<title>Screening of Fund &lt;A&gt;<\/title>/);
  assert.match(html, /3 holdings; 1 exposed: 50\.0% of the portfolio by weight\. Not screened: 1 match to review, 20\.0% of the portfolio; exposure unknown for 1, 30\.0% of the portfolio\./);
  assert.match(html, /<h3>Settings<\/h3><ul class="settings"><li>Most hops: 4<\/li><li>As of: 2022-02-15<\/li><li>Undated claims: left out<\/li><li>Statuses: reported, confirmed by the company<\/li><li>Minimum confidence: 0\.5 /);
  assert.match(html, /<li>Scoring: hop decay 0\.85; relation strengths owns 0.6, /);
  assert.match(html, /<li>no weight on line 9<\/li>/);
  assert.match(html, /Acme Cloud Inc\. → Acme Cloud: high \(0\.417\)/, 'scores read to three decimals, halves up');
  assert.match(html, /hosts &lt;the ministry&gt; systems/);
  assert.match(html, /<a href="https:\/\/news\.example\/cloud">Daily Example: Cloud deal \(2024-01-02\)<\/a>/);
  assert.doesNotMatch(html, /href="javascript:/, 'only http(s) sources become links');
  assert.match(html, /Bad Link: Script — javascript:alert\(1\)/, 'the source is still listed, as text');
  assert.match(html, /Subsidiaries: Acme Cloud Ruritania \(51\.0%\)/);
  assert.match(html, /<h2>Exposure unknown \(1\)<\/h2><ul><li>Line 3 "Mega Widgets" \(weight 30\.0%\) → Mega Widgets: The search read more than 200,000 claims/);
  assert.match(html, /<h2>Matches to review \(1\)<\/h2><ul><li>Line 4 "=HYPERLINK\(&quot;x&quot;\)" \(weight 20\.0%\), weak: Hyper Links \(0\.7; spelled alike\)/);
  assert.match(html, /<p>Line 2; weight 50\.0%; 2 claims of evidence/);
  assert.doesNotMatch(html, /Not matched|contested evidence/);
  // The first hop is dated, the second is not: the citation and the claim list say which.
  assert.match(html, /Acme Cloud → Ruritania MoD → Ruritanian war <span class="cite">\[1\] \[2, undated\]<\/span>/);
  assert.match(html, /<li>supplies \(reported; 2024-01 – present\): Acme Cloud hosts/);
  assert.match(html, /\(confirmed; undated\): The ministry wages the war/);
});

test('flags sharing a claim cite it by one number, each claim listed once with its sources; flags past those listed are counted', () => {
  const hop = (id: string, summary: string, url: string) => ({ claim: { id, type: 'SUPPLIES', status: 'REPORTED', start: '2020', summary, sources: [{ publisher: 'Example', title: id, url }] } });
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
  assert.match(html, /<ol class="claims"><li>supplies \(reported; 2020 – present\): Acme Cloud runs the ministry network.*<li>supplies \(reported; 2020 – present\): The ministry wages the war.*<li>supplies \(reported; 2020 – present\): The ministry runs the camps/s);
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

test('a file that is part of a portfolio: shares of the file and of the whole, and the unmatched holdings with their weights', () => {
  // The file lists 60 % of a fund: Acme 30, Mega Widgets 20 (unmatched), Hyper 10 (rejected).
  const acme: ReportHolding = { ...flagged, holding: { ...flagged.holding, weight: 30 }, shareOfFile: 0.5, shareOfWhole: 0.3 };
  const none: ReportHolding = { ...unknown, unscreened: null, match: { status: 'UNMATCHED', entity: null, options: [] }, holding: { ...unknown.holding, weight: 20 }, shareOfFile: 1 / 3, shareOfWhole: 0.2 };
  const rejected: ReportHolding = { ...review, match: { ...review.match, status: 'REJECTED' }, holding: { ...review.holding, name: 'Hyper', weight: 10 }, shareOfFile: 1 / 6, shareOfWhole: 0.1 };
  const partial: ReportScreening = {
    ...screening,
    notes: ['the weights add up to 60.0% of the portfolio (read as percentages), not 100%: each share is given of the file and, in brackets, of the whole portfolio'],
    summary: {
      ...screening.summary,
      needsReview: 0,
      unscreened: 0,
      unscreenedWeightShare: 0,
      fileShareOfWhole: 0.6,
      parts: { exposed: { holdings: 1, shareOfFile: 0.5, shareOfWhole: 0.3 }, unmatched: { holdings: 2, shareOfFile: 0.5, shareOfWhole: 0.3 }, toReview: part(0, 0), unscreened: part(0, 0) },
      byConflict: [{ name: 'Ruritanian war', weightShare: 0.5, shareOfWhole: 0.3, holdings: 1 }],
    },
    holdings: [acme, none, rejected],
  };
  const html = screeningHtml(partial, 'now');
  assert.match(html, /1 exposed: 50\.0% of the file \(30\.0% of the whole portfolio\) by weight\. Not screened: 2 not matched, 50\.0% of the file \(30\.0% of the whole portfolio\)\./);
  assert.match(html, /<li>the weights add up to 60\.0% of the portfolio/);
  assert.match(html, /<li>Ruritanian war: 50\.0% of the file \(30\.0% of the whole portfolio\) \(1 holding\)<\/li>/);
  assert.match(html, /<h2>Not matched \(2\)<\/h2><ul><li>Line 3 "Mega Widgets" \(weight 33\.3% of the file \(20\.0% of the whole\)\): no entity in the graph matches it<\/li><li>Line 4 "Hyper" \(weight 16\.7% of the file \(10\.0% of the whole\)\): a person said none of the options/);
  const rows = screeningCsv(partial).trimEnd().split('\n').slice(1);
  assert.deepEqual(rows.map((r) => r.split(',').slice(7, 10)), [['50.0', '30.0', 'MATCHED'], ['33.3', '20.0', 'UNMATCHED'], ['16.7', '10.0', 'REJECTED']]);
});

test('a path through a contested claim is marked in the flag, its claim says why, and the CSV names the hop', () => {
  const tie = { id: 'c-tie', type: 'LINKED_TO', status: 'ALLEGED', start: '2019', end: '2021', summary: 'Reports tie Owner Co to the army; Owner Co denied the ties.', sources: [{ publisher: 'Example', title: 'Ties', url: 'https://news.example/ties' }] };
  const army = { id: 'c-army', type: 'ALLEGEDLY_RESPONSIBLE_FOR', status: 'REPORTED', start: '2018', summary: 'The army runs the camps.', sources: [{ publisher: 'Example', title: 'Camps', url: 'https://news.example/camps' }] };
  const through = { score: 0.12, nodes: [{ name: 'Owner Co' }, { name: 'Ruritanian army' }, { name: 'Border camps' }], hops: [{ claim: tie }, { claim: army }] };
  const owner: ReportHolding = { ...flagged, exposure: { ...flagged.exposure!, severity: 0.12, level: 'MEDIUM', harms: [{ harm: { id: 'camps', name: 'Border camps' }, score: 0.12, path: through }], bestPath: through } };
  const html = screeningHtml({ ...screening, holdings: [owner] }, 'now');
  assert.match(html, /Owner Co → Ruritanian army → Border camps <span class="cite">\[1, contested\] \[2\]<\/span> <strong class="contested">contested evidence<\/strong>/);
  assert.match(html, /1 of the paths shown goes through contested evidence\./);
  assert.match(html, /The best path of 1 flagged holding goes through contested evidence\./);
  assert.match(html, /Owner Co denied the ties\.<p class="contested"><strong>Contested\.<\/strong> Its sources record a response: &quot;Owner Co denied the ties&quot;\.<\/p>/);
  assert.equal((html.match(/class="contested"><strong>Contested/g) ?? []).length, 1, 'only the disputed claim');
  const row = screeningCsv({ ...screening, holdings: [owner] }).split('\n')[1]!;
  assert.match(row, /,"Owner Co is linked to Ruritanian army: Its sources record a response: ""Owner Co denied the ties""\.",/);
});
