// Company responses (api/domain/responses.ts) in the data format: validated with the claim
// they answer (inline, or top-level naming the claim), stored as aligned lists, read back,
// round-tripped through the JSON and CSV exports (GEXF and GraphML carry them), a denial contests
// the claim, and the printable report lists them. Fictional names only.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { contestedBecause, isContested } from '../../api/domain/contested.ts';
import { responseLists, responsesOf } from '../../api/domain/responses.ts';
import { validateDataset, type ValidationProblem } from '../../api/exchange/dataset.ts';
import { claimToRaw } from '../../api/exchange/formats/common.ts';
import { csvExport } from '../../api/exchange/formats/csv.ts';
import { parseCsvPair } from '../../api/exchange/formats/csvParse.ts';
import { gexfExport } from '../../api/exchange/formats/gexf.ts';
import { graphmlExport } from '../../api/exchange/formats/graphml.ts';
import { graphologyExport } from '../../api/exchange/formats/graphologyJson.ts';
import { parseGraphology } from '../../api/exchange/formats/graphologyParse.ts';
import { fallbackLayout } from '../../api/exchange/layout.ts';
import { screeningHtml, type ReportHolding, type ReportScreening } from '../../api/portfolio/report.ts';

const sources = [
  { id: 'src-report', publisher: 'Example Monitor', title: 'A fictional report', url: 'https://example.org/report' },
  { id: 'src-reply', publisher: 'Fictional Optics Ltd', title: '[Statement in reply]', url: 'https://example.org/reply', kind: 'company' },
];
const entities = [
  { id: 'fictional-optics', type: 'Company', name: 'Fictional Optics Ltd' },
  { id: 'ruritania-occupation', type: 'Conflict', name: 'Occupation of Fictional Province (Ruritania)' },
];
const relation = {
  from: 'fictional-optics',
  type: 'LISTED_AS_INVOLVED_IN',
  to: 'ruritania-occupation',
  status: 'officially-listed',
  summary: 'Example Monitor lists Fictional Optics Ltd.',
  sources: ['src-report'],
};
const CLAIM = 'fictional-optics--listed-as-involved-in--ruritania-occupation';
const reply = { kind: 'responded', date: '2025-09-23', text: 'We supply lenses only.', sources: ['src-reply'] };

function problems(data: unknown): ValidationProblem[] {
  const result = validateDataset(data, 'test.json');
  assert.equal(result.ok, false, 'expected the file to be refused');
  return result.ok ? [] : result.problems;
}

function accepted(data: unknown) {
  const result = validateDataset(data, 'test.json');
  assert.ok(result.ok, result.ok ? '' : JSON.stringify(result.problems));
  return result.dataset;
}

test('a response on its relation is stored with the claim as aligned lists and read back whole', () => {
  const ds = accepted({ sources, entities, relations: [{ ...relation, responses: [reply, { kind: 'declined', date: '2026-01', sources: ['src-report', 'src-reply'] }] }] });
  const claim = ds.claims[0]!;
  assert.deepEqual(claim.responseKinds, ['responded', 'declined']);
  assert.deepEqual(claim.responseSourceIds, ['src-reply', 'src-report src-reply']);
  assert.deepEqual(responsesOf(claim), [
    { kind: 'responded', date: '2025-09-23', text: 'We supply lenses only.', sourceIds: ['src-reply'] },
    { kind: 'declined', date: '2026-01', text: null, sourceIds: ['src-report', 'src-reply'] },
  ]);
});

test('a top-level response naming its claim lands on that claim', () => {
  const ds = accepted({ sources, entities, relations: [relation], responses: [{ claim: CLAIM, ...reply }] });
  assert.deepEqual(responsesOf(ds.claims[0]!), [{ kind: 'responded', date: '2025-09-23', text: 'We supply lenses only.', sourceIds: ['src-reply'] }]);
});

test('a claim without responses stores none of the lists', () => {
  const claim = accepted({ sources, entities, relations: [relation] }).claims[0]!;
  assert.equal(claim.responseKinds, undefined);
  assert.deepEqual(responseLists([]), {});
  assert.deepEqual(responsesOf(claim), []);
});

test('a bad kind is refused, naming the kinds allowed', () => {
  const [p] = problems({ sources, entities, relations: [{ ...relation, responses: [{ ...reply, kind: 'ignored' }] }] });
  assert.equal(p!.item, 'relations[0] (fictional-optics LISTED_AS_INVOLVED_IN ruritania-occupation)');
  assert.equal(p!.reason, 'responses[0] kind must be one of responded, declined, no-response-recorded, denied; got "ignored"');
});

