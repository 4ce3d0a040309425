// The explorer's shareable link: encoding round-trips, and a tampered link is checked part by
// part, never trusted.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { decodeViewState, encodeViewState, MAX_LINKED_ENTITIES, type ViewState } from '../../web/src/viewState.ts';
import { svgPicture } from '../../web/src/svgPicture.ts';

const full: ViewState = {
  expanded: ['google', 'contract-nimbus'],
  selected: 'google',
  asOf: '2021-12-31',
  statuses: ['REPORTED', 'COMPANY_CONFIRMED'],
  minConfidence: 0.5,
  includeUndated: false,
  camera: { x: 0.25, y: 0.75, ratio: 1.2, angle: 0 },
};

test('a view survives the link unchanged', () => {
  const { state, problems } = decodeViewState('#' + encodeViewState(full));
  assert.deepEqual(problems, []);
  assert.deepEqual(state, full);
});

test('an empty hash is the empty view', () => {
  const { state, problems } = decodeViewState('');
  assert.deepEqual(problems, []);
  assert.deepEqual(state, { expanded: [], selected: null, asOf: null, statuses: null, minConfidence: null, includeUndated: true, camera: null });
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
        const view: ViewState = { expanded, selected, asOf: null, statuses: null, minConfidence, includeUndated, camera: null };
        assert.deepEqual(decodeViewState(encodeViewState(view)).state, view);
      },
    ),
  );
});

test('the SVG picture escapes labels and draws contested claims dashed', () => {
  const a = { x: 10, y: 10, size: 5, color: '#111', label: 'A & <B> "quoted"' };
  const b = { x: 50, y: 40, size: 5, color: '#222', label: 'C' };
  const svg = svgPicture(100, 80, [a, b], [{ from: a, to: b, color: '#c0392b', dashed: true, size: 2 }], 'view');
  assert.ok(svg.includes('A &amp; &lt;B&gt; &quot;quoted&quot;'));
  assert.ok(!svg.includes('<B>'));
  assert.match(svg, /<line x1="10" y1="10" x2="50" y2="40" stroke="#c0392b" stroke-width="2" stroke-dasharray="6 4"\/>/);
  assert.equal((svg.match(/<circle /g) ?? []).length, 2);
});
