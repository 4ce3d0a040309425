// Pictures of the graph as evidence: the whole graph fitted into the frame whatever its
// coordinates, labels inside it, the legend in its own column, the caption in words (filters,
// date, publishers), scenario marks in the legend only with a scenario.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { DOMParser } from '@xmldom/xmldom';
import { dateWords } from '../../api/domain/words.ts';
import { legendEntries } from '../../web/src/legendEntries.ts';
import { creditLine, exportDate, filterWords } from '../../web/src/pictureCaption.ts';
import { fitNodes, pictureLayout, wrapText, type PictureCaption, type PictureNode } from '../../web/src/pictureLayout.ts';
import { svgPicture } from '../../web/src/svgPicture.ts';
import { NO_FILTERS } from '../../web/src/filters.ts';
import { neighbourhoodTitle } from '../../web/src/viewCaption.ts';
import { scenarioTitle } from '../../web/src/scenarioCaption.ts';

const caption: PictureCaption = { title: 'Acme Widgets and its neighbours', subtitle: '2 entities', legend: legendEntries(null, false), notes: [], credit: 'Sources: none.' };
const node = (id: string, x: number, y: number, label = id): PictureNode => ({ id, x, y, size: 7, color: '#111111', label });

test('the SVG picture escapes labels and draws contested claims dashed', () => {
  const nodes = [node('a', 0, 0, 'A & <B> "quoted"'), node('b', 10, 10, 'C')];
  const { svg } = svgPicture(nodes, [{ from: 'a', to: 'b', color: '#c0392b', dashed: true, size: 2 }], caption);
  assert.ok(svg.includes('A &amp; &lt;B&gt; &quot;quoted&quot;'));
  assert.ok(!svg.includes('<B>'));
  assert.match(svg, /<line [^>]*stroke="#c0392b" stroke-width="2" stroke-dasharray="6 4"\/>/);
  assert.equal(new DOMParser().parseFromString(svg, 'image/svg+xml').getElementsByTagName('g').length > 0, true);
});

test('graph y grows upwards, as in Sigma: the higher node is drawn nearer the top', () => {
  const placed = fitNodes([node('low', 0, 0), node('high', 0, 100)], { left: 0, top: 0, right: 800, bottom: 600 });
  assert.ok(placed.get('high')!.y < placed.get('low')!.y);
});

test('every node and its label fit the drawing area, whatever the coordinates (property)', () => {
  const coordinate = fc.double({ min: -1e6, max: 1e6, noNaN: true });
  const label = fc.string({ minLength: 0, maxLength: 90 });
  fc.assert(
    fc.property(fc.array(fc.tuple(coordinate, coordinate, label, fc.constantFrom(7, 12)), { minLength: 1, maxLength: 60 }), (specs) => {
      const nodes = specs.map(([x, y, l, size], i) => ({ ...node(`n${i}`, x, y, l), size }));
      const layout = pictureLayout(nodes, caption);
      const d = layout.drawing;
      for (const n of nodes) {
        const p = layout.nodes.get(n.id)!;
        assert.ok(p.x - n.size >= d.left - 0.5 && p.x + n.size <= d.right + 0.5, `${n.id} x ${p.x}`);
        assert.ok(p.y - n.size >= d.top - 0.5 && p.y + n.size <= d.bottom + 0.5, `${n.id} y ${p.y}`);
        const longest = Math.max(0, ...p.labelLines.map((l) => l.length));
        // Labels: at most two lines of 30 characters, ending left of the legend.
        assert.ok(p.labelLines.length <= 2 && longest <= 30);
        if (longest) assert.ok(p.x + n.size + 4 + longest * 12 * 0.62 <= d.right + 0.5, `${n.id}'s label ends inside`);
      }
      assert.ok(d.right < layout.legend.box.left, 'the legend is beside the drawing, never over it');
    }),
  );
});

test('a single node, or nodes all at one point, are drawn in the middle', () => {
  const placed = fitNodes([node('a', 5, 5), node('b', 5, 5)], { left: 0, top: 0, right: 1000, bottom: 600 });
  assert.ok(Math.abs(placed.get('a')!.y - 300) < 1);
});

test('long labels wrap at spaces into two lines at most, ending in an ellipsis', () => {
  const lines = wrapText('Project Nimbus cloud services (Google Cloud Platform and Amazon Web Services)', 30, 2);
  assert.deepEqual(lines, ['Project Nimbus cloud services', '(Google Cloud Platform and…']);
  assert.deepEqual(wrapText('short', 30, 2), ['short']);
});

