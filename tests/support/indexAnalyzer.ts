// The full-text index's own analyzer, run on texts (tests/support/IndexAnalyzer.java on the
// classpath the local Neo4j runs on: the same Lucene and Neo4j jars), so a test can compare what
// the API cuts a search into with what the index holds.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { projectRoot } from '../../api/config.ts';
import { resolveNeo4jClasspath } from '../../api/db/localNeo4j.ts';

export interface AnalyzedWord {
  /** Lower-cased, as the index holds it. */
  word: string;
  /** The word as it stands in the text. */
  original: string;
  /** Lucene's token type: <ALPHANUM>, <NUM>, <IDEOGRAPHIC>, <HIRAGANA>, <KATAKANA>, <HANGUL>, <SOUTHEAST_ASIAN>, <EMOJI>. */
  type: string;
}

/** The analyzer's words for each text (one line each: texts may not hold line breaks). */
export function analyzeLikeIndex(texts: string[]): AnalyzedWord[][] {
  if (texts.some((t) => /[\r\n]/.test(t))) throw new Error('analyzeLikeIndex: one line per text, so no line breaks in a text');
  const run = spawnSync('java', ['-cp', resolveNeo4jClasspath(), join(projectRoot, 'tests/support/IndexAnalyzer.java')], {
    input: texts.map((t) => `${t}\n`).join(''),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(`IndexAnalyzer.java failed (exit ${run.status}): ${run.stderr || run.error?.message}`);
  const lines = run.stdout.trimEnd().split('\n');
  if (lines.length !== texts.length) throw new Error(`IndexAnalyzer.java answered ${lines.length} lines for ${texts.length} texts`);
  return lines.map((line, i) =>
    (JSON.parse(line) as [string, string, number, number][]).map(([word, type, start, end]) => ({ word, original: texts[i]!.slice(start, end), type })),
  );
}
