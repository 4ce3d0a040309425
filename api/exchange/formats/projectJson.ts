// The project's own JSON (the shape of seed/seed-facts.json). validateDataset checks the
// records; this adds what it cannot know: syntax errors with line and column, and the line
// each source, entity and relation starts on.
import { isRecord } from './common.ts';
import { linesAt, readJsonDocument } from './jsonText.ts';
import { emptyResult, type Origin, type ParseResult } from './types.ts';

const LISTS = ['sources', 'entities', 'relations'] as const;

export function linesToOrigins(file: string, lines: number[]): Origin[] {
  return lines.map((line) => ({ file, item: `line ${line}` }));
}

export function parseProjectJson(content: string, file: string): ParseResult {
  const result = emptyResult();
  const doc = readJsonDocument(content, file, LISTS.map((key) => [key]));
  if (!doc.ok) {
    result.problems.push(doc.problem);
    return result;
  }
  const data = doc.value;
  if (!isRecord(data)) {
    result.problems.push({ file, item: 'line 1', reason: 'must be a JSON object with "sources", "entities" and "relations" lists' });
    return result;
  }
  if (Array.isArray(data.nodes) && Array.isArray(data.edges) && data.entities === undefined) {
    result.problems.push({
      file,
      item: '(top level)',
      reason: 'has "nodes" and "edges": this looks like a graphology export; import it with format GRAPHOLOGY',
    });
    return result;
  }
  // Everything else, unknown keys included, goes to validateDataset as it is, so it reports
  // them; lists that are not lists are reported there too ("sources" must be a list).
  result.raw = { ...data, sources: [], entities: [], relations: [] };
  for (const key of LISTS) {
    const value = data[key];
    (result.raw as Record<string, unknown>)[key] = value === undefined ? [] : value;
  }
  result.origins = {
    sources: linesToOrigins(file, linesAt(doc, ['sources'])),
    entities: linesToOrigins(file, linesAt(doc, ['entities'])),
    relations: linesToOrigins(file, linesAt(doc, ['relations'])),
  };
  return result;
}
