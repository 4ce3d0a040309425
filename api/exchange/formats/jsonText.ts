// JSON text with places: the line and column of a syntax error (JSON.parse's messages do
// not reliably say where), and the line each element of chosen arrays starts on, so a
// problem with entities[12] can name its line.
import type { ValidationProblem } from '../dataset.ts';
import { sizeProblem } from './types.ts';

export interface JsonPlace {
  line: number;
  column: number;
}

export type JsonScan =
  | { ok: true; elementLines: Map<string, number[]> }
  | { ok: false; error: JsonPlace & { message: string } };

const MAX_DEPTH = 256;
// Numbers, true, false, null; sticky, so it matches exactly where the scanner stands.
const LITERAL = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null/y;

class JsonSyntax extends Error {}

/**
 * Checks JSON syntax in one pass. `paths` name arrays by their keys from the top-level
 * object (e.g. ["attributes", "sources"]); the result gives the line of each element.
 */
export function scanJson(text: string, paths: readonly (readonly string[])[] = []): JsonScan {
  const wanted = new Set(paths.map((p) => p.join('\u0000')));
  const prefixes = new Set(paths.flatMap((p) => p.map((_, i) => p.slice(0, i + 1).join('\u0000'))));
  const elementLines = new Map<string, number[]>();
  const n = text.length;
  let i = 0;
  let line = 1;
  let lineStart = 0;

  const fail = (message: string): never => {
    throw new JsonSyntax(message);
  };
  const describe = (): string => (i >= n ? 'the file ends too early' : `unexpected ${JSON.stringify(text[i])}`);
  const skipBlanks = () => {
    for (; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) {
        line++;
        lineStart = i + 1;
      } else if (c !== 32 && c !== 9 && c !== 13) return;
    }
  };
  const string = (): string => {
    const start = ++i;
    let plain = true;
    for (; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c === 34) {
        i++;
        return plain ? text.slice(start, i - 1) : (JSON.parse(text.slice(start - 1, i)) as string);
      }
      if (c < 32) fail('a line break or control character inside a string; write it as \\n or \\u00XX');
      if (c === 92) {
        plain = false;
        const e = text[++i];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) fail('\\u must be followed by four hex digits');
          i += 4;
        } else if (e === undefined || !'"\\/bfnrt'.includes(e)) fail(`invalid escape "\\${e ?? ''}" in a string`);
      }
    }
    return fail('a string is never closed');
  };
  const value = (path: string | null, depth: number): void => {
    if (depth > MAX_DEPTH) fail(`nested more than ${MAX_DEPTH} levels deep`);
    skipBlanks();
    const c = text[i];
    if (c === '{') {
      i++;
      skipBlanks();
      if (text[i] === '}') return void i++;
      for (;;) {
        skipBlanks();
        if (text[i] !== '"') fail(`${describe()}; expected a property name in double quotes`);
        const key = string();
        skipBlanks();
        if (text[i] !== ':') fail(`${describe()}; expected ":" after a property name`);
        i++;
        const child = path === null ? null : path === '' ? key : `${path}\u0000${key}`;
        value(child !== null && prefixes.has(child) ? child : null, depth + 1);
        skipBlanks();
        if (text[i] === ',') i++;
        else if (text[i] === '}') return void i++;
        else fail(`${describe()}; expected "," or "}"`);
      }
    }
    if (c === '[') {
      i++;
      const lines: number[] | null = path !== null && wanted.has(path) ? [] : null;
      if (lines) elementLines.set(path!, lines);
      skipBlanks();
      if (text[i] === ']') return void i++;
      for (;;) {
        skipBlanks();
        lines?.push(line);
        value(null, depth + 1);
        skipBlanks();
        if (text[i] === ',') i++;
        else if (text[i] === ']') return void i++;
        else fail(`${describe()}; expected "," or "]"`);
      }
    }
    if (c === '"') return void string();
    LITERAL.lastIndex = i;
    if (!LITERAL.test(text)) fail(`${describe()}; expected a value (object, list, string, number, true, false or null)`);
    i = LITERAL.lastIndex;
  };

  try {
    value('', 0);
    skipBlanks();
    if (i < n) fail(`${describe()} after the end of the JSON value`);
    return { ok: true, elementLines };
  } catch (error) {
    if (!(error instanceof JsonSyntax)) throw error;
    return { ok: false, error: { line, column: i - lineStart + 1, message: error.message } };
  }
}

export type JsonDocument =
  | { ok: true; value: unknown; elementLines: Map<string, number[]> }
  | { ok: false; problem: ValidationProblem };

/** Reads a JSON file: size guard, byte-order mark, syntax errors with line and column. */
export function readJsonDocument(content: string, file: string, paths: readonly (readonly string[])[] = []): JsonDocument {
  const tooLarge = sizeProblem(content, file);
  if (tooLarge) return { ok: false, problem: tooLarge };
  const text = content.charCodeAt(0) === 0xfeff ? content.slice(1) : content;
  const scan = scanJson(text, paths);
  if (!scan.ok) {
    const { line, column, message } = scan.error;
    return { ok: false, problem: { file, item: `line ${line}, column ${column}`, reason: `is not valid JSON: ${message}` } };
  }
  return { ok: true, value: JSON.parse(text), elementLines: scan.elementLines };
}

/** The line list for a path given to readJsonDocument, joined the same way. */
export function linesAt(doc: { elementLines: Map<string, number[]> }, path: readonly string[]): number[] {
  return doc.elementLines.get(path.join('\u0000')) ?? [];
}
