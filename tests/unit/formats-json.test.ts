import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { scanJson } from '../../api/exchange/formats/jsonText.ts';

const parses = (text: string): boolean => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

test('the JSON scanner accepts exactly what JSON.parse accepts', () => {
  fc.assert(fc.property(fc.jsonValue(), fc.integer({ min: 0, max: 2 }), (value, indent) => assert.ok(scanJson(JSON.stringify(value, null, indent)).ok)));
  const near = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 12 }),
    fc.jsonValue().map((v) => JSON.stringify(v)).chain((t) => fc.nat(Math.max(t.length - 1, 0)).map((cut) => t.slice(0, cut) + t.slice(cut + 1))),
  );
  fc.assert(fc.property(near, (text) => assert.equal(scanJson(text).ok, parses(text), text)));
  for (const text of ['01', '1.', '.5', '"\\x"', '"a\nb"', '[1,]', '{"a":1,}', 'truex', '-', '1e', '{"a" 1}', '[]]', ' ']) {
    assert.equal(scanJson(text).ok, false, text);
  }
});

test('the scanner gives the line of each element of the arrays asked for, and of an error', () => {
  const text = '{\n "x": {"sources": [\n  {"id": 1},\n\n  {"id": 2}\n ]},\n "sources": [3, 4,\n 5]\n}';
  const scan = scanJson(text, [['x', 'sources'], ['sources']]);
  assert.ok(scan.ok);
  assert.deepEqual(scan.elementLines.get('x\u0000sources'), [3, 5]);
  assert.deepEqual(scan.elementLines.get('sources'), [7, 7, 8]);
  const bad = scanJson('{\n  "a": [1,\n  2 3]\n}');
  assert.deepEqual(bad.ok ? null : bad.error, { line: 3, column: 5, message: 'unexpected "3"; expected "," or "]"' });
});
