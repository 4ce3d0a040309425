// When a claim is contested: its status is `denied`, a company response of kind `denied` is
// recorded with it (api/domain/responses.ts), or its summary records a response that
// disputes it (the seed keeps company responses in the summary, e.g. "a company
// representative denied links to the military"). Said once here; the API, the explorer and the
// screening reports all ask this. It only reads what the claim says: it never weakens or
// strengthens a claim, and a response that confirms (e.g. "Microsoft said a review found
// evidence supporting elements of the reporting") is not a dispute.

import { responsesOf, storedKind, type ResponseView, type StoredResponses } from './responses.ts';
import { dateWords } from './words.ts';

export interface ContestableClaim extends StoredResponses {
  /** The responses as the API sends them; when absent, the stored lists are read. */
  responses?: readonly ResponseView[] | null;
  /** Stored ("denied") or as GraphQL names it ("DENIED"). */
  status: string;
  summary?: string | null;
}

/**
 * Words by which a summary records a denial or a dispute: denied, denies, disputed, disputes the …, sought a
 * reversal, or said … not (as in "Google has said the contract is not aimed at military work").
 */
// "Dispute" is matched as a verb only: "a dispute between the army and the RSF" is no response.
const DISPUTE = [/\bden(?:y|ies|ied|ial)\b/i, /\bdisput(?:ed|ing)\b/i, /\bdisputes?\s+(?:the|this|that|these|it|its|such|claims?|reports?)\b/i, /\bseek(?:s|ing)?\b[^;]*\breversal\b/i, /\bsaid\b[^;]*\bnot\b/i];

/** The parts of a summary a response may sit in: clauses split at semicolons and sentence ends. */
function clauses(summary: string): string[] {
  return summary
    .split(/;\s+|(?<=[.!?])\s+(?=[A-Z])/)
    .map((c) => c.trim().replace(/[.;]+$/, ''))
    .filter(Boolean);
}

/** The clauses of the summary that record a denial or dispute, word for word. */
export function recordedDisputes(summary: string | null | undefined): string[] {
  return summary ? clauses(summary).filter((c) => DISPUTE.some((word) => word.test(c))) : [];
}

/** Why the claim is contested, in a sentence quoting the record; null when it is not. */
export function contestedBecause(claim: ContestableClaim): string | null {
  const reasons: string[] = [];
  if (claim.status.toLowerCase() === 'denied') reasons.push('Its status is denied.');
  const disputes = recordedDisputes(claim.summary);
  if (disputes.length > 0) reasons.push(`Its sources record a response: ${disputes.map((d) => `"${d}"`).join('; ')}.`);
  // A recorded denial is a dispute as a denial in the summary is; other kinds are not.
  const responses: readonly ResponseView[] = claim.responses ?? responsesOf(claim);
  for (const r of responses.filter((x) => storedKind(x.kind) === 'denied')) {
    reasons.push(`A company response of ${dateWords(r.date)} denies it${r.text ? `: "${r.text.replace(/[.;]+$/, '')}"` : ''}.`);
  }
  return reasons.length > 0 ? reasons.join(' ') : null;
}

export function isContested(claim: ContestableClaim): boolean {
  return contestedBecause(claim) !== null;
}
