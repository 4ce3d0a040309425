// Screening through the HTTP API, beyond the basics of screening.test.ts: each flag's path with
// its sources (a subsidiary's path on the seed data), choices made for one run only, and the
// progress stream a long screening sends before its result.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { resolveWeights } from '../../api/complicity/weights.ts';
import type { Database } from '../../api/db/database.ts';
import { claimFilter } from '../../api/filters/claimFilter.ts';
import { screenPortfolio } from '../../api/portfolio/screen.ts';
import { startTestApi, type TestApi } from '../support/api.ts';
import { closeAll, startSeededApi } from '../support/seeded.ts';

let db: Database;
let api: TestApi;

before(async () => ({ db, api } = await startSeededApi()));

after(() => closeAll(api, db));

const FLAGS = `holdings { holding { name key } match { status entity { id } }
  exposure { subsidiaries { entity { id } } harms { harm { id } score path { score nodes { id } hops { claim { type status sources { url } } } } } } }`;

const SCREEN = `mutation($content: String!, $decisions: [MatchDecisionInput!]) {
  screenPortfolio(portfolio: "progress-fund", content: $content, decisions: $decisions) { ${FLAGS} } }`;

interface Flag {
  harm: { id: string };
  score: number;
  path: { score: number; nodes: { id: string }[]; hops: { claim: { type: string; status: string; sources: { url: string }[] } }[] };
}

test("a holding's flags include its subsidiary's path to the harm, each hop with its sources", async () => {
  const res = await api.gql(SCREEN, { content: 'name\nTelenor Group' });
  assert.equal(res.errors, undefined, JSON.stringify(res.errors));
  const [telenor] = res.data!.screenPortfolio.holdings;
  assert.deepEqual(telenor.exposure.subsidiaries.map((s: { entity: { id: string } }) => s.entity.id), ['telenor-myanmar']);
  const flag = (telenor.exposure.harms as Flag[]).find((h) => h.harm.id === 'abuse-myanmar-intercept');
  assert.ok(flag, 'Telenor Group is flagged for the intercept surveillance in Myanmar');
  assert.deepEqual(flag.path.nodes.map((n) => n.id), ['telenor-group', 'telenor-myanmar', 'telenor-mm-network', 'abuse-myanmar-intercept']);
  assert.deepEqual(flag.path.hops.map((h) => [h.claim.type, h.claim.status]), [['OWNS', 'REPORTED'], ['OPERATES', 'REPORTED'], ['RAISES_RISK_OF', 'ALLEGED']]);
  // OWNS 0.6 × reported 0.7, OPERATES 1 × 0.7, RAISES_RISK_OF 0.5 × alleged 0.5, decay 0.85 per hop after the first.
  const expected = 0.6 * 0.7 * (1 * 0.7 * 0.85) * (0.5 * 0.5 * 0.85);
  assert.ok(Math.abs(flag.score - expected) < 1e-12, `${flag.score} vs ${expected}`);
  assert.equal(flag.path.score, flag.score);
  assert.ok(flag.path.hops.every((h) => h.claim.sources.length > 0 && h.claim.sources.every((s) => s.url.startsWith('http'))));
});

