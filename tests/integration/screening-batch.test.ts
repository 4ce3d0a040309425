// Screening reads the claims of many holdings in one walk; on the seed data every company and
// investor must get exactly what the `exposure` query gives it alone: the same abuses and
// conflicts, the same best paths, the same scores.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { resolveWeights } from '../../api/complicity/weights.ts';
import type { Database } from '../../api/db/database.ts';
import { claimFilter } from '../../api/filters/claimFilter.ts';
import { EXPOSURE_BATCH, exposuresOf } from '../../api/portfolio/exposures.ts';
import { screenPortfolio } from '../../api/portfolio/screen.ts';
import { loadCandidates, subsidiariesOfMany } from '../../api/portfolio/store.ts';
import type { TestApi } from '../support/api.ts';
import { closeAll, startSeededApi } from '../support/seeded.ts';

let db: Database;
let api: TestApi;

before(async () => ({ db, api } = await startSeededApi()));

after(() => closeAll(api, db));

const EXPOSURE = `query($id: ID!, $maxHops: Int, $asOf: String) { exposure(entityId: $id, maxHops: $maxHops, limit: 500, asOf: $asOf) {
  harms { harm { id } score path { hops { claim { id } } } } } }`;

for (const { maxHops, asOf } of [{ maxHops: 4, asOf: null }, { maxHops: 6, asOf: null }, { maxHops: 4, asOf: '2022-02-15' }]) {
  test(`a batch walk finds each entity's exposure exactly (maxHops ${maxHops}${asOf ? `, asOf ${asOf}` : ''})`, async () => {
    const ids = (await loadCandidates(db)).map((c) => c.id).sort();
    assert.ok(ids.length >= 10 && ids.length < EXPOSURE_BATCH.entities, 'the seed companies and investors fit in one batch');
    const batch = await exposuresOf(db, ids, { maxHops, filter: claimFilter({ asOf }), weights: resolveWeights(null) });
    let exposed = 0;
    for (const id of ids) {
      const res = await api.gql(EXPOSURE, { id, maxHops, asOf });
      assert.equal(res.errors, undefined, JSON.stringify(res.errors));
      const alone = (res.data!.exposure.harms as { harm: { id: string }; score: number; path: { hops: { claim: { id: string } }[] } }[])
        .map((h) => [h.harm.id, h.score, h.path.hops.map((x) => x.claim.id)])
        .sort();
      const together = [...batch.best.get(id)!].map(([harm, p]) => [harm, p.score, p.edges.map((e) => e.claimId)]).sort();
      assert.deepEqual(together, alone, id);
      if (alone.length > 0) exposed++;
    }
    assert.ok(exposed >= 5, `${exposed} seed entities reach a harm`);
  });
}

test('subsidiaries of several owners come in one read, each with its chain and share', async () => {
  const subs = await subsidiariesOfMany(db, ['shwe-byain-phyu', 'm1-group', 'google'], claimFilter({}));
  assert.deepEqual(subs.get('google'), []);
  const sbp = subs.get('shwe-byain-phyu')!;
  assert.deepEqual(sbp.map((s) => [s.id, s.hops, s.chain]), [['investcom', 1, ['shwe-byain-phyu', 'investcom']], ['telenor-myanmar', 2, ['shwe-byain-phyu', 'investcom', 'telenor-myanmar']]]);
  // Shwe Byain Phyu holds 80% of Investcom (seed); Investcom's share of Telenor Myanmar has no percentage.
  assert.equal(sbp[0]!.share, 0.8);
  assert.equal(sbp[1]!.share, null);
  assert.equal(subs.get('m1-group')![0]!.share, 0.2);
});

test('an entity past the claim bound is listed as unknown with the bound; the rest of its batch keeps its exposure', async () => {
  const ids = (await loadCandidates(db)).map((c) => c.id).sort();
  const opts = { maxHops: 4, filter: claimFilter({}), weights: resolveWeights(null) };
  const full = await exposuresOf(db, ids, opts);
  assert.equal(full.unscreened.size, 0);
  // What each entity's walk reads alone, to pick a bound some pass and some do not.
  const alone = new Map<string, number>();
  for (const id of ids) alone.set(id, (await exposuresOf(db, [id], opts)).claimsVisited);
  const sizes = [...alone.values()].sort((a, b) => a - b);
  const bound = sizes[Math.floor(sizes.length / 2)]!;
  const over = ids.filter((id) => alone.get(id)! > bound);
  assert.ok(over.length > 0 && over.length < ids.length, `bound ${bound} splits the seed entities`);

  const progress: number[] = [];
  const limited = await exposuresOf(db, ids, { ...opts, maxClaims: { batch: bound, entity: bound }, onProgress: (done) => progress.push(done) });
  assert.deepEqual([...limited.unscreened.keys()].sort(), over.sort());
  for (const why of limited.unscreened.values()) assert.match(why, new RegExp(`more than ${bound.toLocaleString('en-US')} claims;`));
  for (const id of ids.filter((x) => !over.includes(x))) {
    assert.deepEqual([...limited.best.get(id)!].map(([h, p]) => [h, p.score]), [...full.best.get(id)!].map(([h, p]) => [h, p.score]), id);
  }
  assert.equal(progress.at(-1), ids.length, 'progress counts the unknown ones as done');
});

test('a screening goes on past an entity too large to walk: the holding says why, the summary and notes count it', async () => {
  const content = 'name,weight\nGoogle,40\nAmazon Web Services,30\nTelenor,30\n';
  const base = { portfolio: 'bounds-test', content, fileName: 'bounds.csv', filter: claimFilter({}), maxHops: 4, weights: resolveWeights(null) };
  const free = await screenPortfolio(db, base);
  const walked = new Map(free.holdings.map((h) => [h.match.entityId!, h]));
  assert.deepEqual(free.holdings.map((h) => h.match.status), ['matched', 'matched', 'matched'], JSON.stringify(free.holdings.map((h) => h.match)));
  const sizes = await Promise.all([...walked.keys()].map(async (id) => [id, (await exposuresOf(db, [id], base)).claimsVisited] as const));
  sizes.sort((a, b) => b[1] - a[1]);
  const [largest, next] = sizes;
  assert.ok(largest![1] > next![1], 'one walk reads the most');

  const limited = await screenPortfolio(db, { ...base, maxClaims: { batch: next![1], entity: next![1] } });
  const unknown = limited.holdings.filter((h) => h.unscreened !== null);
  assert.deepEqual(unknown.map((h) => h.match.entityId), [largest![0]]);
  assert.equal(unknown[0]!.exposure, null);
  assert.match(unknown[0]!.unscreened!, /read more than [\d,]+ claims/);
  assert.equal(limited.summary.unscreened, 1);
  assert.equal(limited.summary.unscreenedWeightShare, unknown[0]!.holding.weight! / 100);
  assert.ok(limited.notes.some((n) => n.startsWith(`exposure unknown for line ${unknown[0]!.holding.line}:`)), limited.notes.join(' | '));
  for (const h of limited.holdings.filter((x) => x.unscreened === null)) {
    assert.deepEqual(h.exposure!.harms, walked.get(h.match.entityId!)!.exposure!.harms, h.match.entityId!);
  }
});
