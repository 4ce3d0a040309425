// What imports check beyond types, in every import format: ISIN and LEI check digits,
// ISO 3166 country codes, ISO 4217 currencies, bounds of numbers, http(s) addresses; and a
// file that holds nothing is refused. Fictional records throughout.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { validateDataset, type ClaimRecord, type Dataset, type EntityRecord, type SourceRecord, type ValidationProblem } from '../../api/exchange/dataset.ts';
import { claimToRaw } from '../../api/exchange/formats/common.ts';
import { exportDataset, locateProblems, parseImport, type ImportFormatName, type ImportInput } from '../../api/exchange/formats/index.ts';

const COUNTRY_RULE =
  'an ISO 3166-1 alpha-2 country code (two capital letters, e.g. "FR") or a code ISO reserves for user assignment (AA, QM to QZ, XA to XZ, ZZ)';
const CURRENCY_RULE = 'an ISO 4217 currency code (three capital letters, e.g. "USD")';
const ISIN_RULE = 'a valid ISIN (2 letters, 9 letters or digits, a check digit)';
const LEI_RULE = 'a valid LEI (18 letters or digits, 2 check digits)';

const entity = (id: string, type: EntityRecord['type'], name: string, fields: EntityRecord['props'] = {}): EntityRecord => ({
  id,
  type,
  name,
  props: { id, name, ...fields },
});

/** Sound records with valid identifiers, codes and numbers at their bounds. */
function sound(): Dataset {
  return {
    sources: [{ id: 'src-a', publisher: 'Freedonia Gazette', title: 'A report', url: 'https://gazette.example/a' }],
    entities: [
      entity('acme', 'Company', 'Acme Widgets', { country: 'XA', isin: 'XA0000000017', lei: '9999SYN0000000000127', website: 'https://acme.example/' }),
      entity('fund', 'Investor', 'Fund of Freedonia', { country: 'ZZ', lei: '54930000000000000002', website: 'http://fund.example' }),
      entity('deal', 'Contract', 'Grid deal', { value: 0, currency: 'XTS', country: 'FR' }),
      entity('users', 'Population', 'Grid users', { size: 0, country: 'QM' }),
      entity('country-xa', 'Country', 'Freedonia', { code: 'XA' }),
    ],
    claims: [
      { id: 'fund--holds--acme', type: 'HOLDS', from: 'fund', to: 'acme', status: 'reported', sourceIds: ['src-a'], summary: 'Holds shares.', percentage: 100, confidence: 1 },
      { id: 'fund--owns--acme', type: 'OWNS', from: 'fund', to: 'acme', status: 'reported', sourceIds: ['src-a'], summary: 'Owns shares.', percentage: 0, confidence: 0 },
    ],
  };
}

/** The dataset as the project's own JSON, a record a line. */
function projectJson(ds: Dataset): string {
  const list = (key: string, records: unknown[]) => `"${key}": [\n${records.map((r) => JSON.stringify(r)).join(',\n')}\n]`;
  const entities = ds.entities.map((e) => ({ type: e.type, ...e.props }));
  return `{\n${[list('sources', ds.sources), list('entities', entities), list('relations', ds.claims.map(claimToRaw))].join(',\n')}\n}\n`;
}

const FORMATS: readonly ImportFormatName[] = ['JSON', 'GRAPHOLOGY', 'CSV', 'FTM'];

/** The dataset written in a format, as an import takes it. */
function inFormat(ds: Dataset, format: ImportFormatName): ImportInput {
  if (format === 'JSON') return { fileName: 'data.json', content: projectJson(ds) };
  const files = exportDataset(ds, format === 'GRAPHOLOGY' ? 'JSON' : format);
  if (format !== 'CSV') return { fileName: files[0]!.name, content: files[0]!.content };
  const content = (name: string) => files.find((f) => f.name === name)!.content;
  return { fileName: 'entities.csv', content: content('entities.csv'), relationshipsContent: content('relationships.csv'), sourcesContent: content('sources.csv') };
}

/** Every problem an import of the input reports: the parser's, then validateDataset's, placed. */
function importProblems(input: ImportInput, format: ImportFormatName): ValidationProblem[] {
  const parsed = parseImport(format, input);
  const result = validateDataset(parsed.raw, input.fileName);
  return [...parsed.problems, ...(result.ok ? [] : locateProblems(result.problems, parsed))];
}

