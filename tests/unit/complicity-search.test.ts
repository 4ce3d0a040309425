// The path searches (api/complicity/pathSearch.ts) on tiny hand-built graphs of fictional
// entities, and on random graphs checked against brute-force enumeration.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { BoundExceeded } from '../../api/complicity/bounds.ts';
import { isHarm, isWalkable, WALK_STEPS } from '../../api/complicity/directions.ts';
import { bestPathPerHarm, kBestPaths, type ScoredPath } from '../../api/complicity/pathSearch.ts';
import { hopScore, pathScore, type WalkEdge } from '../../api/complicity/score.ts';
import { DEFAULT_WEIGHTS, type ComplicityWeights } from '../../api/complicity/weights.ts';
import { CLAIM_STATUSES, ENTITY_TYPE_NAMES, RELATION_TYPE_NAMES, type ClaimStatus, type EntityType, type RelationType } from '../../api/domain/model.ts';

const TYPES: Record<string, EntityType> = {
  acme: 'Company', globex: 'Company', fund: 'Investor', deal: 'Contract', ministry: 'StateBody', army: 'StateBody',
  cloud: 'Infrastructure', cams: 'Infrastructure', spying: 'Abuse', war: 'Conflict', freedonia: 'Country',
};

function e(from: string, relation: RelationType, to: string, status: ClaimStatus = 'reported', confidence: number | null = null, direction: 'forward' | 'backward' = 'forward'): WalkEdge {
  return { claimId: `${from}-${relation}-${to}`, relation, direction, from, fromType: TYPES[from]!, to, toType: TYPES[to]!, status, confidence };
}

const ids = (p: ScoredPath) => [p.edges[0]!.from, ...p.edges.map((x) => x.to)];

// Fictional graph: Acme runs the cloud used in the spying, which is part of the war; Acme
// also signed a deal with the ministry, covering the cloud; Globex shares the war.
const SMALL: WalkEdge[] = [
  e('fund', 'HOLDS', 'acme'),
  e('acme', 'OPERATES', 'cloud'),
  e('cloud', 'ALLEGEDLY_USED_IN', 'spying'),
  e('spying', 'PART_OF', 'war'),
  e('acme', 'PARTY_TO', 'deal'),
  e('deal', 'COVERS', 'cloud'),
  e('ministry', 'PARTY_TO', 'deal', 'reported', null, 'backward'),
  e('cloud', 'PROVIDES_SERVICE_TO', 'army', 'company-confirmed'),
  e('army', 'ALLEGEDLY_RESPONSIBLE_FOR', 'spying'),
  e('globex', 'ALLEGEDLY_USED_IN', 'war'),
  e('acme', 'LOCATED_IN', 'freedonia'),
];
// The backward PARTY_TO above walks deal → ministry.
SMALL[6] = { ...SMALL[6]!, from: 'deal', fromType: 'Contract', to: 'ministry', toType: 'StateBody' };

test('the k best paths come best first, each with its score', () => {
  const paths = kBestPaths(SMALL, 'acme', new Set(['spying']), { maxHops: 4, weights: DEFAULT_WEIGHTS, k: 10 });
  assert.deepEqual(paths.map(ids), [
    ['acme', 'cloud', 'spying'],
    ['acme', 'cloud', 'army', 'spying'],
    ['acme', 'deal', 'cloud', 'spying'],
    ['acme', 'deal', 'cloud', 'army', 'spying'],
  ]);
  assert.equal(paths[0]!.score, 0.7 * (0.7 * 0.85));
  for (const p of paths) assert.equal(p.score, pathScore(p.edges.map((x) => hopScore(x, DEFAULT_WEIGHTS).weight), 0.85));
});

test('k and maxHops cut the result', () => {
  assert.equal(kBestPaths(SMALL, 'acme', new Set(['spying']), { maxHops: 4, weights: DEFAULT_WEIGHTS, k: 2 }).length, 2);
  assert.deepEqual(kBestPaths(SMALL, 'acme', new Set(['spying']), { maxHops: 2, weights: DEFAULT_WEIGHTS, k: 10 }).map(ids), [['acme', 'cloud', 'spying']]);
  assert.deepEqual(kBestPaths(SMALL, 'fund', new Set(['war']), { maxHops: 3, weights: DEFAULT_WEIGHTS, k: 10 }), []);
});

