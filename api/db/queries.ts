// Loads the named Cypher queries from cypher/**/*.cypher. A query's name is its path
// without the extension, e.g. "search/search-entities". Queries take parameters only.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { projectRoot } from '../config.ts';

const cypherDir = join(projectRoot, 'cypher');

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : path.endsWith('.cypher') ? [path] : [];
  });
}

function loadAll(): Map<string, string> {
  const queries = new Map<string, string>();
  for (const path of walk(cypherDir)) {
    const name = relative(cypherDir, path).replace(/\.cypher$/, '');
    queries.set(name, readFileSync(path, 'utf8'));
  }
  return queries;
}

// A query may include a shared predicate as /*+ fragment-name(variable) */; the fragment
// file (cypher/fragments/NAME.cypher) is written for the variable `r` and is renamed here
// (as `r.` and as the argument of a function, e.g. startNode(r)).
// Fragments are project code, never user input.
const INCLUDE = /\/\*\+\s*([a-z-]+)\(([a-z][A-Za-z0-9]*)\)\s*\*\//g;

function expandFragments(queries: Map<string, string>): void {
  for (const [name, text] of queries) {
    if (name.startsWith('fragments/')) continue;
    queries.set(
      name,
      text.replace(INCLUDE, (_, fragment: string, variable: string) => {
        const body = queries.get(`fragments/${fragment}`);
        if (body === undefined) throw new Error(`${name}.cypher includes unknown fragment "${fragment}".`);
        const code = body.replace(/^\s*\/\/.*$/gm, '').trim();
        return `(${code.replace(/\br\./g, `${variable}.`).replace(/\(r\)/g, `(${variable})`)})`;
      }),
    );
  }
}

const queries = loadAll();
expandFragments(queries);

export function namedQuery(name: string): string {
  const text = queries.get(name);
  if (text === undefined) throw new Error(`No Cypher query named "${name}" in cypher/.`);
  return text;
}

/** Splits a multi-statement file (such as schema.cypher) on semicolons that end a line. */
export function statementsOf(name: string): string[] {
  return namedQuery(name)
    .split(/;\s*$/m)
    .map((s) => s.replace(/^\s*\/\/.*$/gm, '').trim())
    .filter((s) => s.length > 0);
}
