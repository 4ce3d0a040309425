// Prints matching precision and recall on the labelled list (tests/fixtures/matching-labelled.csv:
// seed and listed company names spelled as investors' files spell them, and fictional names
// that must match nothing), against the companies `npm start` serves (the seed and the shipped
// lists, resolved as loading resolves them).
//   npm run eval:matching                        the default graph
//   npm run eval:matching -- --seed-only         the seed alone (as before the lists were shipped)
//   npm run eval:matching -- --seed-only --seed FILE   another seed file, e.g. an older one
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { projectRoot } from '../api/config.ts';
import { validateDataset, type EntityRecord } from '../api/exchange/dataset.ts';
import { readCsv } from '../api/exchange/formats/csvText.ts';
import { evaluateMatching } from '../api/portfolio/evaluate.ts';
import { buildMatchIndex } from '../api/portfolio/matching.ts';
import { shippedCompanies } from '../seed/shippedLists.ts';

const { values } = parseArgs({ options: { 'seed-only': { type: 'boolean', default: false }, seed: { type: 'string' } } });

function seedCompanies(path: string): EntityRecord[] {
  const seed = validateDataset(JSON.parse(readFileSync(path, 'utf8')), path);
  if (!seed.ok) throw new Error(`${path} does not validate`);
  return seed.dataset.entities.filter((e) => e.type === 'Company' || e.type === 'Investor');
}

const companies = values['seed-only'] ? seedCompanies(values.seed ?? join(projectRoot, 'seed/seed-facts.json')) : shippedCompanies();
const index = buildMatchIndex(companies.map((e) => ({ id: e.id, name: e.name, type: e.type, aliases: (e.props.aliases as string[] | undefined) ?? [] })));
const { records } = readCsv(readFileSync(join(projectRoot, 'tests/fixtures/matching-labelled.csv'), 'utf8'), 'labelled');
const rows = records.slice(1).map((r) => ({ name: r.cells[0]!, expected: r.cells[1] || null }));
const q = evaluateMatching(rows, index);
const pct = (n: number) => `${(n * 100).toFixed(1)}%`;
console.log(`companies and investors to match against: ${companies.length} (${values['seed-only'] ? 'the seed alone' : 'the seed and the shipped lists'})`);
console.log(`labelled rows: ${q.total} (${rows.filter((r) => r.expected).length} should match, ${rows.filter((r) => !r.expected).length} should not)`);
console.log(`automatic matches: ${q.autoMatched}, correct: ${q.autoCorrect}`);
console.log(`precision (automatic): ${pct(q.precision)}`);
console.log(`recall (automatic): ${pct(q.recall)}`);
console.log(`recall with review (matched, or the right entity offered to confirm): ${pct(q.recallWithReview)}`);
for (const m of q.missed) console.log(`  left for review: "${m.name}" (${m.status}; expected ${m.expected})`);
for (const f of q.falseMatches) console.log(`  WRONG automatic match: "${f.name}" -> ${f.matched}`);