test("a reader's choices apply to that run only, and a choice needs an entity or a rejection", async () => {
  const content = 'name\nMicrosfot\nGoogle';
  const first = await api.gql(SCREEN, { content });
  const typo = first.data!.screenPortfolio.holdings[0];
  assert.equal(typo.match.status, 'WEAK');
  const chosen = await api.gql(SCREEN, { content, decisions: [{ holdingKey: typo.holding.key, entityId: 'microsoft' }] });
  assert.equal(chosen.errors, undefined, JSON.stringify(chosen.errors));
  const confirmed = chosen.data!.screenPortfolio.holdings[0];
  assert.deepEqual([confirmed.match.status, confirmed.match.entity.id], ['CONFIRMED', 'microsoft']);
  assert.ok((confirmed.exposure.harms as Flag[]).some((h) => h.harm.id === 'abuse-8200-call-surveillance'));
  const rejected = await api.gql(SCREEN, { content, decisions: [{ holdingKey: typo.holding.key, reject: true }] });
  assert.equal(rejected.data!.screenPortfolio.holdings[0].match.status, 'REJECTED');
  const again = await api.gql(SCREEN, { content });
  assert.equal(again.data!.screenPortfolio.holdings[0].match.status, 'WEAK', 'nothing was remembered');
  const neither = await api.gql(SCREEN, { content, decisions: [{ holdingKey: typo.holding.key }] });
  assert.equal(neither.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
  assert.equal(neither.errors?.[0]?.extensions?.argument, 'decisions');
});

/** `db`, noting each named query it reads and when: the real database, watched. */
function watchReads(db: Database, reads: { at: number; query: string }[]): Database {
  return new Proxy(db, {
    get: (target, key) =>
      key === 'read'
        ? (query: string, ...rest: unknown[]) => (reads.push({ at: performance.now(), query }), (target.read as (...a: unknown[]) => Promise<unknown>)(query, ...rest))
        : Reflect.get(target, key),
  });
}

/** The data of each server-sent event of a subscription. */
async function events(query: string, variables: Record<string, unknown>): Promise<{ data?: any; errors?: { message: string; extensions?: Record<string, unknown> }[] }[]> {
  const response = await fetch(`${api.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
    body: JSON.stringify({ query, variables }),
  });
  assert.match(response.headers.get('content-type') ?? '', /text\/event-stream/);
  const text = await response.text();
  return text
    .split('\n\n')
    .filter((block) => block.includes('event: next'))
    .map((block) => JSON.parse(block.split('\n').find((l) => l.startsWith('data: '))!.slice(6)));
}

const STREAM = `subscription($content: String!) { screenPortfolioProgress(portfolio: "stream-fund", content: $content) {
  progress { phase done total } result { summary { holdings exposed } holdings { match { status } } } } }`;

test('a screening streams its progress, matching then exposure, and ends with the result', async () => {
  const content = ['name,weight', 'Google,1', 'Microsoft,1', 'Telenor ASA,1', 'Fictional Widgets Inc.,1'].join('\n');
  const stream = await events(STREAM, { content });
  const progress = stream.map((e) => e.data.screenPortfolioProgress.progress).filter(Boolean);
  const last = stream[stream.length - 1]!.data.screenPortfolioProgress;
  assert.deepEqual(progress.at(0), { phase: 'MATCHING', done: 4, total: 4 });
  assert.deepEqual(progress.at(-1), { phase: 'EXPOSURE', done: 3, total: 3 }, 'three holdings matched an entity');
  assert.equal(last.progress, null);
  assert.deepEqual(last.result.summary, { holdings: 4, exposed: 3 });
});

test('a malformed file ends the stream with the problems by line, before any progress', async () => {
  const stream = await events(STREAM, { content: 'name,isin\nGoogle,US-NOT-AN-ISIN\n' });
  assert.equal(stream.length, 1);
  const error = stream[0]!.errors?.[0];
  assert.equal(error?.extensions?.code, 'BAD_USER_INPUT');
  assert.match(JSON.stringify(error?.extensions?.problems), /line 2.*not a valid ISIN/);
});

test('an aborted screening stops at its next step: no claims are read after it', async () => {
  // 600 holdings: three matching steps of 250, so the signal is seen before the exposure walk.
  const names = ['Google', 'Microsoft', 'Telenor ASA', 'Amazon Web Services', 'Fictional Widgets Inc.'];
  const content = ['name', ...Array.from({ length: 600 }, (_, i) => names[i % names.length])].join('\n');
  const reads: { at: number; query: string }[] = [];
  const watched = watchReads(db, reads);
  const walked = () => reads.some((r) => r.query === 'complicity/expand');
  const readList = () => reads.map((r) => r.query).join(', ');
  const stop = new AbortController();
  const phases: string[] = [];
  const base = { portfolio: 'abort-fund', content, fileName: 'abort.csv', filter: claimFilter({}), maxHops: 4, weights: resolveWeights(null) };
  await assert.rejects(
    screenPortfolio(watched, {
      ...base,
      signal: stop.signal,
      onProgress(done, total, phase) {
        phases.push(`${phase} ${done}/${total}`);
        stop.abort(new Error('stopped by the test'));
      },
    }),
    /stopped by the test/,
  );
  assert.deepEqual(phases, ['matching 250/600']);
  assert.ok(!walked(), `no walk after the abort: ${readList()}`);

  // The same screening not aborted does walk: the check above could fail.
  reads.length = 0;
  const done = await screenPortfolio(watched, base);
  assert.equal(done.holdings.length, 600);
  assert.ok(walked(), readList());
});

test('a holding lists its strongest flags up to a limit, and counts them all', async () => {
  const query = (limit: number) => `mutation { screenPortfolio(portfolio: "limit-fund", content: "name\\nGoogle") {
    holdings { exposure { harmCount all: harms { harm { id } score } top: harms(limit: ${limit}) { harm { id } score } } } } }`;
  const res = await api.gql(query(1));
  assert.equal(res.errors, undefined, JSON.stringify(res.errors));
  const e = res.data!.screenPortfolio.holdings[0].exposure;
  assert.ok(e.harmCount >= 2, `Google reaches ${e.harmCount} harms`);
  assert.equal(e.all.length, e.harmCount);
  assert.deepEqual(e.top, e.all.slice(0, 1), 'the strongest first');
  const zero = await api.gql(query(0));
  assert.equal(zero.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
  assert.equal(zero.errors?.[0]?.extensions?.argument, 'limit');
});

test('a client that closes the progress stream stops the screening before its walk', async () => {
  const reads: { at: number; query: string }[] = [];
  const watched = watchReads(db, reads);
  const server = await startTestApi(watched);
  try {
    // 9,000 holdings: 36 matching steps, each a point where a closed stream is noticed.
    const names = ['Google', 'Microsoft', 'Telenor ASA', 'Gogle Inc', 'Fictional Widgets Inc.'];
    const content = ['name', ...Array.from({ length: 9000 }, (_, i) => names[i % names.length])].join('\n');
    const open = (signal?: AbortSignal) =>
      fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
        body: JSON.stringify({ query: STREAM, variables: { content } }),
        signal,
      });
    const walkStartsAfter = (from: number) => reads.find((r) => r.query === 'complicity/expand' && r.at >= from)?.at;

    // Read to the end: how long after the request the walk begins.
    let began = performance.now();
    await (await open()).text();
    const walkAt = walkStartsAfter(began);
    assert.ok(walkAt !== undefined, 'a screening read to the end walks the graph');
    const untilWalk = walkAt - began;

    // Closed as soon as the server answers: five times that long passes without a walk.
    const stop = new AbortController();
    began = performance.now();
    const response = await open(stop.signal);
    await response.body!.getReader().read();
    stop.abort();
    await new Promise((resolve) => setTimeout(resolve, Math.max(2000, 5 * untilWalk)));
    assert.equal(walkStartsAfter(began), undefined, `no walk after the stream closed (a full run walked after ${Math.round(untilWalk)} ms)`);
  } finally {
    await server.close();
  }
});
