// Spreadsheets as people save them: Excel's Windows-1252 "CSV", semicolons where the comma is
// the decimal mark, blank rows, local dates. For the import and the screening alike. The
// bytes are built here; every name is fictional.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dateAdvice } from '../../api/domain/fieldRules.ts';
import { validateDataset, type ValidationProblem } from '../../api/exchange/dataset.ts';
import { readCsv, separatorOf } from '../../api/exchange/formats/csvText.ts';
import { locateProblems, parseImport, type ImportInput } from '../../api/exchange/formats/index.ts';
import { decodeSpreadsheet } from '../../api/exchange/formats/spreadsheetBytes.ts';
import { parseHoldings } from '../../api/portfolio/holdings.ts';

/** Text as Excel on Windows saves it: one byte a character, Windows-1252 (Latin-1 for these). */
function windows1252Bytes(text: string): Uint8Array {
  return Uint8Array.from([...text].map((c) => {
    const code = c.charCodeAt(0);
    assert.ok(code < 0x80 || (code >= 0xa0 && code <= 0xff), `test text must be Latin-1: ${c}`);
    return code;
  }));
}
const utf8Bytes = (text: string) => new TextEncoder().encode(text);
const withBom = (bytes: Uint8Array) => Uint8Array.from([0xef, 0xbb, 0xbf, ...bytes]);
/** What a reader that assumes UTF-8 makes of Windows-1252 bytes: "M\uFFFDller". */
const readAsUtf8 = (bytes: Uint8Array) => new TextDecoder('utf-8').decode(bytes);

const SOURCES = 'id,publisher,title,url,date\nsrc-a,Freedonia Gazette,A report,https://gazette.example/a,2024\n';
const ENTITIES = 'id,type,name\nmueller,Company,Müller Werkzeugbau Freedonia GmbH\nministry,StateBody,Freedonia Ministry of Peace\n';
const RELATIONSHIPS = 'from,type,to,status,summary,sources,start\nmueller,SUPPLIES,ministry,reported,Supplies tools.,src-a,2024\n';
const csvInput = (parts: Partial<ImportInput>): ImportInput => ({
  fileName: 'entities.csv',
  content: ENTITIES,
  relationshipsContent: RELATIONSHIPS,
  sourcesContent: SOURCES,
  ...parts,
});

/** The import's outcome: the parsed, validated dataset's entity names, or its problems. */
function imported(input: ImportInput): { names: string[]; notes: string[] } | { problems: ValidationProblem[] } {
  const parsed = parseImport('CSV', input);
  if (parsed.problems.length > 0) return { problems: parsed.problems };
  const result = validateDataset(parsed.raw, input.fileName);
  if (!result.ok) return { problems: locateProblems(result.problems, parsed) };
  return { names: result.dataset.entities.map((e) => String(e.name)), notes: parsed.notes };
}

function assertProblem(outcome: ReturnType<typeof imported> | ReturnType<typeof parseHoldings>, file: string, item: string, reason: RegExp): void {
  const problems = 'problems' in outcome ? outcome.problems : [];
  assert.ok(
    problems.some((p) => p.file === file && (p.item === item || p.item.startsWith(`${item} `)) && reason.test(p.reason)),
    `no problem in ${file} at ${item} matching ${reason}; got ${JSON.stringify(outcome, null, 1)}`,
  );
}

// --- encoding ---------------------------------------------------------------------------

test('UTF-8 bytes, with or without a byte-order mark, are read as UTF-8 with no note', () => {
  for (const bytes of [utf8Bytes(ENTITIES), withBom(utf8Bytes(ENTITIES))]) {
    const { text, note } = decodeSpreadsheet(bytes, 'entities.csv');
    assert.equal(text, ENTITIES);
    assert.equal(note, null);
  }
});

test('Windows-1252 bytes are read as Windows-1252, with a note naming the encoding and UTF-8', () => {
  const bytes = windows1252Bytes(ENTITIES);
  assert.ok(bytes.includes(0xfc), 'the fixture holds the single byte Excel writes for ü');
  const { text, note } = decodeSpreadsheet(bytes, 'entities.csv');
  assert.equal(text, ENTITIES);
  assert.match(note ?? '', /entities\.csv is not UTF-8: it was read as Windows-1252/);
  assert.match(note ?? '', /save it as "CSV UTF-8"/);
  // Windows-1252 beyond Latin-1: the euro sign and curly quotes Excel writes (0x80, 0x93, 0x94).
  assert.equal(decodeSpreadsheet(Uint8Array.from([0x80, 0x20, 0x93, 0x41, 0x94]), 'x.csv').text, '€ “A”');
});

