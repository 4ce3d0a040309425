import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { validateDataset } from '../../api/exchange/dataset.ts';
import { decodeList, encodeList, guardFormula, unguardFormula } from '../../api/exchange/formats/cells.ts';
import { readCsv, writeCsv } from '../../api/exchange/formats/csvText.ts';
import { locateProblems, parseImport } from '../../api/exchange/formats/index.ts';

const text = fc.string({ unit: 'binary', maxLength: 30 });
// U+FFFD marks text decoded with the wrong encoding: readCsv refuses it (spreadsheets-in.test.ts).
const textNoReplacement = text.filter((t) => !t.includes('\uFFFD'));
const isEmptyRow = (row: (string | null)[]) => row.every((c) => c === null || c.trim() === '');

test('any table of cells (text, empty text or no value) reads back as written, but for rows of empty cells', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 2, max: 5 }).chain((width) => fc.array(fc.array(fc.option(textNoReplacement, { nil: null }), { minLength: width, maxLength: width }), { maxLength: 6 })),
      (rows) => {
        const { records, problems, separator } = readCsv(writeCsv(rows), 'x.csv');
        assert.deepEqual(problems, []);
        assert.equal(separator, ',');
        assert.deepEqual(
          records.map((r) => r.cells),
          rows.filter((row) => !isEmptyRow(row)),
        );
      },
    ),
  );
});

test('lists of strings and formula-guarded text read back as written', () => {
  fc.assert(fc.property(fc.array(text, { maxLength: 5 }), (items) => assert.deepEqual(decodeList(encodeList(items)), items)));
  fc.assert(fc.property(text, (value) => assert.equal(unguardFormula(guardFormula(value)), value)));
  assert.equal(encodeList(['a', 'b c']), 'a; b c');
  assert.equal(encodeList(['a;b']), '["a;b"]');
  assert.equal(encodeList([]), '[]');
  assert.deepEqual(decodeList('a ;b;; c'), ['a', 'b', 'c']);
});

test('cells a spreadsheet would run as formulas get a leading apostrophe', () => {
  for (const start of ['=', '+', '-', '@', '\t', '\r']) assert.equal(guardFormula(`${start}1`), `'${start}1`);
  assert.equal(guardFormula("'=1"), "''=1");
  assert.equal(guardFormula("it's"), "it's");
  assert.equal(guardFormula('1-2'), '1-2');
});

test('records know their starting line through quoted line breaks, CRLF, LF and a byte-order mark', () => {
  const { records, problems } = readCsv('\uFEFFa,b\r\n"x\r\ny",2\n\n"p""q",\r\nlast,"multi\nline\nvalue"', 'x.csv');
  assert.deepEqual(problems, []);
  assert.deepEqual(
    records.map((r) => [r.line, r.cells]),
    [
      [1, ['a', 'b']],
      [2, ['x\r\ny', '2']],
      [5, ['p"q', null]],
      [6, ['last', 'multi\nline\nvalue']],
    ],
  );
});

test('a hand-made CSV pair without sources.csv imports with entities and relationships in any column order', () => {
  const entities = 'name,type,id,aliases\r\nAcme Widgets,Company,acme,Acme; AW\r\nFreedonia Ministry of Peace,StateBody,ministry,\r\n';
  const relationships = 'from,to,type,status,summary,sources,confidence\nacme,ministry,SUPPLIES,reported,"Supplies, it says.",src-known,0.5\n';
  const parsed = parseImport('CSV', { fileName: 'data/entities.csv', content: entities, relationshipsContent: relationships });
  assert.deepEqual(parsed.problems, []);
  assert.ok(parsed.notes.some((n) => /No sources\.csv given/.test(n)));
  const result = validateDataset(parsed.raw, 'data/entities.csv', { sources: new Set(['src-known']) });
  assert.ok(result.ok, result.ok ? '' : JSON.stringify(locateProblems(result.problems, parsed)));
  assert.deepEqual(result.dataset.entities[0]!.props.aliases, ['Acme', 'AW']);
  assert.equal(result.dataset.claims[0]!.confidence, 0.5);
  assert.equal(result.dataset.claims[0]!.summary, 'Supplies, it says.');
});

test('problems in relationships.csv and sources.csv name those files next to the entities file', () => {
  const parsed = parseImport('CSV', {
    fileName: 'upload/entities.csv',
    content: 'id,type,name\nacme,Company,Acme\n',
    relationshipsContent: 'from,type,to,status,summary,sources\nacme,OWNS,nobody,reported,x,src-a\n',
    sourcesContent: 'id,publisher,title,url\nsrc-a,P,T,ftp://not-http\n',
  });
  const result = validateDataset(parsed.raw, 'upload/entities.csv');
  assert.equal(result.ok, false);
  const problems = result.ok ? [] : locateProblems(result.problems, parsed);
  assert.ok(problems.some((p) => p.file === 'upload/relationships.csv' && p.item.startsWith('line 2 ') && /"to" points at "nobody"/.test(p.reason)));
  assert.ok(problems.some((p) => p.file === 'upload/sources.csv' && p.item.startsWith('line 2') && /"url" must be an http\(s\) address; got "ftp:\/\/not-http"/.test(p.reason)));
});
