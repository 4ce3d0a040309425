// The quotes a claim was checked against: each names one of the claim's sources and quotes
// its text. Stored on the claim as two aligned lists (Neo4j properties cannot hold maps).
import { controlCharacterProblem } from './fieldRules.ts';

export interface Evidence {
  sourceId: string;
  quote: string;
}

export const MAX_QUOTES_PER_CLAIM = 50;
export const MAX_QUOTE_LENGTH = 2000;

/** Every problem with a claim's `evidence` input, which cites `sourceIds`. */
export function evidenceProblems(value: unknown, sourceIds: readonly string[]): string[] {
  if (!Array.isArray(value)) return ['"evidence" must be a list of { "source", "quote" }'];
  if (value.length > MAX_QUOTES_PER_CLAIM) return [`"evidence" has ${value.length} quotes; at most ${MAX_QUOTES_PER_CLAIM}`];
  const problems: string[] = [];
  value.forEach((item, i) => {
    const where = `evidence[${i}]`;
    if (typeof item !== 'object' || item === null || Array.isArray(item)) return void problems.push(`${where} must be an object with "source" and "quote"`);
    const { source, quote, ...rest } = item as Record<string, unknown>;
    const unknown = Object.keys(rest);
    if (unknown.length) problems.push(`${where} has unknown field "${unknown[0]}"; allowed: source, quote`);
    if (typeof source !== 'string' || !sourceIds.includes(source)) {
      problems.push(`${where} quotes source ${JSON.stringify(source)}, which the claim does not cite`);
    }
    if (typeof quote !== 'string' || quote.trim() === '') return void problems.push(`${where} needs a non-empty "quote"`);
    if (quote.length > MAX_QUOTE_LENGTH) problems.push(`${where} quote has ${quote.length} characters; at most ${MAX_QUOTE_LENGTH}`);
    const control = controlCharacterProblem(`${where}.quote`, quote);
    if (control) problems.push(control);
  });
  return problems;
}

/** The stored lists of a validated `evidence` input. */
export function evidenceLists(value: readonly { source: string; quote: string }[]): { evidenceSourceIds: string[]; evidenceQuotes: string[] } {
  return { evidenceSourceIds: value.map((e) => e.source), evidenceQuotes: value.map((e) => e.quote.trim()) };
}

/** The quotes of a stored claim, in the order recorded. */
export function evidenceOf(claim: { evidenceSourceIds?: readonly string[] | null; evidenceQuotes?: readonly string[] | null }): Evidence[] {
  const ids = claim.evidenceSourceIds ?? [];
  const quotes = claim.evidenceQuotes ?? [];
  return ids.map((sourceId, i) => ({ sourceId, quote: quotes[i] ?? '' })).filter((e) => e.quote !== '');
}