test('a bad or missing date is refused with the forms allowed', () => {
  const [bad] = problems({ sources, entities, relations: [{ ...relation, responses: [{ ...reply, date: '23/09/2025' }] }] });
  assert.match(bad!.reason, /^responses\[0\] date "23\/09\/2025" is not a date: write dates as YYYY-MM-DD .*"23\/09\/2025" is 2025-09-23$/);
  const [missing] = problems({ sources, entities, relations: [{ ...relation, responses: [{ kind: 'denied', sources: ['src-reply'] }] }] });
  assert.match(missing!.reason, /^responses\[0\] date undefined is not a date/);
  const [noDay] = problems({ sources, entities, relations: [{ ...relation, responses: [{ ...reply, date: '2025-02-30' }] }] });
  assert.match(noDay!.reason, /"2025-02-30" is no day of the calendar/);
});

test('a response without a source, or citing one that does not exist, is refused', () => {
  const [none] = problems({ sources, entities, relations: [{ ...relation, responses: [{ kind: 'denied', date: '2025' }] }] });
  assert.equal(none!.reason, 'responses[0] must cite at least one source in "sources": a response is recorded only as a source reports it');
  const [empty] = problems({ sources, entities, relations: [{ ...relation, responses: [{ ...reply, sources: [] }] }] });
  assert.match(empty!.reason, /must cite at least one source/);
  const [missing] = problems({ sources, entities, relations: [{ ...relation, responses: [{ ...reply, sources: ['src-nowhere'] }] }] });
  assert.equal(missing!.reason, 'responses[0] cites source "src-nowhere", which does not exist');
});

test('a response on a claim that does not exist is refused, and nothing of the file is accepted', () => {
  const all = problems({ sources, entities, relations: [relation], responses: [{ claim: 'fictional-optics--supplies--ruritania-occupation', ...reply }] });
  assert.deepEqual(all, [{
    file: 'test.json',
    item: 'responses[0] (fictional-optics--supplies--ruritania-occupation)',
    reason: 'answers claim "fictional-optics--supplies--ruritania-occupation", which is no relation of this file; a response is imported with the claim it answers',
  }]);
  const [unnamed] = problems({ sources, entities, relations: [relation], responses: [reply] });
  assert.match(unnamed!.reason, /must name the claim it answers in "claim"/);
});

test('unknown fields, empty text and a relation field that is not a list are refused', () => {
  const [unknown] = problems({ sources, entities, relations: [{ ...relation, responses: [{ ...reply, quote: 'x' }] }] });
  assert.equal(unknown!.reason, 'responses[0] has unknown field "quote"; allowed: kind, date, text, sources');
  const [blank] = problems({ sources, entities, relations: [{ ...relation, responses: [{ ...reply, text: '  ' }] }] });
  assert.equal(blank!.reason, 'responses[0] text must be a non-empty string when given');
  const [onRelation] = problems({ sources, entities, relations: [{ ...relation, responses: [{ claim: CLAIM, ...reply }] }] });
  assert.equal(onRelation!.reason, 'responses[0] has unknown field "claim"; allowed: kind, date, text, sources');
  const [notList] = problems({ sources, entities, relations: [{ ...relation, responses: reply }] });
  assert.match(notList!.reason, /"responses" must be a list/);
});

test('responses round-trip through the JSON import shape and the graphology export', () => {
  const ds = accepted({ sources, entities, relations: [{ ...relation, responses: [reply] }] });
  const raw = claimToRaw(ds.claims[0]!);
  assert.deepEqual(raw.responses, [reply]);
  const again = accepted({ sources, entities, relations: [raw] });
  assert.deepEqual(again.claims, ds.claims);
  const [file] = graphologyExport(ds);
  const parsed = parseGraphology(file!.content, file!.name);
  assert.deepEqual(parsed.problems, []);
  assert.deepEqual(accepted(parsed.raw).claims, ds.claims);
});

