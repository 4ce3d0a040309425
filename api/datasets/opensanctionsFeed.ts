// The lines of an OpenSanctions feed (entities.ftm.json): FollowTheMoney entities, one JSON
// object a line, read by the project's FtM line reader (ftmLines.ts), plus what OpenSanctions
// adds to each line: the datasets it comes from, its caption and when it last changed. A file
// whose first line is not such an object (a JSON array, a CSV) is refused as a whole.
import { readFtmLines, type FtmRecord } from '../exchange/formats/ftmLines.ts';
import type { RowNote } from './reading.ts';

export interface FeedRecord extends FtmRecord {
  datasets: string[];
  caption?: string;
  /** last_change, as YYYY-MM-DD. */
  changed?: string;
  /** The ids OpenSanctions merged into this one (an earlier version of the feed may use them). */
  referents: string[];
}

export const FEED_LINE =
  'every line of an OpenSanctions entities.ftm.json is one JSON object, such as ' +
  '{"id": "NK-abc", "schema": "Company", "properties": {"name": ["..."]}, "datasets": ["us_ofac_sdn"]}';

const DATASET_NAME = /^[a-z0-9_]{1,100}$/;

function lineOf(item: string): number {
  return Number(/line (\d+)/.exec(item)?.[1] ?? 1);
}

/** Why the file is not a feed at all, judged by its first line; null when it starts like one. */
function shapeProblem(lines: string[]): RowNote | null {
  const index = lines.findIndex((l) => l.trim() !== '');
  if (index < 0) return { line: 1, reason: `holds no lines; ${FEED_LINE}` };
  const first = lines[index]!.trim();
  let value: unknown;
  try {
    value = JSON.parse(first);
  } catch {
    value = undefined;
  }
  const isObject = typeof value === 'object' && value !== null && !Array.isArray(value);
  if (isObject && 'schema' in (value as object)) return null;
  const seen = Array.isArray(value) || first.startsWith('[') ? 'a JSON array' : isObject ? 'an object without "schema"' : `"${first.slice(0, 40)}"`;
  return { line: index + 1, reason: `is not an OpenSanctions FollowTheMoney feed: ${FEED_LINE}; line ${index + 1} holds ${seen}` };
}

export function readFeedLines(text: string, file: string): { records: FeedRecord[]; problems: RowNote[] } {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lines = body.split('\n');
  const shape = shapeProblem(lines);
  if (shape) return { records: [], problems: [shape] };
  const read = readFtmLines(body, file);
  const problems: RowNote[] = read.problems.map((p) => ({ line: lineOf(p.item), reason: p.reason }));
  const records: FeedRecord[] = [];
  for (const rec of read.records) {
    // readFtmLines parsed the line already; the OpenSanctions keys are read from it here.
    const raw = JSON.parse(lines[rec.line - 1]!) as Record<string, unknown>;
    const datasets = raw.datasets;
    if (!Array.isArray(datasets) || datasets.length === 0 || !datasets.every((d) => typeof d === 'string' && DATASET_NAME.test(d))) {
      problems.push({
        line: rec.line,
        reason: `"${rec.id}" must list the OpenSanctions datasets it comes from in "datasets", e.g. "datasets": ["us_ofac_sdn"] (lower-case names); ${FEED_LINE}`,
      });
      continue;
    }
    const referents = Array.isArray(raw.referents) ? raw.referents.filter((r): r is string => typeof r === 'string' && r !== rec.id) : [];
    const record: FeedRecord = { ...rec, datasets: [...new Set(datasets as string[])].sort(), referents };
    if (typeof raw.caption === 'string' && raw.caption.trim() !== '') record.caption = raw.caption.trim();
    if (typeof raw.last_change === 'string' && /^\d{4}-\d{2}-\d{2}/.test(raw.last_change)) record.changed = raw.last_change.slice(0, 10);
    records.push(record);
  }
  problems.sort((a, b) => a.line - b.line);
  return { records, problems };
}
