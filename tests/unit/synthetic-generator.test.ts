// The synthetic graph for scale tests: reproducible, plainly fictional, valid for the
// importer, and shaped like the real thing (a few hubs, deep ownership groups).
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { validateDataset } from '../../api/exchange/dataset.ts';
import { USER_ASSIGNED_COUNTRY_CODE } from '../../api/domain/standards.ts';
import { generateDataset, type SyntheticDataset } from '../../seed/generate.ts';
import { seedPath } from '../../seed/seed.ts';

const NODES = 3_000;
const sample = generateDataset({ nodes: NODES, seed: 7 });

function hash(dataset: SyntheticDataset): string {
  return createHash('sha256').update(JSON.stringify(dataset)).digest('hex');
}

test('the same seed gives the same dataset, another seed a different one', () => {
  assert.equal(hash(generateDataset({ nodes: NODES, seed: 7 })), hash(sample));
  assert.notEqual(hash(generateDataset({ nodes: NODES, seed: 8 })), hash(sample));
});

test('no generated name is a name or alias of a real organisation in the seed data', () => {
  const seed = JSON.parse(readFileSync(seedPath, 'utf8')) as { entities: { name: string; aliases?: string[] }[] };
  const real = new Set(seed.entities.flatMap((e) => [e.name, ...(e.aliases ?? [])]).map((n) => n.toLowerCase()));
  const clashes = sample.entities.filter((e) => real.has(e.name.toLowerCase())).map((e) => e.name);
  assert.deepEqual(clashes, []);
  const countryCodes = sample.entities.flatMap((e) => (typeof e.country === 'string' ? [e.country] : typeof e.code === 'string' ? [e.code] : []));
  assert.ok(countryCodes.length > 0);
  for (const code of countryCodes) assert.match(code, USER_ASSIGNED_COUNTRY_CODE, 'only ISO user-assigned codes, never a real country');
  for (const s of sample.sources) assert.match(s.url, /^https:\/\/example\.org\//);
});

test('the dataset passes the import validation whole', () => {
  const result = validateDataset(sample, 'synthetic.json');
  assert.ok(result.ok, result.ok ? '' : JSON.stringify(result.problems.slice(0, 5), null, 1));
  assert.equal(result.dataset.entities.length, NODES);
  assert.equal(result.dataset.claims.length, sample.relations.length);
});

test('degrees are heavy-tailed: the largest hub has many times the median degree', () => {
  const degree = new Map(sample.entities.map((e) => [e.id, 0]));
  for (const r of sample.relations) {
    degree.set(r.from, degree.get(r.from)! + 1);
    degree.set(r.to, degree.get(r.to)! + 1);
  }
  const sorted = [...degree.values()].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)]!;
  const max = sorted[sorted.length - 1]!;
  assert.ok(median >= 1, `median degree ${median}`);
  assert.ok(max >= 20 * median, `max degree ${max} vs median ${median}`);
});

test('ownership chains of companies run at least three levels deep', () => {
  const parent = new Map(
    sample.relations.filter((r) => r.type === 'OWNS' && r.from.startsWith('syn-company-') && r.to.startsWith('syn-company-')).map((r) => [r.to, r.from]),
  );
  let deepest = 0;
  for (const start of parent.keys()) {
    let hops = 0;
    for (let at: string | undefined = start; (at = parent.get(at)) !== undefined; ) hops++;
    deepest = Math.max(deepest, hops);
  }
  assert.ok(deepest >= 3, `deepest ownership chain has ${deepest} OWNS hops`);
});