test('two companies linked to the same conflict are not joined through it', () => {
  assert.deepEqual(kBestPaths(SMALL, 'globex', new Set(['acme', 'cloud', 'spying']), { maxHops: 6, weights: DEFAULT_WEIGHTS, k: 10 }), []);
  const exposure = bestPathPerHarm(SMALL, 'globex', { maxHops: 6, weights: DEFAULT_WEIGHTS });
  assert.deepEqual([...exposure.keys()], ['war']);
});

test('exposure finds each abuse and conflict with its best path, the conflict through the abuse', () => {
  const best = bestPathPerHarm(SMALL, 'fund', { maxHops: 4, weights: DEFAULT_WEIGHTS });
  assert.deepEqual(ids(best.get('spying')!), ['fund', 'acme', 'cloud', 'spying']);
  assert.deepEqual(ids(best.get('war')!), ['fund', 'acme', 'cloud', 'spying', 'war']);
  assert.equal(bestPathPerHarm(SMALL, 'fund', { maxHops: 3, weights: DEFAULT_WEIGHTS }).has('war'), false);
});

test('a zero strength takes a relation type out of the walk', () => {
  const weights: ComplicityWeights = { ...DEFAULT_WEIGHTS, relationStrength: { ...DEFAULT_WEIGHTS.relationStrength, OPERATES: 0 } };
  const paths = kBestPaths(SMALL, 'acme', new Set(['spying']), { maxHops: 4, weights, k: 10 });
  assert.ok(paths.length > 0 && paths.every((p) => p.edges.every((x) => x.relation !== 'OPERATES')));
});

test('the search stops with BoundExceeded naming maxPathsExplored when it would explore too much', () => {
  assert.throws(
    () => kBestPaths(SMALL, 'acme', new Set(['spying']), { maxHops: 4, weights: DEFAULT_WEIGHTS, k: 10, maxPathsExplored: 2 }),
    (err: unknown) => err instanceof BoundExceeded && err.bound === 'maxPathsExplored',
  );
});

// --- random graphs ---------------------------------------------------------------------

const NODE_COUNT = 8;
const randomGraph = fc.record({
  // Node 0 (the start) is an actor; the rest mostly types that paths pass through or end at.
  types: fc.tuple(
    fc.constantFrom<EntityType>('Company', 'Investor', 'StateBody'),
    fc.array(
      fc.oneof(
        { arbitrary: fc.constantFrom<EntityType>('Company', 'Infrastructure', 'Contract', 'StateBody', 'Abuse', 'Conflict'), weight: 4 },
        { arbitrary: fc.constantFrom(...ENTITY_TYPE_NAMES), weight: 1 },
      ),
      { minLength: NODE_COUNT - 1, maxLength: NODE_COUNT - 1 },
    ),
  ).map(([first, rest]) => [first, ...rest]),
  edges: fc.array(
    fc.record({
      from: fc.nat(NODE_COUNT - 1),
      to: fc.nat(NODE_COUNT - 1),
      // Mostly a step the rules allow from `from` (to a node of the step's type), else any
      // relation at all between `from` and `to`, which the search must ignore.
      walkable: fc.integer({ min: 0, max: 4 }).map((n) => n > 0),
      pickStep: fc.nat(),
      pickNode: fc.nat(),
      relation: fc.constantFrom(...RELATION_TYPE_NAMES),
      backward: fc.boolean(),
      status: fc.constantFrom(...CLAIM_STATUSES),
      confidence: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }),
    }),
    { minLength: 12, maxLength: 40 },
  ),
  maxHops: fc.integer({ min: 1, max: 5 }),
  k: fc.integer({ min: 1, max: 8 }),
  target: fc.integer({ min: 1, max: NODE_COUNT - 1 }),
});

type RandomGraph = typeof randomGraph extends fc.Arbitrary<infer T> ? T : never;

function walkEdges(g: RandomGraph): WalkEdge[] {
  const nodes = g.types.map((type, n) => ({ id: `n${n}`, type }));
  return g.edges.map((x, i) => {
    const from = nodes[x.from]!;
    const steps = WALK_STEPS.filter((s) => s.from === from.type && nodes.some((n) => n.type === s.to && n !== from));
    const step = x.walkable && steps.length > 0 ? steps[x.pickStep % steps.length]! : null;
    const ends = step ? nodes.filter((n) => n.type === step.to && n !== from) : [nodes[x.to]!];
    const to = ends[x.pickNode % ends.length]!;
    return {
      claimId: `c${i}`,
      relation: step?.relation ?? x.relation,
      direction: step?.direction ?? (x.backward ? 'backward' : 'forward'),
      from: from.id,
      fromType: from.type,
      to: to.id,
      toType: to.type,
      status: x.status,
      confidence: x.confidence,
    };
  });
}