test('the picture carries its title, legend, filters, date and credits as text', () => {
  const { svg, width, height } = svgPicture([node('a', 0, 0), node('b', 1, 1)], [], {
    title: 'Acme Widgets and its neighbours',
    subtitle: '2 entities and 0 relationships. Exported on 4 December 2026 from conflict-links.',
    legend: legendEntries({ types: new Set(['Company']), statuses: new Set(['alleged']) }, false),
    notes: [filterWords({ ...NO_FILTERS, asOf: '2021-12-31' })],
    credit: creditLine(['Fictional Gazette', 'Example Monitor', 'Fictional Gazette']),
  });
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
  const texts = Array.from(doc.getElementsByTagName('text')).map((t) => t.textContent);
  for (const expected of ['Acme Widgets and its neighbours', 'Company', 'Alleged', 'Filters: claims as of the end of 2021, undated claims included; every status; any confidence.', 'Sources of the claims shown, by publisher: Example Monitor; Fictional Gazette.']) {
    assert.ok(texts.includes(expected), `${expected} in ${texts.join(' | ')}`);
  }
  assert.ok(texts.some((t) => t?.includes('Exported on 4 December 2026')));
  assert.ok(!texts.includes('Government'), 'only the types drawn are in the legend');
  assert.equal(doc.documentElement.getAttribute('viewBox'), `0 0 ${width} ${height}`);
});

test('the legend lists scenario marks only while a scenario is drawn', () => {
  assert.equal(legendEntries(null, false).filter((e) => e.kind === 'scenario').length, 0);
  assert.deepEqual(legendEntries(null, true).filter((e) => e.kind === 'scenario').map((e) => e.label), ['Ended by the scenario', 'Simulated by the scenario']);
  assert.ok(legendEntries(null, false).some((e) => e.label === 'State body'), 'types in words, not as model names');
  const greyed = legendEntries({ types: new Set(['Company']), statuses: new Set(), faded: true }, false);
  assert.deepEqual(greyed.map((e) => e.label), ['Company', 'Greyed: outside the highlight']);
});

test('filters read as words: no enum names, no bare dates, no raw floats', () => {
  const words = filterWords({ asOf: '2021-06-15', statuses: ['COMPANY_CONFIRMED', 'ADJUDICATED'], minConfidence: 0.30000000000000004, includeUndated: false });
  assert.equal(words, 'Filters: claims as of 15 June 2021, undated claims left out; only confirmed by the company, adjudicated by a court; confidence at least 0.3.');
  assert.doesNotMatch(words, /[A-Z]{2,}_|\d{4}-\d{2}|0\.3000/);
  // The explorer's default keeps every status but one: said as the one left out.
  const allButDenied = filterWords({ asOf: null, statuses: ['REPORTED', 'ALLEGED', 'COMPANY_CONFIRMED', 'ADJUDICATED', 'SANCTIONED', 'OFFICIALLY_LISTED'], minConfidence: null, includeUndated: true });
  assert.equal(allButDenied, 'Filters: claims of any time, undated claims included; every status but denied; any confidence.');
});

test('dates in words, and the export date as the reader’s calendar shows it', () => {
  assert.equal(dateWords('2021-05-26'), '26 May 2021');
  assert.equal(dateWords('2021-05'), 'May 2021');
  assert.equal(dateWords('2021'), '2021');
  assert.equal(dateWords('2021-13-01'), '2021-13-01');
  assert.equal(exportDate(new Date(2026, 11, 4, 23, 59)), 'Exported on 4 December 2026');
});

test('the credit line names each publisher once, alphabetically, and says when none', () => {
  assert.equal(creditLine([' B Monitor', 'A Gazette', 'B Monitor', '']), 'Sources of the claims shown, by publisher: A Gazette; B Monitor.');
  assert.equal(creditLine([]), 'Sources: none of the claims shown cites a source.');
  const many = creditLine(Array.from({ length: 35 }, (_, i) => `Publisher ${String(i).padStart(2, '0')}`));
  assert.match(many, /Publisher 29; and 5 more publishers\.$/);
});

test('titles name what is drawn', () => {
  assert.equal(neighbourhoodTitle(['Acme Widgets']), 'Acme Widgets and its neighbours');
  assert.equal(neighbourhoodTitle(['Acme Widgets', 'Globex', 'Initech']), 'Acme Widgets, Globex and Initech and their neighbours');
  assert.equal(scenarioTitle({ saved: { name: 'Exit', createdBy: 'alice', createdAt: '2026-12-04T10:00:00Z' }, companyName: 'Acme Widgets' }), 'Withdrawal scenario “Exit”: Acme Widgets');
});
