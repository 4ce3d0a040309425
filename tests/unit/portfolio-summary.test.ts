// Severity levels, weight shares (of the file and of the whole portfolio) and the weighted
// portfolio summary (pure), on hand-made holdings.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { holdingWeights, portfolioSummary, severityLevel, type HarmReach } from '../../api/portfolio/severity.ts';
import { sharePhrase, shareText } from '../../api/portfolio/reportText.ts';
import { addsUpToWhole, weightNote, weightShares } from '../../api/portfolio/weightShares.ts';

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

test('weights read as percentages or parts of 1: each holding’s share of the file and of the whole portfolio', () => {
  const points = weightShares([{ weight: 30, value: null }, { weight: 20, value: null }, { weight: 10, value: null }]);
  assert.equal(points.scale, 'percent');
  assert.equal(points.fileOfWhole, 0.6);
  assert.deepEqual(points.ofFile.map((x) => +x.toFixed(4)), [0.5, 0.3333, 0.1667]);
  assert.deepEqual(points.ofWhole, [0.3, 0.2, 0.1]);
  // "30%" is parsed as 0.3: parts of 1, the same portfolio.
  const fractions = weightShares([{ weight: 0.3, value: null }, { weight: 0.2, value: null }, { weight: 0.1, value: null }]);
  assert.equal(fractions.scale, 'fraction');
  assert.equal(+fractions.fileOfWhole!.toFixed(10), 0.6);
  // Values and equal weights say nothing of the whole.
  assert.deepEqual(weightShares([{ weight: null, value: 300 }, { weight: null, value: 100 }]), { weighting: 'value', ofFile: [0.75, 0.25], ofWhole: null, fileOfWhole: null, scale: null });
  assert.equal(weightShares([{ weight: null, value: null }]).fileOfWhole, null);
});

test('weights adding up to 100 % (give or take rounding) need no note; others say so, with both shares', () => {
  assert.equal(addsUpToWhole(1), true);
  assert.equal(addsUpToWhole(0.9996), true, '99.96 is rounding');
  assert.equal(addsUpToWhole(0.99), false);
  assert.equal(addsUpToWhole(null), true);
  assert.equal(weightNote({ fileOfWhole: 1, scale: 'percent' }), null);
  assert.equal(
    weightNote({ fileOfWhole: 0.6, scale: 'percent' }),
    'the weights add up to 60.0% of the portfolio (read as percentages), not 100%: each share is given of the file and, in brackets, of the whole portfolio',
  );
  assert.match(weightNote({ fileOfWhole: 1.5, scale: 'percent' })!, /^the weights add up to 150\.0% of the portfolio/);
  assert.match(weightNote({ fileOfWhole: 0.6, scale: 'fraction' })!, /\(read as parts of 1\)/);
  assert.equal(shareText(0.5, 0.3, 0.6), '50.0% of the file (30.0% of the whole)');
  assert.equal(shareText(0.3, 0.3, 1), '30.0%');
  assert.equal(shareText(0.25, null, null), '25.0%');
  assert.equal(sharePhrase(0.5, 0.3, 0.6), '50.0% of the file (30.0% of the whole portfolio)');
  assert.equal(sharePhrase(0.3, 0.3, 1), '30.0% of the portfolio');
});

test('the summary gives the exposed, unmatched, to-review and unknown parts, of the file and of the whole', () => {
  const s = portfolioSummary([
    { weight: 30, value: null, harms: [conflict('war-a')], match: 'matched' },
    { weight: 10, value: null, harms: [], match: 'unmatched' },
    { weight: 5, value: null, harms: [], match: 'rejected' },
    { weight: 10, value: null, harms: [], match: 'weak' },
    { weight: 5, value: null, harms: [], match: 'matched', unscreened: true },
  ]);
  assert.equal(s.fileShareOfWhole, 0.6);
  const round = (p: { holdings: number; shareOfFile: number; shareOfWhole: number | null }) => [p.holdings, +p.shareOfFile.toFixed(4), p.shareOfWhole === null ? null : +p.shareOfWhole.toFixed(4)];
  assert.deepEqual(round(s.parts.exposed), [1, 0.5, 0.3]);
  assert.deepEqual(round(s.parts.unmatched), [2, 0.25, 0.15]);
  assert.deepEqual(round(s.parts.toReview), [1, 0.1667, 0.1]);
  assert.deepEqual(round(s.parts.unscreened), [1, 0.0833, 0.05]);
  assert.deepEqual([s.exposedWeightShare, s.unscreened], [0.5, 1]);
  assert.deepEqual(s.byConflict.map((c) => [c.key, c.weightShare, c.shareOfWhole]), [['war-a', 0.5, 0.3]]);
});