/** The text of the file a problem names, for checking that its line holds the record. */
function fileText(input: ImportInput, file: string): string {
  if (file === 'relationships.csv') return input.relationshipsContent!;
  if (file === 'sources.csv') return input.sourcesContent!;
  return input.content;
}

test('sound records with valid identifiers, codes and numbers at their bounds import cleanly in every format', () => {
  for (const format of FORMATS) assert.deepEqual(importProblems(inFormat(sound(), format), format), [], format);
});

type Change = (ds: Dataset) => void;
const entityField = (id: string, field: string, value: string | number): Change => (ds) => {
  ds.entities.find((e) => e.id === id)!.props[field] = value;
};
const claimField = (id: string, field: keyof ClaimRecord, value: number): Change => (ds) => {
  (ds.claims.find((c) => c.id === id) as unknown as Record<string, unknown>)[field] = value;
};
const sourceField = (field: keyof SourceRecord, value: string): Change => (ds) => {
  (ds.sources[0] as unknown as Record<string, unknown>)[field] = value;
};

// [what, change, the record (as problems name it), its kind, the exact reason]
const BAD: [string, Change, string, 'entity' | 'claim' | 'source', string][] = [
  ['a negative contract value', entityField('deal', 'value', -5), 'deal', 'entity', '"value" must be a number ≥ 0; got -5'],
  ['a negative population size', entityField('users', 'size', -3), 'users', 'entity', '"size" must be a whole number ≥ 0; got -3'],
  ['a fractional population size', entityField('users', 'size', 2.5), 'users', 'entity', '"size" must be a whole number ≥ 0; got 2.5'],
  ['a country that is no ISO code', entityField('acme', 'country', 'Narnia'), 'acme', 'entity', `"country" must be ${COUNTRY_RULE}; got "Narnia"`],
  ['an unassigned country code', entityField('fund', 'country', 'ZY'), 'fund', 'entity', `"country" must be ${COUNTRY_RULE}; got "ZY"`],
  ['a country code in lower case', entityField('deal', 'country', 'fr'), 'deal', 'entity', `"country" must be ${COUNTRY_RULE}; got "fr"; write it as "FR"`],
  ['a Country whose code is no ISO code', entityField('country-xa', 'code', 'Narnia'), 'country-xa', 'entity', `"code" must be ${COUNTRY_RULE}; got "Narnia"`],
  ['a currency that is no ISO code', entityField('deal', 'currency', 'NOTACURRENCY'), 'deal', 'entity', `"currency" must be ${CURRENCY_RULE}; got "NOTACURRENCY"`],
  ['an ISIN of the wrong form', entityField('acme', 'isin', 'bad'), 'acme', 'entity', `"isin" must be ${ISIN_RULE}; got "bad"`],
  ['an ISIN with a wrong check digit', entityField('acme', 'isin', 'XA0000000018'), 'acme', 'entity', `"isin" must be ${ISIN_RULE}; got "XA0000000018": its check digit does not match the other characters`],
  ['an ISIN in lower case', entityField('acme', 'isin', 'xa0000000017'), 'acme', 'entity', `"isin" must be ${ISIN_RULE}; got "xa0000000017"; write it as "XA0000000017"`],
  ['an LEI of the wrong form', entityField('fund', 'lei', 'x'), 'fund', 'entity', `"lei" must be ${LEI_RULE}; got "x"`],
  ['an LEI with wrong check digits', entityField('fund', 'lei', '54930000000000000003'), 'fund', 'entity', `"lei" must be ${LEI_RULE}; got "54930000000000000003": its check digits do not match the other characters`],
  ['a javascript: website', entityField('acme', 'website', 'javascript:alert(1)'), 'acme', 'entity', '"website" must be an http(s) address; got "javascript:alert(1)"'],
  ['an ftp: website', entityField('fund', 'website', 'ftp://x'), 'fund', 'entity', '"website" must be an http(s) address; got "ftp://x"'],
  ['a percentage over 100', claimField('fund--holds--acme', 'percentage', 150), 'fund HOLDS acme', 'claim', '"percentage" must be between 0 and 100; got 150'],
  ['a negative percentage', claimField('fund--owns--acme', 'percentage', -1), 'fund OWNS acme', 'claim', '"percentage" must be between 0 and 100; got -1'],
  ['a confidence over 1', claimField('fund--owns--acme', 'confidence', 1.5), 'fund OWNS acme', 'claim', '"confidence" must be between 0 and 1; got 1.5'],
  ['a source that is no web page', sourceField('url', 'ftp://x'), 'src-a', 'source', '"url" must be an http(s) address; got "ftp://x"'],
];

