// Severity levels and the weighted portfolio summary (pure), on hand-made holdings.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { holdingWeights, portfolioSummary, severityLevel, type HarmReach } from '../../api/portfolio/severity.ts';

const conflict = (id: string, score = 0.2): HarmReach => ({ id, type: 'Conflict', name: id, category: null, score });
const abuse = (id: string, category: string, score = 0.2): HarmReach => ({ id, type: 'Abuse', name: id, category, score });

test('severity levels follow the best path score', () => {
  assert.equal(severityLevel(0.4165), 'high');
  assert.equal(severityLevel(0.3), 'high');
  assert.equal(severityLevel(0.1), 'medium');
  assert.equal(severityLevel(0.02), 'low');
  assert.equal(severityLevel(0), 'none');
});

test('weights come from the weight column, else the value column, else are equal', () => {
  assert.equal(holdingWeights([{ weight: 1, value: null, harms: [] }, { weight: 3, value: 5, harms: [] }]).weighting, 'weight');
  assert.equal(holdingWeights([{ weight: 1, value: 10, harms: [] }, { weight: null, value: 30, harms: [] }]).weighting, 'value');
  assert.deepEqual(holdingWeights([{ weight: null, value: null, harms: [] }, { weight: 2, value: null, harms: [] }]), { weights: [1, 1], weighting: 'equal' });
});

test('the summary weighs exposure by holding, counting a conflict or category once per holding', () => {
  const s = portfolioSummary([
    { weight: 50, value: null, harms: [conflict('war-a'), abuse('abuse-1', 'mass-surveillance'), abuse('abuse-2', 'mass-surveillance')] },
    { weight: 30, value: null, harms: [conflict('war-a'), conflict('war-b')] },
    { weight: 20, value: null, harms: [] },
  ]);
  assert.equal(s.exposed, 2);
  assert.equal(s.exposedWeightShare, 0.8);
  assert.deepEqual(s.byConflict.map((c) => [c.key, c.weightShare, c.holdings]), [['war-a', 0.8, 2], ['war-b', 0.3, 1]]);
  assert.deepEqual(s.byCategory.map((c) => [c.key, c.weightShare, c.holdings]), [['mass-surveillance', 0.5, 1]]);
});
