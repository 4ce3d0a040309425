// A Cypher script that recreates the subgraph in any Neo4j (cypher-shell or Neo4j Browser),
// in the shape the loader stores: :Source nodes, :Entity nodes with their type's label, one
// relationship per claim keyed by its id. MERGE makes running it twice change nothing.
// Labels and relationship types come only from the model's allow-list; every value is a
// literal escaped here, since a script has no parameters. A comment line before each claim
// gives its effective confidence (the status default when no curator assessed it).
import { isEntityType, isRelationType } from '../../domain/model.ts';
import { effectiveConfidence } from '../../domain/trust.ts';
import type { Dataset } from '../dataset.ts';
import { entityRows } from '../rows.ts';
import { OPTIONAL_CLAIM_FIELDS, plural } from './common.ts';
import type { ExportFile } from './types.ts';

type CypherValue = string | number | readonly string[];

const ESCAPES: Record<string, string> = { '\\': '\\\\', "'": "\\'", '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f' };

/**
 * A single-quoted Cypher string literal. Backslashes, quotes and line breaks are escaped;
 * other control characters, and line and paragraph separators, as \uXXXX; a lone surrogate
 * (not valid Unicode) becomes U+FFFD. Everything else is written as it is (the file is UTF-8).
 */
export function cypherString(value: string): string {
  const escaped = value
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
    .replace(/[\\'\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return `'${escaped}'`;
}

/** A number literal Cypher reads back as the same number ("1e21", not "1e+21"). */
function cypherNumber(value: number): string {
  if (!Number.isFinite(value)) return 'null';
  return String(value).replace('e+', 'e');
}

function literal(value: CypherValue): string {
  if (typeof value === 'number') return cypherNumber(value);
  if (typeof value === 'string') return cypherString(value);
  return `[${value.map(cypherString).join(', ')}]`;
}

/** A map literal; keys are field names of the model, so plain identifiers. */
function mapLiteral(entries: [string, CypherValue][]): string {
  return `{${entries.map(([k, v]) => `${k}: ${literal(v)}`).join(', ')}}`;
}

function allowed<T extends string>(value: string, check: (v: string) => v is T, what: string): T {
  // The dataset was validated; a type outside the allow-list here is a bug, not user input.
  if (!check(value)) throw new Error(`refusing to write ${what} "${value}": not in the model's allow-list`);
  return value;
}

export function cypherScriptExport(ds: Dataset): ExportFile[] {
  const lines = [
    `// conflict-links subgraph: ${plural(ds.entities.length, 'entity', 'entities')}, ${plural(ds.claims.length, 'claim', 'claims')}, ${plural(ds.sources.length, 'source', 'sources')}.`,
    '// Run with cypher-shell or in Neo4j Browser. MERGE by id: running it again changes nothing.',
    'CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;',
    'CREATE CONSTRAINT source_id IF NOT EXISTS FOR (n:Source) REQUIRE n.id IS UNIQUE;',
  ];
  for (const s of ds.sources) {
    const { id, ...rest } = s;
    const entries = Object.entries(rest).filter(([, v]) => v !== undefined) as [string, string][];
    lines.push(`MERGE (s:Source {id: ${cypherString(id)}}) SET s = ${mapLiteral([['id', id], ...entries])};`);
  }
  // Entities exactly as the loader stores them (rows.ts): every field, the type, aliases a list.
  for (const { type, props } of entityRows(ds)) {
    const label = allowed(type, isEntityType, 'entity label');
    const entries = Object.entries(props).filter(([, v]) => v !== undefined && v !== null) as [string, CypherValue][];
    lines.push(`MERGE (n:Entity {id: ${cypherString(String(props.id))}}) SET n = ${mapLiteral(entries)}, n:${label};`);
  }
  for (const c of ds.claims) {
    const type = allowed(c.type, isRelationType, 'relationship type');
    const entries: [string, CypherValue][] = [['id', c.id], ['status', c.status], ['summary', c.summary], ['sourceIds', c.sourceIds]];
    for (const key of OPTIONAL_CLAIM_FIELDS) if (c[key] !== undefined) entries.push([key, c[key]!]);
    // The effective confidence is derived, not stored: a comment, so the graph keeps the loader's shape.
    const assessed = c.confidence !== undefined ? 'assessed by a curator' : `the default for ${c.status} claims; no curator assessed it`;
    lines.push(`// effective confidence ${cypherNumber(effectiveConfidence(c))} (${assessed})`);
    lines.push(
      `MATCH (a:Entity {id: ${cypherString(c.from)}}), (b:Entity {id: ${cypherString(c.to)}}) ` +
        `MERGE (a)-[r:${type} {id: ${cypherString(c.id)}}]->(b) SET r = ${mapLiteral(entries)};`,
    );
  }
  return [{ name: 'conflict-links.cypher', mediaType: 'text/plain; charset=utf-8', content: `${lines.join('\n')}\n` }];
}