/** Every simple path of at most maxHops walkable hops from n0, scored: the reference answer. */
function allSimplePaths(edges: WalkEdge[], maxHops: number, weights: ComplicityWeights): ScoredPath[] {
  const out: ScoredPath[] = [];
  const visit = (node: string, path: WalkEdge[], seen: Set<string>) => {
    if (path.length > 0) out.push({ edges: [...path], score: pathScore(path.map((x) => hopScore(x, weights).weight), weights.hopDecay) });
    if (path.length === maxHops) return;
    for (const x of edges) {
      if (x.from !== node || seen.has(x.to)) continue;
      if (!isWalkable({ relation: x.relation, direction: x.direction, from: x.fromType as EntityType, to: x.toType as EntityType })) continue;
      if (!(hopScore(x, weights).weight > 0)) continue;
      seen.add(x.to);
      visit(x.to, [...path, x], seen);
      seen.delete(x.to);
    }
  };
  visit('n0', [], new Set(['n0']));
  return out;
}

function assertMeaningful(p: ScoredPath) {
  const nodes = ids(p);
  assert.equal(new Set(nodes).size, nodes.length, `a node repeats in ${nodes.join(' → ')}`);
  const types = [p.edges[0]!.fromType, ...p.edges.map((x) => x.toType)];
  assert.ok(!types.slice(1).includes('Country'), 'a path never reaches a country');
  // No abuse or conflict in the middle of a path: once on one, only the larger harm it is
  // part of may follow (abuse → conflict), never an actor again.
  const firstHarm = types.findIndex((t, i) => i > 0 && isHarm(t));
  if (firstHarm >= 0) assert.ok(types.slice(firstHarm).every(isHarm), `harm in the middle: ${types.join(' → ')}`);
}

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(a), Math.abs(b));

test('property: k best paths never revisit an entity, never reach a country, never go on from a harm but to a larger one, come best first, and are exactly the top k', () => {
  fc.assert(
    fc.property(randomGraph, (g) => {
      const edges = walkEdges(g);
      const target = `n${g.target}`;
      const found = kBestPaths(edges, 'n0', new Set([target]), { maxHops: g.maxHops, weights: DEFAULT_WEIGHTS, k: g.k });
      for (const p of found) {
        assertMeaningful(p);
        assert.equal(p.edges.at(-1)!.to, target);
        assert.ok(p.edges.length <= g.maxHops);
      }
      for (let i = 1; i < found.length; i++) assert.ok(found[i - 1]!.score >= found[i]!.score, 'descending');
      const reference = allSimplePaths(edges, g.maxHops, DEFAULT_WEIGHTS)
        .filter((p) => p.edges.at(-1)!.to === target && target !== 'n0')
        .map((p) => p.score)
        .sort((a, b) => b - a)
        .slice(0, g.k);
      assert.equal(found.length, reference.length);
      found.forEach((p, i) => assert.ok(close(p.score, reference[i]!), `path ${i}: ${p.score} vs ${reference[i]}`));
    }),
    { numRuns: 300 },
  );
});

test('property: exposure gives every reachable harm its best simple path', () => {
  fc.assert(
    fc.property(randomGraph, (g) => {
      const edges = walkEdges(g);
      const best = bestPathPerHarm(edges, 'n0', { maxHops: g.maxHops, weights: DEFAULT_WEIGHTS });
      const reference = new Map<string, number>();
      for (const p of allSimplePaths(edges, g.maxHops, DEFAULT_WEIGHTS)) {
        const last = p.edges.at(-1)!;
        if (isHarm(last.toType)) reference.set(last.to, Math.max(reference.get(last.to) ?? 0, p.score));
      }
      assert.deepEqual([...best.keys()].sort(), [...reference.keys()].sort());
      for (const [harm, p] of best) {
        assertMeaningful(p);
        assert.ok(close(p.score, reference.get(harm)!), `${harm}: ${p.score} vs ${reference.get(harm)}`);
      }
    }),
    { numRuns: 300 },
  );
});
