import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { ENTITY_TYPE_NAMES, RELATION_TYPE_NAMES } from '../../api/domain/model.ts';
import { validateDataset, type Dataset } from '../../api/exchange/dataset.ts';
import { cypherString } from '../../api/exchange/formats/cypherScript.ts';
import { exportDataset } from '../../api/exchange/formats/index.ts';

// Reads Cypher's single-quoted string literals the way Neo4j does, so the tests can check
// that every value comes back and that nothing outside the literals comes from the data.
const ESCAPED: Record<string, string> = { '\\': '\\', "'": "'", '"': '"', n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' };

function splitLiterals(statement: string): { code: string; literals: string[] } {
  let code = '';
  const literals: string[] = [];
  for (let i = 0; i < statement.length; i++) {
    if (statement[i] !== "'") {
      code += statement[i];
      continue;
    }
    let value = '';
    for (i++; statement[i] !== "'"; i++) {
      assert.ok(i < statement.length, `unterminated literal in ${statement}`);
      if (statement[i] !== '\\') {
        value += statement[i];
        continue;
      }
      const e = statement[++i]!;
      if (e === 'u') {
        value += String.fromCharCode(parseInt(statement.slice(i + 1, i + 5), 16));
        i += 4;
      } else {
        assert.ok(e in ESCAPED, `unknown escape \\${e}`);
        value += ESCAPED[e];
      }
    }
    code += "'?'";
    literals.push(value);
  }
  return { code, literals };
}

const injection = "x'}) DETACH DELETE n; MATCH (m) DETACH DELETE m //";
const dataset = (): Dataset => {
  const result = validateDataset(
    {
      sources: [{ id: 'src-a', publisher: "O'Brien \\ Sons", title: 'Line\nbreak\r\n\ttab \u2028 sep', url: 'https://example.org/a', date: '2024' }],
      entities: [
        { id: 'acme', type: 'Company', name: injection, aliases: ["it's", 'back\\slash'], description: 'Ünïcödé 🚀' },
        { id: 'deal', type: 'Contract', name: 'Deal', value: 1e21 },
      ],
      relations: [{ from: 'acme', type: 'PARTY_TO', to: 'deal', status: 'reported', summary: '"Quoted"; done', confidence: 0.25, sources: ['src-a'] }],
    },
    'cypher.json',
  );
  assert.ok(result.ok);
  // Imports refuse control characters now; data stored before that rule may still hold them.
  const acme = result.dataset.entities.find((e) => e.id === 'acme')!;
  acme.props.description = 'Ünïcödé 🚀 \u0000 \u007f';
  return result.dataset;
};

test('cypherString gives back any text as Neo4j reads the literal', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'binary' }), (text) => {
      const { code, literals } = splitLiterals(cypherString(text));
      assert.equal(code, "'?'");
      assert.deepEqual(literals, [text]);
    }),
  );
  assert.equal(cypherString("a'b\\c\nd"), "'a\\'b\\\\c\\nd'");
  assert.equal(cypherString('\ud800'), "'\uFFFD'");
});

test('the script keeps every value inside literals: its code is the same whatever the data says', () => {
  const script = exportDataset(dataset(), 'CYPHER')[0]!.content;
  const statements = script.split('\n').filter((l) => l !== '' && !l.startsWith('//'));
  // One statement per line: a value's line breaks are escaped, so no line starts mid-value.
  for (const statement of statements) assert.ok(statement.endsWith(';'), statement);
  const codes = statements.map((s) => splitLiterals(s).code);
  assert.deepEqual(codes, [
    'CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;',
    'CREATE CONSTRAINT source_id IF NOT EXISTS FOR (n:Source) REQUIRE n.id IS UNIQUE;',
    "MERGE (s:Source {id: '?'}) SET s = {id: '?', publisher: '?', title: '?', url: '?', date: '?'};",
    "MERGE (n:Entity {id: '?'}) SET n = {aliases: ['?', '?'], id: '?', name: '?', description: '?', type: '?'}, n:Company;",
    "MERGE (n:Entity {id: '?'}) SET n = {aliases: [], id: '?', name: '?', value: 1e21, type: '?'}, n:Contract;",
    "MATCH (a:Entity {id: '?'}), (b:Entity {id: '?'}) MERGE (a)-[r:PARTY_TO {id: '?'}]->(b) SET r = {id: '?', status: '?', summary: '?', sourceIds: ['?'], confidence: 0.25};",
  ]);
  const acme = splitLiterals(statements[3]!).literals;
  assert.ok(acme.includes(injection));
  assert.ok(acme.includes('Ünïcödé 🚀 \u0000 \u007f'));
  assert.deepEqual(splitLiterals(statements[2]!).literals.slice(2, 4), ["O'Brien \\ Sons", 'Line\nbreak\r\n\ttab \u2028 sep']);
});

test('the script uses only labels and relationship types from the model', () => {
  const script = exportDataset(dataset(), 'CYPHER')[0]!.content;
  const code = script.split('\n').map((l) => splitLiterals(l).code).join('\n');
  const labels = [...code.matchAll(/n:(\w+);/g)].map((m) => m[1]!);
  const types = [...code.matchAll(/\[r:(\w+) /g)].map((m) => m[1]!);
  assert.deepEqual(labels, ['Company', 'Contract']);
  for (const label of labels) assert.ok((ENTITY_TYPE_NAMES as string[]).includes(label));
  for (const type of types) assert.ok((RELATION_TYPE_NAMES as string[]).includes(type));
});

test('the exporter refuses a label outside the allow-list instead of writing it', () => {
  const ds = dataset();
  const bad = { ...ds, entities: [{ ...ds.entities[0]!, type: 'Company:Admin' as never }] };
  assert.throws(() => exportDataset(bad, 'CYPHER'), /not in the model's allow-list/);
});
