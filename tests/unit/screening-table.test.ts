// The screening results table's logic (web/src/screeningTable.ts): filters by text, severity,
// match and harm, and sorting by any column with ties kept in file order.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { HoldingView, MatchStatus } from '../../web/src/screeningQueries.ts';
import { filterHoldings, levelOf, NO_FILTER, sortHoldings } from '../../web/src/screeningTable.ts';

function holding(line: number, name: string, status: MatchStatus, exposure?: { severity: number; level: 'HIGH' | 'MEDIUM' | 'LOW'; harms: string[]; weight?: number; count?: number }, unscreened: string | null = null): HoldingView {
  const matched = status === 'MATCHED' || status === 'CONFIRMED';
  const screened = matched && unscreened === null;
  return {
    holding: { line, name, isin: null, ticker: null, lei: null, weight: exposure?.weight ?? null, value: null, key: `|||${name.toLowerCase()}` },
    match: { status, entity: matched ? { id: name.toLowerCase(), type: 'Company', name } : null, options: [] },
    exposure: screened
      ? {
          severity: exposure?.severity ?? 0,
          level: exposure?.level ?? 'LOW',
          evidenceCount: exposure?.harms.length ?? 0,
          harmCount: exposure?.count ?? exposure?.harms.length ?? 0,
          harms: (exposure?.harms ?? []).map((id) => ({ harm: { id, type: 'Conflict', name: `War ${id}` }, score: exposure!.severity, path: { score: exposure!.severity, nodes: [], hops: [] } })),
          bestPath: null,
          subsidiaries: [],
        }
      : null,
    unscreened,
    shareOfFile: 0,
    shareOfWhole: null,
  };
}

const rows = [
  holding(2, 'Alpha Cloud', 'MATCHED', { severity: 0.4, level: 'HIGH', harms: ['a', 'b'], weight: 10 }),
  holding(3, 'Beta Networks', 'MATCHED', { severity: 0.05, level: 'LOW', harms: ['b'], weight: 30, count: 30 }),
  holding(4, 'Gamma', 'WEAK'),
  holding(5, 'Delta Vision', 'CONFIRMED', { severity: 0.4, level: 'HIGH', harms: ['a'], weight: 20 }),
  holding(6, 'Epsilon', 'MATCHED'),
  holding(7, 'Zeta', 'UNMATCHED'),
  holding(8, 'Eta Giant', 'MATCHED', undefined, 'The search read more than 200,000 claims'),
];
const lines = (list: HoldingView[]) => list.map((h) => h.holding.line);

test('a screened holding without a flag reads NONE; one past the search bounds UNKNOWN; an unmatched one has no level', () => {
  assert.deepEqual(rows.map(levelOf), ['HIGH', 'LOW', null, 'HIGH', 'NONE', null, 'UNKNOWN']);
});

test('filters combine: words in names or harms, severity, matches to review, a harm reached', () => {
  assert.deepEqual(lines(filterHoldings(rows, NO_FILTER)), [2, 3, 4, 5, 6, 7, 8]);
  assert.deepEqual(lines(filterHoldings(rows, { ...NO_FILTER, text: 'cloud' })), [2]);
  assert.deepEqual(lines(filterHoldings(rows, { ...NO_FILTER, text: 'war b' })), [2, 3], 'a harm name matches too');
  assert.deepEqual(lines(filterHoldings(rows, { ...NO_FILTER, level: 'HIGH' })), [2, 5]);
  assert.deepEqual(lines(filterHoldings(rows, { ...NO_FILTER, level: 'NONE' })), [6]);
  assert.deepEqual(lines(filterHoldings(rows, { ...NO_FILTER, level: 'UNKNOWN' })), [8], 'exposure unknown is its own level, not none');
  assert.deepEqual(lines(filterHoldings(rows, { ...NO_FILTER, text: 'giant' })), [8]);
  assert.deepEqual(lines(filterHoldings(rows, { ...NO_FILTER, match: 'REVIEW' })), [4]);
  assert.deepEqual(lines(filterHoldings(rows, { ...NO_FILTER, match: 'CONFIRMED' })), [5]);
  assert.deepEqual(lines(filterHoldings(rows, { ...NO_FILTER, harm: 'a' })), [2, 5]);
  assert.deepEqual(lines(filterHoldings(rows, { ...NO_FILTER, harm: 'b', level: 'LOW' })), [3]);
});

test('sorting by a column keeps ties in file order and puts unscreened holdings last when descending', () => {
  assert.deepEqual(lines(sortHoldings(rows, 'severity', true)), [2, 5, 3, 6, 4, 7, 8]);
  assert.deepEqual(lines(sortHoldings(rows, 'severity', false)), [4, 7, 8, 6, 3, 2, 5]);
  assert.deepEqual(lines(sortHoldings(rows, 'weight', true)), [3, 5, 2, 4, 6, 7, 8]);
  assert.deepEqual(lines(sortHoldings(rows, 'holding', false)), [2, 3, 5, 6, 8, 4, 7]);
  assert.deepEqual(lines(sortHoldings(rows, 'flags', true)), [3, 2, 5, 6, 4, 7, 8], 'by all its flags, not the few listed');
  assert.deepEqual(lines(sortHoldings(rows, 'match', false)), [4, 7, 5, 2, 3, 6, 8], 'matches to review first');
});
