// FollowTheMoney JSON lines as records: one entity per line with its id, schema and
// properties (lists of strings), and the line it is on. Problems name the line (and column
// for JSON syntax): a line that is not an entity, a schema FtM does not have, an id used twice.
import type { ValidationProblem } from '../dataset.ts';
import { isRecord } from './common.ts';
import { BLOCK, FTM_SCHEMATA } from './ftmMapping.ts';
import { scanJson } from './jsonText.ts';
import { MAX_INPUT_LINES, sizeProblem, tooManyLinesProblem } from './types.ts';

export interface FtmRecord {
  line: number;
  id: string;
  schema: string;
  properties: Record<string, string[]>;
  /** The conflictLinks block, when the line has one (see ftmMapping.ts). */
  block: Record<string, unknown>;
}

export function readFtmLines(content: string, file: string): { records: FtmRecord[]; problems: ValidationProblem[] } {
  const problems: ValidationProblem[] = [];
  const records: FtmRecord[] = [];
  const tooLarge = sizeProblem(content, file);
  if (tooLarge) return { records, problems: [tooLarge] };
  const text = content.charCodeAt(0) === 0xfeff ? content.slice(1) : content;
  const lines = text.split('\n');
  if (lines.length > MAX_INPUT_LINES) return { records, problems: [tooManyLinesProblem(file, MAX_INPUT_LINES + 1)] };
  const firstLine = new Map<string, number>();

  lines.forEach((raw, index) => {
    const line = index + 1;
    const body = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (body.trim() === '') return;
    const problem = (reason: string, item = `line ${line}`) => problems.push({ file, item, reason });
    const scan = scanJson(body);
    if (!scan.ok) return problem(`is not valid JSON: ${scan.error.message}`, `line ${line}, column ${scan.error.column}`);
    const value: unknown = JSON.parse(body);
    if (!isRecord(value)) return problem('must be a FollowTheMoney entity: an object with "id", "schema" and "properties"');
    const { id, schema, properties } = value;
    if (typeof id !== 'string' || id.trim() === '') return problem('has no "id"');
    if (typeof schema !== 'string' || schema === '') return problem(`"${id}" has no "schema"`);
    if (!FTM_SCHEMATA.has(schema)) return problem(`"${id}" has schema ${JSON.stringify(schema)}, which is not a FollowTheMoney schema`);
    if (properties !== undefined && !isRecord(properties)) return problem(`"${id}": "properties" must be an object of lists`);
    const seen = firstLine.get(id);
    if (seen !== undefined) {
      return problem(`id "${id}" is also on line ${seen}; merge the fragments of an entity into one line first (e.g. with "ftm aggregate")`);
    }
    firstLine.set(id, line);
    const props: Record<string, string[]> = {};
    for (const [key, v] of Object.entries(properties ?? {})) {
      // FollowTheMoney writes every property as a list of strings, one value or many.
      if (!Array.isArray(v) || !v.every((item) => typeof item === 'string' || (typeof item === 'number' && Number.isFinite(item)))) {
        return problem(`"${id}": property "${key}" must be a list of strings, e.g. ["value"]`);
      }
      props[key] = v.map(String);
    }
    const block = value[BLOCK];
    records.push({ line, id, schema, properties: props, block: isRecord(block) ? block : {} });
  });
  return { records, problems };
}
