// The complicity score (api/complicity/score.ts, weights.ts) and the walk rules
// (directions.ts), on hand-made claims between fictional entities.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { projectRoot } from '../../api/config.ts';
import { CLAIM_STATUSES, RELATION_TYPE_NAMES, type ClaimStatus, type RelationType } from '../../api/domain/model.ts';
import { isWalkable, WALK_RULES, WALK_STEPS, WALKED_RELATIONS, isHarm } from '../../api/complicity/directions.ts';
import { hopScore, pathScore, scoreBreakdown, type WalkEdge } from '../../api/complicity/score.ts';
import { DEFAULT_RELATION_STRENGTH, DEFAULT_WEIGHTS, resolveWeights } from '../../api/complicity/weights.ts';

function edge(relation: RelationType, status: ClaimStatus, confidence: number | null = null): WalkEdge {
  return { claimId: `c-${relation}`, relation, direction: 'forward', from: 'a', fromType: 'Company', to: 'b', toType: 'Infrastructure', status, confidence };
}

test('a hop weighs its relation strength times its confidence, the status default when not assessed', () => {
  assert.deepEqual(hopScore(edge('OPERATES', 'reported'), DEFAULT_WEIGHTS), { strength: 1, confidence: 0.7, confidenceFromStatus: true, weight: 0.7 });
  assert.deepEqual(hopScore(edge('HOLDS', 'alleged', 0.9), DEFAULT_WEIGHTS), { strength: 0.4, confidence: 0.9, confidenceFromStatus: false, weight: 0.4 * 0.9 });
});

test('operating the system used in an abuse counts more than an ownership or holding link', () => {
  const s = DEFAULT_RELATION_STRENGTH;
  assert.ok(s.OPERATES > s.OWNS && s.OWNS > s.HOLDS);
  assert.ok(s.ALLEGEDLY_USED_IN > s.RAISES_RISK_OF);
});

test('a path scores the product of its hop weights, decayed once per hop after the first', () => {
  assert.equal(pathScore([0.7], 0.85), 0.7);
  assert.equal(pathScore([0.7, 0.7], 0.85), 0.7 * (0.7 * 0.85));
  assert.equal(pathScore([], 0.85), 0);
  const b = scoreBreakdown([edge('OPERATES', 'reported'), edge('ALLEGEDLY_USED_IN', 'reported')], DEFAULT_WEIGHTS);
  assert.equal(b.score, 0.7 * (0.7 * 0.85));
  assert.ok(Math.abs(b.hopProduct * b.lengthFactor - b.score) < 1e-12);
  assert.equal(
    b.explanation,
    'operates 1 × 0.7 (reported, not assessed) · is allegedly used in 1 × 0.7 (reported, not assessed) × decay 0.85^1 = 0.4165',
  );
});

const weight = fc.double({ min: 0, max: 1, noNaN: true });
const decay = fc.double({ min: 0, max: 1, noNaN: true });
const relation = fc.constantFrom(...WALKED_RELATIONS);
const status = fc.constantFrom(...CLAIM_STATUSES);

test('property: lowering one hop’s confidence never raises the path score', () => {
  fc.assert(
    fc.property(
      fc.array(fc.tuple(relation, status, weight), { minLength: 1, maxLength: 6 }),
      fc.nat(),
      fc.double({ min: 0, max: 1, noNaN: true }),
      decay,
      (hops, pick, factor, d) => {
        const weights = { ...DEFAULT_WEIGHTS, hopDecay: d };
        const edges = hops.map(([r, s, c]) => edge(r, s, c));
        const i = pick % edges.length;
        const lowered = edges.map((e, j) => (j === i ? { ...e, confidence: e.confidence! * factor } : e));
        const score = (es: WalkEdge[]) => pathScore(es.map((e) => hopScore(e, weights).weight), d);
        assert.ok(score(lowered) <= score(edges));
      },
    ),
  );
});

test('property: a longer path never scores higher than its prefix', () => {
  fc.assert(
    fc.property(fc.array(weight, { minLength: 1, maxLength: 7 }), weight, decay, (hops, extra, d) => {
      assert.ok(pathScore([...hops, extra], d) <= pathScore(hops, d));
    }),
  );
});

