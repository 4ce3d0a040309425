import assert from 'node:assert/strict';
import { test } from 'node:test';
import { validateDataset, type ValidationProblem } from '../../api/exchange/dataset.ts';
import { locateProblems, parseImport, type ImportFormatName, type ImportInput } from '../../api/exchange/formats/index.ts';
import { MAX_INPUT_CHARS, MAX_INPUT_LINES } from '../../api/exchange/formats/types.ts';

/** What an import reports for the input: the parser's problems, else validateDataset's, placed. */
function rejected(format: ImportFormatName, input: ImportInput): ValidationProblem[] {
  const parsed = parseImport(format, input);
  if (parsed.problems.length > 0) return parsed.problems;
  const result = validateDataset(parsed.raw, input.fileName);
  assert.equal(result.ok, false, 'expected the input to be refused, with no dataset');
  return result.ok ? [] : locateProblems(result.problems, parsed);
}

function assertProblem(problems: ValidationProblem[], file: string, item: RegExp, reason: RegExp): void {
  assert.ok(
    problems.some((p) => p.file === file && item.test(p.item) && reason.test(p.reason)),
    `no problem in ${file} at ${item} matching ${reason}; got ${JSON.stringify(problems, null, 1)}`,
  );
}

const SOURCES = 'id,publisher,title,url,date\nsrc-a,Freedonia Gazette,A report,https://gazette.example/a,2024\n';
const ENTITIES = 'id,type,name\nacme,Company,Acme Widgets\nministry,StateBody,Freedonia Ministry of Peace\n';
const RELATIONSHIPS = 'from,type,to,status,summary,sources,start\nacme,SUPPLIES,ministry,reported,Supplies.,src-a,2024\n';
const csv = (parts: Partial<ImportInput>): ImportInput => ({
  fileName: 'entities.csv',
  content: ENTITIES,
  relationshipsContent: RELATIONSHIPS,
  sourcesContent: SOURCES,
  ...parts,
});

const ftmLines = (...lines: object[]) => lines.map((l) => JSON.stringify(l)).join('\n');
const ARTICLE = { id: 'doc-a', schema: 'Article', properties: { title: ['A report'], publisher: ['Freedonia Gazette'], sourceUrl: ['https://gazette.example/a'] } };
const COMPANY = { id: 'acme', schema: 'Company', properties: { name: ['Acme Widgets'] } };

test('the sound inputs used below import cleanly', () => {
  const parsed = parseImport('CSV', csv({}));
  assert.deepEqual(parsed.problems, []);
  assert.ok(validateDataset(parsed.raw, 'entities.csv').ok);
});

test('malformed JSON names the line and column, in every JSON format', () => {
  const text = '{\n  "entities": [\n    {"id": "acme",, "type": "Company"}\n  ]\n}';
  assertProblem(rejected('JSON', { fileName: 'data.json', content: text }), 'data.json', /^line 3, column 19$/, /not valid JSON/);
  assertProblem(rejected('GRAPHOLOGY', { fileName: 'g.json', content: '{"nodes": [\n{"key": "a"\n' }), 'g.json', /^line 3, column 1$/, /ends too early/);
  assertProblem(rejected('FTM', { fileName: 'x.ftm.json', content: `${ftmLines(COMPANY)}\n{"id": "b", "schema": Company}` }), 'x.ftm.json', /^line 2, column 23$/, /not valid JSON: unexpected "C"/);
});

test('a CSV file with the wrong header says which file it looks like', () => {
  const problems = rejected('CSV', csv({ content: RELATIONSHIPS }));
  assertProblem(problems, 'entities.csv', /^line 1$/, /lacks "id", "name".*looks like relationships\.csv/);
});

test('unknown CSV columns are refused, not dropped', () => {
  assertProblem(rejected('CSV', csv({ content: 'id,type,name,colour\nacme,Company,Acme,red\n' })), 'entities.csv', /^line 1$/, /unknown columns "colour"/);
});

