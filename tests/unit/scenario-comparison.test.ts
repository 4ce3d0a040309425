// Comparing two scenarios (api/disengagement/compare.ts): the paths each cuts and each creates,
// the risks each raises and the people each leaves without a service, so a sale that opens
// paths through a buyer tied to the abusers never reads as cleaner than a shutdown. Fictional.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compareOutcomes, pathsAfter, type ComparedPath, type ComparedResult } from '../../api/disengagement/compare.ts';

const claim = (id: string, from: string, to: string, status = 'REPORTED', summary = 'Reported.') => ({ id, from, to, status, summary });
const path = (subject: string, role: ComparedPath['role'], score: number, ...claims: ReturnType<typeof claim>[]): ComparedPath => ({
  subject: { id: subject },
  role,
  path: { score, hops: claims.map((c) => ({ claim: c })) },
});

// Acme runs a network in Ruritania that the ministry uses in the border camps.
const viaNetwork = path('acme', 'COMPANY', 0.3, claim('c1', 'acme', 'net'), claim('c2', 'net', 'camps'));
const viaCloud = path('acme', 'COMPANY', 0.2, claim('c3', 'acme', 'cloud'), claim('c4', 'cloud', 'camps'));
const fundPath = path('fund', 'INVESTOR', 0.1, claim('h1', 'fund', 'acme'), claim('c1', 'acme', 'net'), claim('c2', 'net', 'camps'));

const shutdown: ComparedResult<ComparedPath> = {
  cutPaths: [viaNetwork, fundPath],
  remainingPaths: [viaCloud],
  createdPaths: [],
  peopleLosingService: 2_000_000,
  substitutionRisks: [],
};
// The buyer's owner is tied to the ministry: the sale keeps the service and opens paths through it.
const tie = claim('t1', 'owner', 'ministry', 'ALLEGED', 'Reports link Owner Co to the ministry; Owner Co denied the ties.');
const sale: ComparedResult<ComparedPath> = {
  cutPaths: [viaNetwork, fundPath],
  remainingPaths: [viaCloud, path('buyer', 'BUYER', 0.05, claim('b9', 'buyer', 'x'))],
  createdPaths: [
    path('buyer', 'BUYER', 0.25, claim('scenario:c1', 'buyer', 'net'), claim('c2', 'net', 'camps')),
    path('owner', 'BUYER_OWNER', 0.12, tie, claim('m1', 'ministry', 'camps')),
  ],
  peopleLosingService: 0,
  substitutionRisks: [{ kind: 'BUYER_TIES', explanation: 'Owner Co, which owns Buyer Co, is linked to the Ministry (alleged)', claim: tie }, { kind: 'OTHER_PROVIDER', explanation: 'Other Net could take over' }],
};

test('a sale that cuts what a shutdown cuts still says the paths it creates and the risks it raises', () => {
  const c = compareOutcomes({ name: 'Exit Ruritania', result: shutdown }, { name: 'Sell to Buyer Co', result: sale });
  assert.equal(c.cutByBoth.length, 2);
  assert.deepEqual([c.cutOnlyByA.length, c.cutOnlyByB.length], [0, 0]);
  assert.deepEqual(c.createdOnlyByB.map((p) => p.subject.id), ['buyer', 'owner']);
  assert.deepEqual([c.createdByBoth.length, c.createdOnlyByA.length], [0, 0]);
  assert.equal(
    c.summary,
    '"Exit Ruritania" cuts 2 paths, creates no path and raises no substitution risk; 2,000,000 people lose a service. ' +
      '"Sell to Buyer Co" cuts 2 paths, creates 2 new paths (the strongest 0.250; 1 through contested evidence) and raises 2 substitution risks ' +
      '(buyer risk: Owner Co, which owns Buyer Co, is linked to the Ministry (alleged); the claim of that tie is contested); no population recorded as served loses a service. ' +
      'Paths left or created: after "Exit Ruritania" 1 (the strongest 0.200), after "Sell to Buyer Co" 3 (the strongest 0.250). ' +
      'Cut: 2 by both, 0 only by "Exit Ruritania", 0 only by "Sell to Buyer Co". Created: 0 by both, 0 only by "Exit Ruritania", 2 only by "Sell to Buyer Co".',
  );
});

test('the paths after a withdrawal are the company’s and investors’ it leaves plus those it creates, not the buyer’s own', () => {
  assert.deepEqual(pathsAfter(sale).map((p) => p.path.score), [0.2, 0.25, 0.12]);
  assert.deepEqual(pathsAfter(shutdown).map((p) => p.path.score), [0.2]);
});

test('paths are the same when subject and claims agree; two buyers’ simulated claims of one id differ by their ends', () => {
  const saleTo = (buyer: string): ComparedResult<ComparedPath> => ({
    ...sale,
    createdPaths: [path(buyer, 'BUYER', 0.25, claim('scenario:c1', buyer, 'net'), claim('c2', 'net', 'camps')), path('acme', 'COMPANY', 0.1, claim('scenario:c1', buyer, 'net'))],
  });
  const c = compareOutcomes({ name: 'A', result: saleTo('buyer-a') }, { name: 'B', result: saleTo('buyer-b') });
  assert.equal(c.createdByBoth.length, 0);
  assert.deepEqual([c.createdOnlyByA.length, c.createdOnlyByB.length], [2, 2]);
  const same = compareOutcomes({ name: 'A', result: saleTo('buyer-a') }, { name: 'A again', result: saleTo('buyer-a') });
  assert.equal(same.createdByBoth.length, 2);
  assert.match(same.summary, /Created: 2 by both, 0 only by "A", 0 only by "A again"\./);
});

test('a scenario that leaves nothing and creates nothing says none', () => {
  const clean: ComparedResult<ComparedPath> = { cutPaths: [viaNetwork, viaCloud], remainingPaths: [], createdPaths: [], peopleLosingService: 0, substitutionRisks: [] };
  const c = compareOutcomes({ name: 'All out', result: clean }, { name: 'Exit Ruritania', result: shutdown });
  assert.match(c.summary, /^"All out" cuts 2 paths, creates no path and raises no substitution risk; no population recorded as served loses a service\./);
  assert.match(c.summary, /after "All out" none, after "Exit Ruritania" 1/);
  assert.deepEqual([c.cutByBoth.length, c.cutOnlyByA.length, c.cutOnlyByB.length], [1, 1, 1]);
});
