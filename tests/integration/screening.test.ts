// Portfolio screening through the HTTP API on the real Neo4j with the seed data: matching with
// legal suffixes and typos, exposure with known paths, the weighted summary, remembered
// decisions, and a malformed file refused whole with its lines.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { projectRoot } from '../../api/config.ts';
import { createToken } from '../../api/auth/tokens.ts';
import type { Database } from '../../api/db/database.ts';
import type { TestApi } from '../support/api.ts';
import { closeAll, startSeededApi } from '../support/seeded.ts';

let db: Database;
let api: TestApi;
let editor: string;

before(async () => {
  ({ db, api } = await startSeededApi());
  editor = await createToken(db, 'screening-editor', 'editor');
});

after(() => closeAll(api, db));

const SCREEN = `mutation($portfolio: String!, $content: String!) { screenPortfolio(portfolio: $portfolio, content: $content) {
  summary { holdings exposed needsReview weighting exposedWeightShare byConflict { key weightShare holdings } byCategory { key weightShare holdings } }
  holdings {
    holding { line name weight key }
    match { status entity { id } options { entity { id type } score reason } }
    exposure { severity level evidenceCount harms { harm { id } score } subsidiaries { entity { id } hops chain }
      bestPath { score nodes { id } hops { claim { id sources { url } } } } }
  } } }`;

const PORTFOLIO = ['name,weight', 'Google LLC,30', 'TELENOR ASA,20', 'Microsfot,10', 'Fictional Widgets Inc.,40'].join('\n');

async function screen(portfolio: string, content: string) {
  const res = await api.gql(SCREEN, { portfolio, content });
  assert.equal(res.errors, undefined, JSON.stringify(res.errors));
  return res.data!.screenPortfolio;
}

const byName = (s: { holdings: { holding: { name: string } }[] }, name: string) => s.holdings.find((h) => h.holding.name === name) as any;

test('holdings are matched without guessing, and exposure follows the complicity scoring', async () => {
  const s = await screen('fund-a', PORTFOLIO);
  const google = byName(s, 'Google LLC');
  assert.equal(google.match.status, 'MATCHED');
  assert.equal(google.match.entity.id, 'google');
  assert.match(google.match.options[0].reason, /legal form/);
  // Google -> Nimbus cloud -> Gaza war and Google -> Google Play in Russia -> the Smart Voting
  // app's removal both score 0.7 × 0.7 × 0.85, as complicityPaths scores them; a tie breaks by id.
  assert.equal(google.exposure.severity, 0.7 * (0.7 * 0.85));
  assert.equal(google.exposure.level, 'HIGH');
  assert.deepEqual(google.exposure.bestPath.nodes.map((n: { id: string }) => n.id), ['google', 'google-play-russia', 'abuse-smart-voting-removal']);
  assert.ok(google.exposure.bestPath.hops.every((h: { claim: { sources: unknown[] } }) => h.claim.sources.length > 0));
  assert.ok(google.exposure.evidenceCount >= 2);

  const telenor = byName(s, 'TELENOR ASA');
  assert.equal(telenor.match.entity.id, 'telenor-group', 'the ASA suffix is set aside and the alias "Telenor" matches');
  assert.deepEqual(telenor.exposure.subsidiaries.map((x: { entity: { id: string } }) => x.entity.id), ['telenor-myanmar']);
  assert.ok(telenor.exposure.harms.some((h: { harm: { id: string } }) => h.harm.id === 'abuse-myanmar-intercept'));

  const typo = byName(s, 'Microsfot');
  assert.equal(typo.match.status, 'WEAK', 'a misspelling is offered for review, not matched');
  assert.equal(typo.match.entity, null);
  assert.equal(typo.match.options[0].entity.id, 'microsoft');
  assert.equal(typo.exposure, null);
  assert.equal(byName(s, 'Fictional Widgets Inc.').match.status, 'UNMATCHED');

  assert.equal(s.summary.holdings, 4);
  assert.equal(s.summary.exposed, 2);
  assert.equal(s.summary.needsReview, 1);
  assert.equal(s.summary.weighting, 'WEIGHT');
  assert.equal(s.summary.exposedWeightShare, 0.5);
  const gaza = s.summary.byConflict.find((c: { key: string }) => c.key === 'conflict-israel-gaza');
  assert.deepEqual([gaza.weightShare, gaza.holdings], [0.3, 1]);
  const myanmar = s.summary.byConflict.find((c: { key: string }) => c.key === 'conflict-myanmar');
  assert.deepEqual([myanmar.weightShare, myanmar.holdings], [0.2, 1]);
});

