// Screening reads the claims of many holdings in one walk; on the seed data every company and
// investor must get exactly what the `exposure` query gives it alone: the same abuses and
// conflicts, the same best paths, the same scores.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { resolveWeights } from '../../api/complicity/weights.ts';
import type { Database } from '../../api/db/database.ts';
import { claimFilter } from '../../api/filters/claimFilter.ts';
import { EXPOSURE_BATCH, exposuresOf } from '../../api/portfolio/exposures.ts';
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
