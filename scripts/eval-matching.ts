// Prints matching precision and recall on the labelled list (tests/fixtures/matching-labelled.csv:
// seed company names with altered spellings, and fictional names that must match nothing).
//   npm run eval:matching
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../api/config.ts';
import { validateDataset } from '../api/exchange/dataset.ts';
import { readCsv } from '../api/exchange/formats/csvText.ts';
import { evaluateMatching } from '../api/portfolio/evaluate.ts';
import { buildMatchIndex } from '../api/portfolio/matching.ts';

const seed = validateDataset(JSON.parse(readFileSync(join(projectRoot, 'seed/seed-facts.json'), 'utf8')), 'seed-facts.json');
if (!seed.ok) throw new Error('the seed does not validate');
const index = buildMatchIndex(
  seed.dataset.entities
    .filter((e) => e.type === 'Company' || e.type === 'Investor')
    .map((e) => ({ id: e.id, name: e.name, type: e.type, aliases: (e.props.aliases as string[] | undefined) ?? [] })),
);
const { records } = readCsv(readFileSync(join(projectRoot, 'tests/fixtures/matching-labelled.csv'), 'utf8'), 'labelled');
const rows = records.slice(1).map((r) => ({ name: r.cells[0]!, expected: r.cells[1] ?? null }));
const q = evaluateMatching(rows, index);
const pct = (n: number) => `${(n * 100).toFixed(1)}%`;
console.log(`labelled rows: ${q.total} (${rows.filter((r) => r.expected).length} should match, ${rows.filter((r) => !r.expected).length} should not)`);
console.log(`automatic matches: ${q.autoMatched}, correct: ${q.autoCorrect}`);
console.log(`precision (automatic): ${pct(q.precision)}`);
console.log(`recall (automatic): ${pct(q.recall)}`);
console.log(`recall with review (matched, or the right entity offered to confirm): ${pct(q.recallWithReview)}`);
for (const m of q.missed) console.log(`  left for review: "${m.name}" (${m.status}; expected ${m.expected})`);
for (const f of q.falseMatches) console.log(`  WRONG automatic match: "${f.name}" -> ${f.matched}`);