test('import: a Windows-1252 entities file decoded from its bytes imports "Müller", not "M\uFFFDller"', () => {
  const { text } = decodeSpreadsheet(windows1252Bytes(ENTITIES), 'entities.csv');
  const outcome = imported(csvInput({ content: text }));
  assert.ok('names' in outcome, JSON.stringify(outcome));
  assert.ok(outcome.names.includes('Müller Werkzeugbau Freedonia GmbH'));
});

test('screening: a Windows-1252 holdings file decoded from its bytes gives "Müller"', () => {
  const { text, note } = decodeSpreadsheet(windows1252Bytes('name,weight\nMüller Werkzeugbau Freedonia GmbH,40\nAcme Widgets,60\n'), 'fund.csv');
  assert.match(note ?? '', /Windows-1252/);
  const result = parseHoldings(text, 'fund.csv');
  assert.ok(result.ok, JSON.stringify(result));
  assert.equal(result.holdings[0]!.name, 'Müller Werkzeugbau Freedonia GmbH');
});

test('import: text already decoded wrongly (U+FFFD) is refused, naming the line, Windows-1252 and how to save UTF-8', () => {
  const mojibake = readAsUtf8(windows1252Bytes(ENTITIES));
  assert.ok(mojibake.includes('M\uFFFDller'));
  const outcome = imported(csvInput({ content: mojibake }));
  assertProblem(outcome, 'entities.csv', 'line 2', /replacement character.*probably saved as Windows-1252 \(Latin-1\) and read as UTF-8.*Save it as UTF-8 \(in Excel: Save As, "CSV UTF-8/);
});

test('screening: text already decoded wrongly (U+FFFD) is refused the same way', () => {
  const mojibake = readAsUtf8(windows1252Bytes('name,weight\nAcme Widgets,60\nMüller Werkzeugbau Freedonia GmbH,40\n'));
  const result = parseHoldings(mojibake, 'fund.csv');
  assert.equal(result.ok, false);
  assertProblem(result, 'fund.csv', 'line 3', /"M\uFFFDller Werkzeugbau.*probably saved as Windows-1252.*Save it as UTF-8/);
});

// --- separators -------------------------------------------------------------------------

test('the separator is the comma, semicolon or tab the header line holds most of, outside quotes', () => {
  assert.equal(separatorOf('id,type,name\n'), ',');
  assert.equal(separatorOf('id;type;name\r\na,b,c,d,e\n'), ';');
  assert.equal(separatorOf('id\ttype\tname\n'), '\t');
  assert.equal(separatorOf('"a;b;c",name\n'), ',', 'semicolons inside quotes do not count');
  assert.equal(separatorOf('\n\n;;\nname;weight\n'), ';', 'leading blank lines are passed over');
  assert.equal(separatorOf('name\nAcme; Widgets\n'), ',', 'a one-column header: comma');
});

test('import: semicolon- and tab-separated files are read, with a note saying so', () => {
  const semi = (text: string) => text.replace(/,/g, ';');
  const outcome = imported(csvInput({ content: semi(ENTITIES), relationshipsContent: semi(RELATIONSHIPS), sourcesContent: semi(SOURCES) }));
  assert.ok('names' in outcome, JSON.stringify(outcome));
  assert.deepEqual(outcome.names.sort(), ['Freedonia Ministry of Peace', 'Müller Werkzeugbau Freedonia GmbH']);
  assert.ok(outcome.notes.some((n) => /entities\.csv: its header has semicolons between the columns/.test(n)), outcome.notes.join('\n'));
  const tabs = imported(csvInput({ content: ENTITIES.replace(/,/g, '\t') }));
  assert.ok('names' in tabs, JSON.stringify(tabs));
  assert.ok(tabs.notes.some((n) => /tabs between cells/.test(n)));
});

test('import: a row with another separator than its header names both', () => {
  const outcome = imported(csvInput({ content: 'id,type,name\nmueller;Company;Müller Werkzeugbau Freedonia GmbH\n' }));
  assertProblem(outcome, 'entities.csv', 'line 2', /has 1 cell; the header has 3 \(cells are split at the header's separator, the comma; this line holds semicolons/);
});

test('screening: a semicolon file with decimal commas is read, with a note', () => {
  const result = parseHoldings('name;isin;weight\nMüller Werkzeugbau Freedonia GmbH;;12,5\nAcme Widgets;;87,5%\n', 'fund.csv');
  assert.ok(result.ok, JSON.stringify(result));
  assert.deepEqual(result.holdings.map((h) => [h.name, h.weight]), [['Müller Werkzeugbau Freedonia GmbH', 12.5], ['Acme Widgets', 0.875]]);
  assert.ok(result.notes.includes('read with semicolons between cells, as in its header'));
});

test('screening: a row with another separator than its header names both', () => {
  const result = parseHoldings('name,weight\nAcme Widgets;60\n', 'fund.csv');
  assertProblem(result, 'fund.csv', 'line 2', /the comma; this line holds semicolons: use the comma throughout/);
});

// --- empty rows -------------------------------------------------------------------------

test('rows whose cells are all empty are no records; line numbers stay those of the file', () => {
  const { records, problems } = readCsv('a,b\n,\n"",\n , \n\n1,2\n;;\n', 'x.csv');
  assert.deepEqual(problems, []);
  assert.deepEqual(records.map((r) => r.line), [1, 6, 7]);
  const semi = readCsv('a;b\n;\n1;2\n', 'x.csv');
  assert.deepEqual(semi.records.map((r) => [r.line, r.cells]), [[1, ['a', 'b']], [3, ['1', '2']]]);
});

test('import: empty rows between and after the entities are skipped', () => {
  const outcome = imported(csvInput({ content: 'id,type,name\n,,\nmueller,Company,Müller Werkzeugbau Freedonia GmbH\n,,\n\nministry,StateBody,Freedonia Ministry of Peace\n,,\n,,\n' }));
  assert.ok('names' in outcome, JSON.stringify(outcome));
  assert.equal(outcome.names.length, 2);
});

test('import: a problem after an empty row names the file line', () => {
  const outcome = imported(csvInput({ content: 'id,type,name\n,,\nmueller,Company\n' }));
  assertProblem(outcome, 'entities.csv', 'line 3', /has 2 cells; the header has 3/);
});

test('screening: empty rows (a semicolon file) are skipped', () => {
  const result = parseHoldings('name;weight\n;\nAcme Widgets;60\n;;\n\nMüller Werkzeugbau Freedonia GmbH;40\n;\n', 'fund.csv');
  assert.ok(result.ok, JSON.stringify(result));
  assert.deepEqual(result.holdings.map((h) => h.line), [3, 6]);
});

// --- dates ------------------------------------------------------------------------------

const FORMS = 'write dates as YYYY-MM-DD \\(e\\.g\\. 2021-05-26\\), YYYY-MM or YYYY';

test('import: a dd/mm/yyyy date names the field, the formats and its ISO form', () => {
  const relationships = (start: string) => `from,type,to,status,summary,sources,start\nmueller,SUPPLIES,ministry,reported,Supplies tools.,src-a,${start}\n`;
  const cases: [string, RegExp][] = [
    ['26/05/2021', new RegExp(`^"start" must be a date; got "26/05/2021": ${FORMS}; "26/05/2021" is 2021-05-26$`)],
    ['26.05.2021', /"26\.05\.2021" is 2021-05-26$/],
    ['05/26/2021', /"05\/26\/2021" is 2021-05-26$/],
    ['04/05/2021', /"04\/05\/2021" is ambiguous: 2021-05-04 read day first, 2021-04-05 read month first$/],
    ['31/02/2021', /is no day of the calendar read day first or month first$/],
    ['May 2021', new RegExp(`got "May 2021": ${FORMS}$`)],
  ];
  for (const [start, reason] of cases) assertProblem(imported(csvInput({ relationshipsContent: relationships(start) })), 'relationships.csv', 'line 2', reason);
});

test('date advice: same day and month read either way is not ambiguous', () => {
  assert.match(dateAdvice('07/07/2021'), /"07\/07\/2021" is 2021-07-07$/);
  assert.match(dateAdvice('2021-02-30'), /"2021-02-30" is no day of the calendar$/);
});