test('responses round-trip through the CSV export (a JSON cell), and GEXF and GraphML carry them as an edge attribute', () => {
  const ds = accepted({ sources, entities, relations: [{ ...relation, responses: [reply] }, { ...relation, type: 'DISENGAGED_FROM', summary: 'It withdrew.' }] });
  const [entityFile, relationshipFile, sourceFile] = csvExport(ds);
  assert.match(relationshipFile!.content.split('\n')[0]!, /,sources,source_urls,responses\r?$/);
  const parsed = parseCsvPair({ fileName: entityFile!.name, content: entityFile!.content, relationshipsContent: relationshipFile!.content, sourcesContent: sourceFile!.content });
  assert.deepEqual(parsed.problems, []);
  assert.deepEqual(accepted(parsed.raw).claims, ds.claims);
  const written = JSON.stringify([{ kind: 'responded', date: '2025-09-23', text: 'We supply lenses only.', sources: ['src-reply'] }]);
  const placed = fallbackLayout(ds);
  for (const [file] of [gexfExport(ds, placed), graphmlExport(ds, placed)]) {
    const escaped = written.replace(/"/g, '&quot;');
    assert.ok(file!.content.includes(escaped) || file!.content.includes(written), `${file!.name} carries the responses`);
  }
});

test('a responses cell that is not JSON is a problem on its line of relationships.csv', () => {
  const ds = accepted({ sources, entities, relations: [{ ...relation, responses: [reply] }] });
  const [entityFile, relationshipFile, sourceFile] = csvExport(ds);
  const broken = relationshipFile!.content.replace(/"\[\{.*\}\]"/, 'responded on 23 September');
  assert.notEqual(broken, relationshipFile!.content);
  const parsed = parseCsvPair({ fileName: entityFile!.name, content: entityFile!.content, relationshipsContent: broken, sourcesContent: sourceFile!.content });
  assert.deepEqual(parsed.problems, [{ file: 'relationships.csv', item: 'line 2', reason: 'the responses column must be a JSON list of { "kind", "date", "text", "sources" }' }]);
});

test('a denied response contests the claim, like a denial in its summary; other kinds do not', () => {
  const denied = accepted({ sources, entities, relations: [{ ...relation, responses: [{ kind: 'denied', date: '2025-10-02', text: 'We have no operations there.', sources: ['src-reply'] }] }] }).claims[0]!;
  assert.equal(contestedBecause(denied), 'A company response of 2 October 2025 denies it: "We have no operations there".');
  const responded = accepted({ sources, entities, relations: [{ ...relation, responses: [reply] }] }).claims[0]!;
  assert.equal(isContested(responded), false);
  const declined = accepted({ sources, entities, relations: [{ ...relation, responses: [{ kind: 'declined', date: '2025', sources: ['src-report'] }] }] }).claims[0]!;
  assert.equal(isContested(declined), false);
});

test('the printable screening report lists a claim\'s responses under it, and a denial among them contests it', () => {
  const listing = {
    id: 'c-listing',
    type: 'LISTED_AS_INVOLVED_IN',
    status: 'OFFICIALLY_LISTED',
    start: '2025-09',
    summary: 'Example Monitor lists Fictional Optics Ltd.',
    sources: [{ publisher: 'Example Monitor', title: 'A fictional report', url: 'https://example.org/report' }],
    responses: [
      { kind: 'RESPONDED', date: '2025-09-23', text: null, sources: [{ publisher: 'Example Monitor' }] },
      { kind: 'DENIED', date: '2025-10-02', text: 'We have <no> operations there.', sources: [{ publisher: 'Fictional Optics Ltd' }] },
    ],
  };
  const path = { score: 0.68, nodes: [{ name: 'Fictional Optics Ltd' }, { name: 'Occupation of Fictional Province' }], hops: [{ claim: listing }] };
  const holding: ReportHolding = {
    holding: { line: 2, name: 'Fictional Optics', isin: null, ticker: null, lei: null, weight: 10, value: null },
    match: { status: 'MATCHED', entity: { id: 'fictional-optics', name: 'Fictional Optics Ltd' }, options: [] },
    exposure: { severity: 0.68, level: 'HIGH', evidenceCount: 1, harms: [{ harm: { id: 'occupation', name: 'Occupation of Fictional Province' }, score: 0.68, path }], subsidiaries: [], bestPath: path },
  };
  const html = screeningHtml({
    portfolio: 'Fund',
    summary: { holdings: 1, exposed: 1, needsReview: 0, weighting: 'WEIGHT', exposedWeightShare: 1, byConflict: [], byCategory: [] },
    holdings: [holding],
  } as unknown as ReportScreening, 'now');
  assert.match(html, /<ul class="responses"><li>Company response \(23 September 2025, responded\) — Example Monitor<\/li><li>Company response \(2 October 2025, denied\) — Fictional Optics Ltd: “We have &lt;no&gt; operations there\.”<\/li><\/ul>/);
  assert.match(html, /\[1, contested\]/);
  assert.match(html, /<strong>Contested\.<\/strong> A company response of 2 October 2025 denies it: &quot;We have &lt;no&gt; operations there&quot;\./);
});