test('weights can be overridden per request; bad overrides name what was wrong', () => {
  const w = resolveWeights({ relations: [{ type: 'HOLDS', strength: 0.1 }], statuses: [{ status: 'alleged', confidence: 0.3 }], hopDecay: 0.5 });
  assert.equal(w.relationStrength.HOLDS, 0.1);
  assert.equal(w.relationStrength.OWNS, DEFAULT_RELATION_STRENGTH.OWNS);
  assert.equal(w.statusConfidence.alleged, 0.3);
  assert.equal(w.hopDecay, 0.5);
  const fails = (input: Parameters<typeof resolveWeights>[0], message: RegExp) =>
    assert.throws(() => resolveWeights(input), (e: Error & { extensions?: { code?: string } }) => message.test(e.message) && e.extensions?.code === 'BAD_USER_INPUT');
  fails({ relations: [{ type: 'LOCATED_IN', strength: 0.5 }] }, /LOCATED_IN is never walked/);
  fails({ relations: [{ type: 'FUNDS', strength: 0.5 }] }, /FUNDS is not a relation type/);
  fails({ relations: [{ type: 'OWNS', strength: -0.1 }] }, /weights\.relations\[OWNS\]\.strength must be between 0 and 1; got -0\.1/);
  fails({ relations: [{ type: 'OWNS', strength: 1.5 }] }, /between 0 and 1; got 1\.5/);
  fails({ relations: [{ type: 'OWNS', strength: 0.5 }, { type: 'OWNS', strength: 0.6 }] }, /sets OWNS twice/);
  fails({ statuses: [{ status: 'denied', confidence: 2 }] }, /weights\.statuses\[denied\]\.confidence must be between 0 and 1/);
  fails({ hopDecay: -1 }, /weights\.hopDecay must be between 0 and 1; got -1/);
});

test('every relation type has a walk rule; locations, service to people, withdrawals and sanctions are never walked', () => {
  assert.deepEqual(Object.keys(WALK_RULES).sort(), [...RELATION_TYPE_NAMES].sort());
  for (const never of ['LOCATED_IN', 'SERVES', 'DISENGAGED_FROM', 'SANCTIONED_BY']) {
    assert.ok(!WALK_STEPS.some((s) => s.relation === never), never);
  }
  assert.deepEqual(Object.keys(DEFAULT_RELATION_STRENGTH).sort(), [...WALKED_RELATIONS].sort());
});

test('walk steps never touch a country and never lead from a harm back to an actor', () => {
  for (const s of WALK_STEPS) {
    assert.ok(s.from !== 'Country' && s.to !== 'Country', JSON.stringify(s));
    if (isHarm(s.from)) assert.ok(isHarm(s.to), JSON.stringify(s));
  }
  assert.ok(isWalkable({ relation: 'PART_OF', direction: 'forward', from: 'Abuse', to: 'Conflict' }));
  assert.ok(!isWalkable({ relation: 'ALLEGEDLY_USED_IN', direction: 'backward', from: 'Conflict', to: 'Company' }));
});

test('a contract leads on only to its state party, never to a co-vendor', () => {
  assert.ok(isWalkable({ relation: 'PARTY_TO', direction: 'forward', from: 'Company', to: 'Contract' }));
  assert.ok(isWalkable({ relation: 'PARTY_TO', direction: 'backward', from: 'Contract', to: 'Government' }));
  assert.ok(isWalkable({ relation: 'PARTY_TO', direction: 'backward', from: 'Contract', to: 'StateBody' }));
  assert.ok(!isWalkable({ relation: 'PARTY_TO', direction: 'backward', from: 'Contract', to: 'Company' }));
  assert.ok(!isWalkable({ relation: 'OWNS', direction: 'backward', from: 'Company', to: 'Investor' }));
});

test('the README documents the default strengths and decay exactly as weights.ts sets them', () => {
  const readme = readFileSync(join(projectRoot, 'README.md'), 'utf8');
  for (const [type, strength] of Object.entries(DEFAULT_RELATION_STRENGTH)) {
    assert.match(readme, new RegExp(`^\\| \`${type}\` \\| ${strength.toFixed(strength * 10 % 1 === 0 ? 1 : 2)} \\|`, 'm'), type);
  }
  assert.match(readme, new RegExp(`default ${DEFAULT_WEIGHTS.hopDecay}\\)`));
});