test('bad CSV quoting names the line', () => {
  assertProblem(rejected('CSV', csv({ content: `${ENTITIES}x,Company,Acme "Widgets"\n` })), 'entities.csv', /^line 4$/, /quote \(".*unquoted cell/);
  assertProblem(rejected('CSV', csv({ content: `${ENTITIES}x,Company,"Acme"Widgets\n` })), 'entities.csv', /^line 4$/, /after the closing quote/);
  assertProblem(rejected('CSV', csv({ content: `${ENTITIES}x,Company,"Acme\n\nWidgets\n` })), 'entities.csv', /^line 4$/, /never closed/);
  assertProblem(rejected('CSV', csv({ content: `${ENTITIES}x,Company\n` })), 'entities.csv', /^line 4$/, /has 2 cells; the header has 3/);
});

test('an unknown entity type or relationship type names its line', () => {
  assertProblem(rejected('CSV', csv({ content: `${ENTITIES}ship,Spaceship,USS Freedonia\n` })), 'entities.csv', /^line 4 \(ship\)$/, /unknown entity type "Spaceship"/);
  const edge = 'from,type,to,status,summary,sources\nacme,LIKES,ministry,reported,x,src-a\n';
  assertProblem(rejected('CSV', csv({ relationshipsContent: edge })), 'relationships.csv', /^line 2 /, /unknown relationship type "LIKES"/);
  const node = '{"attributes": {}, "nodes": [\n {"key": "x", "attributes": {"label": "X", "entityType": "Spaceship"}}\n], "edges": []}';
  assertProblem(rejected('GRAPHOLOGY', { fileName: 'g.json', content: node }), 'g.json', /^line 2 \(x\)$/, /unknown entity type/);
});

test('a relationship to an entity that is nowhere names its line', () => {
  const edge = 'from,type,to,status,summary,sources\nacme,SUPPLIES,ministry,reported,x,src-a\nacme,SUPPLIES,nowhere,reported,x,src-a\n';
  assertProblem(rejected('CSV', csv({ relationshipsContent: edge })), 'relationships.csv', /^line 3 /, /"to" points at "nowhere"/);
  const own = { id: 'own', schema: 'Ownership', properties: { owner: ['acme'], asset: ['ghost'], proof: ['doc-a'] } };
  assertProblem(rejected('FTM', { fileName: 'x.ftm.json', content: ftmLines(ARTICLE, COMPANY, own) }), 'x.ftm.json', /^line 3 /, /"to" points at "ghost"/);
});

test('a duplicate id names the line of the second one', () => {
  assertProblem(rejected('CSV', csv({ content: `${ENTITIES}acme,Company,Acme again\n` })), 'entities.csv', /^line 4 \(acme\)$/, /duplicate entity id "acme"/);
  const json = '{"sources": [], "entities": [\n {"id": "a", "type": "Company", "name": "A"},\n {"id": "a", "type": "Company", "name": "B"}\n]}';
  assertProblem(rejected('JSON', { fileName: 'd.json', content: json }), 'd.json', /^line 3 \(a\)$/, /duplicate entity id/);
  assertProblem(rejected('FTM', { fileName: 'x.ftm.json', content: ftmLines(COMPANY, ARTICLE, COMPANY) }), 'x.ftm.json', /^line 3$/, /"acme" is also on line 1/);
});

test('an invalid date names its line', () => {
  const edge = 'from,type,to,status,summary,sources,start\nacme,SUPPLIES,ministry,reported,x,src-a,2024-02-30\n';
  assertProblem(rejected('CSV', csv({ relationshipsContent: edge })), 'relationships.csv', /^line 2 /, /"start" must be a date/);
  const own = { id: 'own', schema: 'Ownership', properties: { owner: ['acme'], asset: ['acme'], startDate: ['2021-13'], proof: ['doc-a'] } };
  assertProblem(rejected('FTM', { fileName: 'x.ftm.json', content: ftmLines(ARTICLE, COMPANY, own) }), 'x.ftm.json', /^line 3 /, /"start" must be a date/);
});

test('a schema FollowTheMoney does not have names its line', () => {
  const ship = { id: 'ship', schema: 'Spaceship', properties: { name: ['USS Freedonia'] } };
  assertProblem(rejected('FTM', { fileName: 'x.ftm.json', content: ftmLines(COMPANY, ship) }), 'x.ftm.json', /^line 2$/, /"Spaceship", which is not a FollowTheMoney schema/);
});

test('an FtM claim without a source is refused unless the import names a default source', () => {
  const link = { id: 'l1', schema: 'UnknownLink', properties: { subject: ['acme'], object: ['acme2'] } };
  const other = { id: 'acme2', schema: 'Company', properties: { name: ['Acme Two'] } };
  assertProblem(rejected('FTM', { fileName: 'x.ftm.json', content: ftmLines(COMPANY, other, link) }), 'x.ftm.json', /^line 3$/, /cites no source/);
  const defaultSource = { id: 'src-default', publisher: 'Freedonia Gazette', title: 'Register', url: 'https://gazette.example/r' };
  const parsed = parseImport('FTM', { fileName: 'x.ftm.json', content: ftmLines(COMPANY, other, link), defaultSource });
  const result = validateDataset(parsed.raw, 'x.ftm.json');
  assert.ok(result.ok);
  assert.deepEqual(result.dataset.claims[0]!.sourceIds, ['src-default']);
  assert.deepEqual(result.dataset.sources, [defaultSource]);
});

test('oversized input is refused before it is read, in every format', () => {
  const huge = 'x'.repeat(MAX_INPUT_CHARS + 1);
  for (const format of ['JSON', 'GRAPHOLOGY', 'CSV', 'FTM'] as const) {
    assertProblem(rejected(format, { fileName: 'big', content: huge }), 'big', /^\(file\)$/, /larger than 200 million characters/);
  }
});

test('input with too many lines is refused, naming the line where it went over', () => {
  const lines = '\n'.repeat(MAX_INPUT_LINES + 1);
  assertProblem(rejected('FTM', { fileName: 'x.ftm.json', content: `${ftmLines(COMPANY)}${lines}` }), 'x.ftm.json', /^line 2000001$/, /more than 2,000,000 lines/);
  assertProblem(rejected('CSV', csv({ content: `id,type,name${lines}` })), 'entities.csv', /^line 2000001$/, /more than 2,000,000 lines/);
});
