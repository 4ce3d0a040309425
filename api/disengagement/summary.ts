// The ten-second reading of a scenario: what is cut, what remains, what the withdrawal
// creates, who loses a service and who could step in. Pure text from the computed result.
import type { Mode } from './model.ts';
import type { Outcome } from './outcome.ts';

export interface SummaryInput {
  company: string;
  mode: Mode;
  scope: string;
  buyer: string | null;
  outcome: Outcome;
  populations: { name: string; size: number | null }[];
  risks: { kind: 'OTHER_PROVIDER' | 'BUYER_TIES'; text: string }[];
}

const people = (n: number) => (n >= 1e6 ? `${(Math.round(n / 1e5) / 10).toLocaleString('en')} million` : n.toLocaleString('en'));
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function scenarioSummary(s: SummaryInput): string {
  const own = (list: Outcome['cut']) => list.filter((p) => p.subject.role === 'COMPANY').length;
  const others = (list: Outcome['cut']) => list.length - own(list);
  const how = s.mode === 'sale' ? `Selling ${s.scope} to ${s.buyer}` : s.mode === 'shutdown' ? `Shutting down ${s.scope}` : `Suspending ${s.scope}`;
  const parts: string[] = [];
  // Paths of the buyer's side that exist anyway are not the company's to cut or keep.
  const ours = (list: Outcome['cut']) => list.filter((p) => p.subject.role === 'COMPANY' || p.subject.role === 'INVESTOR');
  const cut = ours(s.outcome.cut).length;
  const remaining = ours(s.outcome.remaining).length;
  parts.push(
    cut === 0
      ? `${how} cuts none of ${s.company}'s complicity paths`
      : `${how} cuts ${plural(own(s.outcome.cut), 'path')} of ${s.company}${others(s.outcome.cut) ? ` and ${plural(others(s.outcome.cut), 'path')} of its investors` : ''}`,
  );
  parts[0] += remaining === 0 ? '; none remain.' : `; ${plural(remaining, 'path')} remain${remaining === 1 ? 's' : ''}.`;
  if (s.outcome.created.length > 0) parts.push(`It creates ${plural(s.outcome.created.length, 'new path')} through the buyer.`);
  const lost = s.populations.reduce((sum, p) => sum + (p.size ?? 0), 0);
  if (s.populations.length > 0) {
    parts.push(`${s.populations.map((p) => p.name).join(', ')} lose the service${lost > 0 ? ` (${people(lost)} people)` : ''}.`);
  } else {
    parts.push('No population recorded as served loses a service.');
  }
  const buyerTies = s.risks.filter((r) => r.kind === 'BUYER_TIES');
  const providers = s.risks.filter((r) => r.kind === 'OTHER_PROVIDER');
  if (buyerTies.length > 0) parts.push(`Buyer risk: ${buyerTies[0]!.text}${buyerTies.length > 1 ? ` (and ${buyerTies.length - 1} more)` : ''}.`);
  if (providers.length > 0) parts.push(`${plural(providers.length, 'other provider')} of the same kind could take over.`);
  return parts.join(' ');
}