test('a confirmed match is remembered for the next run of the same portfolio, not of another', async () => {
  const first = await screen('fund-b', PORTFOLIO);
  const key = byName(first, 'Microsfot').holding.key;
  const DECIDE = `mutation($p: String!, $k: String!, $e: ID, $r: Boolean) { decideMatch(portfolio: $p, holdingKey: $k, entityId: $e, reject: $r) }`;
  const anonymous = await api.gql(DECIDE, { p: 'fund-b', k: key, e: 'microsoft' });
  assert.equal(anonymous.errors?.[0]?.extensions?.code, 'FORBIDDEN');
  const wrongType = await api.gql(DECIDE, { p: 'fund-b', k: key, e: 'unit-8200' }, editor);
  assert.equal(wrongType.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
  const ok = await api.gql(DECIDE, { p: 'fund-b', k: key, e: 'microsoft' }, editor);
  assert.equal(ok.errors, undefined, JSON.stringify(ok.errors));
  const rejected = await api.gql(DECIDE, { p: 'fund-b', k: byName(first, 'Fictional Widgets Inc.').holding.key, r: true }, editor);
  assert.equal(rejected.errors, undefined, JSON.stringify(rejected.errors));

  const again = await screen('fund-b', PORTFOLIO);
  const confirmed = byName(again, 'Microsfot');
  assert.equal(confirmed.match.status, 'CONFIRMED');
  assert.equal(confirmed.match.entity.id, 'microsoft');
  assert.ok(confirmed.exposure.harms.some((h: { harm: { id: string } }) => h.harm.id === 'abuse-8200-call-surveillance'));
  assert.equal(byName(again, 'Fictional Widgets Inc.').match.status, 'REJECTED');
  assert.equal(again.summary.needsReview, 0);
  assert.equal(byName(await screen('fund-c', PORTFOLIO), 'Microsfot').match.status, 'WEAK', 'decisions belong to one portfolio');
});

test('a malformed portfolio is refused whole, each problem with its line', async () => {
  const bad = ['name,isin,weight', 'Google,,30', 'Telenor,NOT-AN-ISIN,20', 'Meta,,lots'].join('\n');
  const res = await api.gql(SCREEN, { portfolio: 'fund-bad', content: bad });
  const error = res.errors?.[0];
  assert.equal(error?.extensions?.code, 'BAD_USER_INPUT');
  assert.match(error!.message, /nothing was screened/);
  const problems = (error!.extensions as { problems: { item: string; reason: string }[] }).problems;
  assert.ok(problems.some((p) => /3/.test(p.item) && /ISIN/i.test(p.reason)), JSON.stringify(problems));
  assert.ok(problems.some((p) => /4/.test(p.item)), JSON.stringify(problems));
  assert.equal(res.data, null);
});

test('the screen CLI writes a printable report with sources, and exits 1 naming the lines of a bad file', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'screen-cli-'));
  const good = join(dir, 'fund.csv');
  const out = join(dir, 'fund.html');
  writeFileSync(good, PORTFOLIO);
  const cli = (args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'api/cli/screen.ts', ...args], {
      cwd: projectRoot,
      env: { ...process.env, NEO4J_URI: process.env.NEO4J_TEST_URI },
      encoding: 'utf8',
      timeout: 120_000,
    });
  const run = cli([good, '--portfolio', 'fund-cli', '--format', 'html', '--out', out]);
  assert.equal(run.status, 0, run.stderr);
  // Only matched holdings count as matched: Microsfot waits for review, Fictional Widgets matches nothing.
  assert.match(run.stderr, /Screened 4 holdings of "fund-cli" .*: 2 of 4 matched, 1 to review, 1 not matched; 2 exposed \(50\.0% of the portfolio\)/);
  assert.match(run.stderr, /4 of 4 holdings looked up/);
  assert.doesNotMatch(run.stderr, /holdings matched/);
  const html = readFileSync(out, 'utf8');
  assert.match(html, /<h2>Flags \(2\)<\/h2>/);
  assert.match(html, /Google LLC → Google: high/);
  assert.match(html, /<a href="https?:\/\//);
  assert.match(html, /Matches to review \(1\)<\/h2><ul><li>Line 4 "Microsfot" \(weight 10\.0%\)/);
  assert.match(html, /<h2>Not matched \(1\)<\/h2><ul><li>Line 5 "Fictional Widgets Inc\." \(weight 40\.0%\): no entity in the graph matches it/);
  assert.match(html, /<li>Most hops: 4<\/li><li>As of: any date \(no time filter\)<\/li><li>Undated claims: included[^<]*<\/li><li>Statuses: all<\/li><li>Minimum confidence: none<\/li><li>Scoring: hop decay 0\.85;/);

  const csv = cli([good, '--portfolio', 'fund-cli']);
  assert.equal(csv.status, 0, csv.stderr);
  assert.match(csv.stdout.split('\n')[0]!, /^line,name,isin,ticker,lei,weight,value,weight_pct_of_file,weight_pct_of_whole,match_status,entity_id/);
  assert.match(csv.stdout, /\n2,Google LLC,,,,30,,30\.0,30\.0,MATCHED,google,Google,0\.4165,high,/);
  assert.match(csv.stdout, /\n5,Fictional Widgets Inc\.,,,,40,,40\.0,40\.0,UNMATCHED,/);

  // The claim filters are taken, and stated, by the CLI too.
  const filtered = cli([good, '--portfolio', 'fund-cli', '--as-of', '2021-12-31', '--statuses', 'reported,company-confirmed', '--min-confidence', '0.6', '--max-hops', '3']);
  assert.equal(filtered.status, 0, filtered.stderr);
  assert.match(filtered.stdout.split('\n')[1]!, /,3,2021-12-31,yes,reported company-confirmed,0\.6,"hop decay 0\.85;/);
  // At the end of 2021 the Gaza war (2023-) is out of reach; the Smart Voting app's removal (September 2021) is not.
  assert.doesNotMatch(filtered.stdout.split('\n')[1]!, /Gaza/);
  const dated = cli([good, '--portfolio', 'fund-cli', '--without-undated']);
  assert.equal(dated.status, 0, dated.stderr);
  assert.match(dated.stdout.split('\n')[1]!, /,4,,no,,0,"hop decay 0\.85;/);
  assert.equal(cli([good, '--statuses', 'rumoured']).status, 2);

  const bad = join(dir, 'bad.csv');
  writeFileSync(bad, ['name,isin', 'Google,', 'Telenor,NOT-AN-ISIN'].join('\n'));
  const refused = cli([bad]);
  assert.equal(refused.status, 1, refused.stderr);
  assert.match(refused.stderr, /line 3/);
  assert.match(refused.stderr, /nothing was screened/);
  assert.equal(cli([good, '--format', 'pdf']).status, 2);
});