for (const [what, change, record, kind, reason] of BAD) {
  test(`${what} is refused in every format, naming the file, the line of the record and the field`, () => {
    const ds = sound();
    change(ds);
    for (const format of FORMATS) {
      const input = inFormat(ds, format);
      const problems = importProblems(input, format);
      const csvFile = { entity: 'entities.csv', claim: 'relationships.csv', source: 'sources.csv' }[kind];
      const file = format === 'CSV' ? csvFile : input.fileName;
      const found = problems.find((p) => p.file === file && p.reason === reason);
      assert.ok(found, `${format}: no problem in ${file} saying ${reason}; got ${JSON.stringify(problems, null, 1)}`);
      const m = /^line (\d+) \((.*)\)$/.exec(found.item);
      assert.ok(m && m[2] === record, `${format}: the problem should name the line of ${record}; got ${found.item}`);
      // The record starts on that line: its id is there, or on the next line after a "{".
      const start = fileText(input, file).split('\n').slice(Number(m[1]) - 1, Number(m[1]) + 1).join('\n');
      const id = kind === 'claim' ? record.split(' ')[0]! : record;
      assert.ok(start.includes(id), `${format}: the record at line ${m[1]} of ${file} is not ${record}: ${start}`);
    }
  });
}

test('a record can carry several of these problems at once, each reported', () => {
  const ds = sound();
  for (const change of [entityField('deal', 'value', -5), entityField('deal', 'currency', 'NOTACURRENCY'), entityField('deal', 'country', 'Narnia')]) change(ds);
  const reasons = importProblems(inFormat(ds, 'JSON'), 'JSON').map((p) => p.reason);
  assert.equal(reasons.filter((r) => /^"(value|currency|country)" must be/.test(r)).length, 3, reasons.join('\n'));
});

const NOTHING = [{ file: 'empty', item: '(file)', reason: 'holds no entities, claims or sources; there is nothing to import' }];

// [format, what, input]
const EMPTY: [ImportFormatName, string, Partial<ImportInput>][] = [
  ['JSON', 'no bytes', { content: '' }],
  ['JSON', 'blanks only', { content: ' \n\t\n' }],
  ['JSON', 'an empty object', { content: '{}' }],
  ['JSON', 'empty lists', { content: '{"checkedOn": "2026-01-01", "sources": [], "entities": [], "relations": []}' }],
  ['GRAPHOLOGY', 'no bytes', { content: '' }],
  ['GRAPHOLOGY', 'a graph without nodes', { content: '{"attributes": {"sources": []}, "nodes": [], "edges": []}' }],
  ['CSV', 'no bytes', { content: '' }],
  ['CSV', 'three files of blanks', { content: '\n', relationshipsContent: ' ', sourcesContent: '' }],
  ['CSV', 'headers alone', { content: 'id,type,name\n', relationshipsContent: 'from,type,to,status,summary,sources\n', sourcesContent: 'id,publisher,title,url\n' }],
  ['FTM', 'no bytes', { content: '' }],
  ['FTM', 'blank lines only', { content: '\n\n  \n' }],
  ['FTM', 'a byte-order mark alone', { content: '\ufeff' }],
];

for (const [format, what, input] of EMPTY) {
  test(`${format}: a file of ${what} holds nothing to import and is refused`, () => {
    const parsed = parseImport(format, { fileName: 'empty', content: '', ...input });
    assert.deepEqual(parsed.problems, NOTHING);
  });
}

test('an FtM file whose every line is left out holds nothing to import, and the notes say why', () => {
  const vessel = JSON.stringify({ id: 'ves-1', schema: 'Vessel', properties: { name: ['MV Duck Soup'] } });
  const parsed = parseImport('FTM', { fileName: 'empty', content: vessel });
  assert.deepEqual(parsed.problems, NOTHING);
  assert.ok(parsed.notes.some((n) => /Left out schemata the model has no type for: 1 Vessel \(line 1\)/.test(n)), parsed.notes.join('\n'));
});

test('a file with a single record is not empty, in every format', () => {
  const one: Dataset = { sources: [], entities: [entity('acme', 'Company', 'Acme Widgets')], claims: [] };
  for (const format of FORMATS) assert.deepEqual(importProblems(inFormat(one, format), format), [], format);
});
