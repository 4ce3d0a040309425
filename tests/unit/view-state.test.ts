// The explorer's shareable link: encoding round-trips (node positions within rounding), and a
// tampered link is checked part by part, never trusted.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { decodeViewState, encodeViewState, MAX_LINKED_ENTITIES, type ViewState } from '../../web/src/viewState.ts';
import { decodePositions, encodePositions, MAX_LINKED_POSITIONS } from '../../web/src/linkPositions.ts';

const full: ViewState = {
  expanded: ['google', 'contract-nimbus'],
  selected: 'google',
  asOf: '2021-12-31',
  statuses: ['REPORTED', 'COMPANY_CONFIRMED'],
  minConfidence: 0.5,
  includeUndated: false,
  camera: { x: 0.25, y: 0.75, ratio: 1.2, angle: 0 },
  positions: new Map([['google', { x: 12.5, y: -30 }], ['contract-nimbus', { x: -100, y: 40.5 }]]),
};

test('a view survives the link unchanged', () => {
  const { state, problems } = decodeViewState('#' + encodeViewState(full));
  assert.deepEqual(problems, []);
  assert.deepEqual(state, full);
});

test('an empty hash is the empty view', () => {
  const { state, problems } = decodeViewState('');
  assert.deepEqual(problems, []);
  assert.deepEqual(state, { expanded: [], selected: null, asOf: null, statuses: null, minConfidence: null, includeUndated: true, camera: null, positions: new Map() });
});

test('bad parts of a link are dropped, each with a message naming it', () => {
  const { state, problems } = decodeViewState('#e=google,Bad%20Id,x--y&s=%3Cscript%3E&asOf=2021-13-45&st=REPORTED,MAYBE&mc=7&u=maybe&cam=1,2');
  assert.deepEqual(state.expanded, ['google']);
  assert.equal(state.selected, null);
  assert.equal(state.asOf, null);
  assert.deepEqual(state.statuses, ['REPORTED']);
  assert.equal(state.minConfidence, null);
  assert.equal(state.camera, null);
  assert.equal(state.includeUndated, true);
  const text = problems.join('\n');
  for (const part of ['Bad Id', 'selected', '2021-13-45', 'MAYBE', '"7"', 'u=maybe', 'camera']) assert.ok(text.includes(part), `mentions ${part}: ${text}`);
});

test('a link naming too many entities is cut to the bound, and says so', () => {
  const ids = Array.from({ length: MAX_LINKED_ENTITIES + 5 }, (_, i) => `e${i}`);
  const { state, problems } = decodeViewState(`#e=${ids.join(',')}`);
  assert.equal(state.expanded.length, MAX_LINKED_ENTITIES);
  assert.match(problems.join(' '), new RegExp(`only the first ${MAX_LINKED_ENTITIES}`));
});

test('any valid view round-trips (property)', () => {
  const id = fc.stringMatching(/^[a-z0-9][a-z0-9._]{0,20}$/);
  fc.assert(
    fc.property(
      fc.uniqueArray(id, { maxLength: 10 }),
      fc.option(id, { nil: null }),
      fc.option(fc.double({ min: 0, max: 1, noNaN: true }).map((n) => Number(n.toFixed(2))), { nil: null }),
      fc.boolean(),
      (expanded, selected, minConfidence, includeUndated) => {
        const view: ViewState = { expanded, selected, asOf: null, statuses: null, minConfidence, includeUndated, camera: null, positions: new Map() };
        assert.deepEqual(decodeViewState(encodeViewState(view)).state, view);
      },
    ),
  );
});

test('positions are compact: a thousandth of the extent, no percent-encoding', () => {
  const positions = new Map([['google', { x: 123.456789, y: -0.0001 }], ['contract-nimbus', { x: -321.98765, y: 250.5 }]]);
  const hash = encodeViewState({ ...full, positions });
  // 445 units wide: one decimal keeps a thousandth of it.
  assert.match(hash, /(^|&)p=google:123\.5:0,contract-nimbus:-322:250\.5(&|$)/);
  assert.match(hash, /(^|&)e=google,contract-nimbus(&|$)/);
  assert.ok(!hash.includes('%'), hash);
  const back = decodeViewState(hash).state.positions;
  for (const [id, p] of positions) {
    const q = back.get(id)!;
    assert.ok(Math.abs(q.x - p.x) <= 0.05 && Math.abs(q.y - p.y) <= 0.05, `${id}: ${JSON.stringify(q)}`);
  }
});

test('small drawings keep more decimals, so a link restores them as closely', () => {
  const positions = new Map([['a', { x: 0.123456, y: 1.5 }], ['b', { x: 2.987654, y: 0 }]]);
  const back = decodePositions(encodePositions(positions)).positions;
  assert.ok(Math.abs(back.get('a')!.x - 0.123456) <= 0.0005 && Math.abs(back.get('b')!.x - 2.987654) <= 0.0005);
});

test('malformed positions are left out and counted, the rest of the link still loads', () => {
  const { state, problems } = decodeViewState('#e=google&p=google:1:2,Bad Id:1:2,x:NaN:3,y:1,z:1:2:3,w::4,ok:-5:6.5');
  assert.deepEqual([...state.positions], [['google', { x: 1, y: 2 }], ['ok', { x: -5, y: 6.5 }]]);
  assert.deepEqual(state.expanded, ['google']);
  assert.match(problems.join(' '), /ignored 5 node positions that could not be read/);
});

test('a drawing too large for a link carries no positions, and a link cannot name more than the bound', () => {
  const many = new Map(Array.from({ length: MAX_LINKED_POSITIONS + 1 }, (_, i) => [`n${i}`, { x: i, y: i }] as const));
  assert.equal(encodePositions(many), '');
  const text = [...many].map(([id, p]) => `${id}:${p.x}:${p.y}`).join(',');
  const { positions, ignored } = decodePositions(text);
  assert.equal(positions.size, MAX_LINKED_POSITIONS);
  assert.equal(ignored, 1);
});

test('positions survive any layout (property)', () => {
  const coordinate = fc.double({ min: -1e4, max: 1e4, noNaN: true });
  fc.assert(
    fc.property(fc.uniqueArray(fc.stringMatching(/^[a-z0-9][a-z0-9._]{0,12}$/), { minLength: 2, maxLength: 30 }), fc.array(fc.tuple(coordinate, coordinate), { minLength: 30, maxLength: 30 }), (ids, xy) => {
      const positions = new Map(ids.map((id, i) => [id, { x: xy[i]![0], y: xy[i]![1] }]));
      const all = [...positions.values()].flatMap((p) => [p.x, p.y]);
      const extent = Math.max(...all) - Math.min(...all);
      const back = decodeViewState(encodeViewState({ ...full, positions })).state.positions;
      assert.equal(back.size, positions.size);
      for (const [id, p] of positions) {
        const q = back.get(id)!;
        // At most 6 decimals: a drawing a millionth wide is one point anyway.
        const tolerance = extent / 1000 + 5e-7;
        assert.ok(Math.abs(q.x - p.x) <= tolerance && Math.abs(q.y - p.y) <= tolerance);
      }
    }),
  );
});
