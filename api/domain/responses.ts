// A company's response to a claim (the right of reply, as the Business & Human Rights Resource
// Centre practises it and the OHCHR database records it): its own sourced record, with a kind,
// a date, optional words and the sources that report it.
//
// Stored on the claim's relationship as aligned lists, as its evidence quotes are (Neo4j
// properties cannot hold maps, and a relationship cannot be linked to a node). On the claim, a
// response is written, read, exported, audited and deleted with the claim it answers, in the
// same transaction, so imports stay all-or-nothing and no new label has to be kept out of walks.
import { controlCharacterProblem, dateAdvice, isPartialDate } from './fieldRules.ts';
import { dateWords } from './words.ts';

export const RESPONSE_KINDS = ['responded', 'declined', 'no-response-recorded', 'denied'] as const;
export type ResponseKind = (typeof RESPONSE_KINDS)[number];

export const RESPONSE_KIND_WORDS: Readonly<Record<ResponseKind, string>> = {
  responded: 'responded',
  declined: 'declined to respond',
  'no-response-recorded': 'no response recorded',
  denied: 'denied',
};

export interface CompanyResponse {
  kind: ResponseKind;
  /** When the response was given (or, for no-response-recorded, when its absence was recorded). */
  date: string;
  /** The response's own words or a summary of them; null when the source gives none. */
  text: string | null;
  sourceIds: string[];
}

/** How the lists sit on a stored claim: responseSourceIds[i] holds response i's source ids, space-separated (ids hold no spaces). */
export interface StoredResponses {
  responseKinds?: readonly string[] | null;
  responseDates?: readonly string[] | null;
  responseTexts?: readonly string[] | null;
  responseSourceIds?: readonly string[] | null;
}

export const MAX_RESPONSES_PER_CLAIM = 50;
export const MAX_RESPONSE_TEXT = 2000;
const FIELDS = ['kind', 'date', 'text', 'sources'];

export function isResponseKind(value: unknown): value is ResponseKind {
  return (RESPONSE_KINDS as readonly unknown[]).includes(value);
}

/**
 * Every problem with one response input `{ kind, date, text?, sources }`; `where` names it,
 * `sourceExists` checks each cited id; `claim` is allowed where the response names its claim.
 */
export function responseProblems(value: unknown, where: string, sourceExists: (id: string) => boolean, namesClaim = false): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [`${where} must be an object with "kind", "date", "sources" and optionally "text"`];
  const { kind, date, text, sources, ...rest } = value as Record<string, unknown>;
  const problems: string[] = [];
  const allowed = namesClaim ? ['claim', ...FIELDS] : FIELDS;
  for (const key of Object.keys(rest)) if (!allowed.includes(key)) problems.push(`${where} has unknown field "${key}"; allowed: ${allowed.join(', ')}`);
  if (!isResponseKind(kind)) problems.push(`${where} kind must be one of ${RESPONSE_KINDS.join(', ')}; got ${JSON.stringify(kind)}`);
  if (typeof date !== 'string' || !isPartialDate(date)) problems.push(`${where} date ${JSON.stringify(date)} is not a date: ${dateAdvice(date)}`);
  if (text !== undefined && text !== null) {
    if (typeof text !== 'string' || text.trim() === '') problems.push(`${where} text must be a non-empty string when given`);
    else {
      if (text.length > MAX_RESPONSE_TEXT) problems.push(`${where} text has ${text.length} characters; at most ${MAX_RESPONSE_TEXT}`);
      const control = controlCharacterProblem(`${where}.text`, text);
      if (control) problems.push(control);
    }
  }
  if (!Array.isArray(sources) || sources.length === 0) problems.push(`${where} must cite at least one source in "sources": a response is recorded only as a source reports it`);
  else for (const s of sources) if (typeof s !== 'string' || !sourceExists(s)) problems.push(`${where} cites source ${JSON.stringify(s)}, which does not exist`);
  return problems;
}

/** A validated response input as a record. */
export function toResponse(value: Record<string, unknown>): CompanyResponse {
  const text = typeof value.text === 'string' ? value.text.trim() : null;
  return { kind: value.kind as ResponseKind, date: value.date as string, text, sourceIds: [...new Set(value.sources as string[])] };
}

/** The stored lists of a claim's responses (none when there are none, so claims without stay as they were). */
export function responseLists(responses: readonly CompanyResponse[]): Required<{ [K in keyof StoredResponses]: string[] }> | Record<string, never> {
  if (responses.length === 0) return {};
  return {
    responseKinds: responses.map((r) => r.kind),
    responseDates: responses.map((r) => r.date),
    responseTexts: responses.map((r) => r.text ?? ''),
    responseSourceIds: responses.map((r) => r.sourceIds.join(' ')),
  };
}

/** The responses of a stored claim, in the order recorded. */
export function responsesOf(claim: StoredResponses): CompanyResponse[] {
  const kinds = claim.responseKinds ?? [];
  return kinds.flatMap((kind, i) => {
    if (!isResponseKind(kind)) return [];
    const text = claim.responseTexts?.[i] ?? '';
    const sourceIds = (claim.responseSourceIds?.[i] ?? '').split(' ').filter(Boolean);
    return [{ kind, date: claim.responseDates?.[i] ?? '', text: text === '' ? null : text, sourceIds }];
  });
}

/** The response as its relation input writes it, for exports that read back. */
export function responseToRaw(r: CompanyResponse): Record<string, unknown> {
  return { kind: r.kind, date: r.date, ...(r.text ? { text: r.text } : {}), sources: [...r.sourceIds] };
}

/** A response as the API sends it (kind as GraphQL names it, "NO_RESPONSE_RECORDED") or as stored. */
export interface ResponseView {
  kind: string;
  date: string;
  text?: string | null;
  sources?: readonly { publisher: string }[];
}

/** "NO_RESPONSE_RECORDED" or "no-response-recorded" -> "no-response-recorded". */
export function storedKind(kind: string): string {
  return kind.toLowerCase().replace(/_/g, '-');
}

/** A response in a line, as it is shown beside its claim: "Company response (23 September 2025, responded) — OHCHR". */
export function responseLine(r: ResponseView): string {
  const by = r.sources?.length ? ` — ${r.sources.map((s) => s.publisher).join('; ')}` : '';
  return `${responseHead(r)}${by}`;
}

/** The response's date and kind, without who records it: "Company response (23 September 2025, responded)". */
export function responseHead(r: Pick<ResponseView, 'kind' | 'date'>): string {
  const kind = storedKind(r.kind);
  const words = isResponseKind(kind) ? RESPONSE_KIND_WORDS[kind] : kind.replace(/-/g, ' ');
  return `Company response (${dateWords(r.date)}, ${words})`;
}
