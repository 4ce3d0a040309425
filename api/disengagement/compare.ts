// Two scenarios side by side: the paths each cuts, the paths each creates (a sale opens paths
// through the buyer), the substitution risks each raises and the people each leaves without a
// service. Pure, over the results as the API presents them; it says what each does and leaves
// the judgement to the reader: a sale that cuts the same paths as a shutdown is not "better"
// when it creates new ones through a buyer tied to the abusers.
import { isContested, type ContestableClaim } from '../domain/contested.ts';
import type { SubjectRole } from './outcome.ts';

export interface ComparedPath {
  subject: { id: string };
  role: SubjectRole;
  path: { score: number; hops: { claim: ContestableClaim & { id: string; from: string; to: string } }[] };
}

export interface ComparedResult<P extends ComparedPath> {
  cutPaths: P[];
  remainingPaths: P[];
  createdPaths: P[];
  peopleLosingService: number;
  /** A buyer tie comes with its claim, which may be contested. */
  substitutionRisks: { kind: 'OTHER_PROVIDER' | 'BUYER_TIES'; explanation: string; claim?: ContestableClaim | null }[];
}

export interface ComparedScenario<P extends ComparedPath> {
  name: string;
  result: ComparedResult<P>;
}

export interface Comparison<P extends ComparedPath> {
  cutByBoth: P[];
  cutOnlyByA: P[];
  cutOnlyByB: P[];
  createdByBoth: P[];
  createdOnlyByA: P[];
  createdOnlyByB: P[];
  summary: string;
}

/** A path by its subject and the claims it walks (a simulated claim by its ends too: two buyers' differ). */
const pathKey = (p: ComparedPath) => `${p.subject.id}:${p.path.hops.map((h) => `${h.claim.id}@${h.claim.from}>${h.claim.to}`).join('|')}`;

function split<P extends ComparedPath>(a: P[], b: P[]) {
  const inA = new Set(a.map(pathKey));
  const inB = new Set(b.map(pathKey));
  return { both: a.filter((p) => inB.has(pathKey(p))), onlyA: a.filter((p) => !inB.has(pathKey(p))), onlyB: b.filter((p) => !inA.has(pathKey(p))) };
}

const plural = (n: number, word: string) => `${n.toLocaleString('en')} ${word}${n === 1 ? '' : 's'}`;
const score3 = (x: number) => (Math.round(x * 1000 + 1e-9) / 1000).toFixed(3);
const contested = (p: ComparedPath) => p.path.hops.some((h) => isContested(h.claim));
/** The company's and its investors' paths: a buyer's paths that exist anyway are not the scenario's. */
const ours = (p: ComparedPath) => p.role === 'COMPANY' || p.role === 'INVESTOR';

/** Paths there after the withdrawal: those of the company and its investors it leaves, and those it creates. */
export function pathsAfter<P extends ComparedPath>(r: ComparedResult<P>): P[] {
  return [...r.remainingPaths.filter(ours), ...r.createdPaths];
}

/** One scenario in a sentence: what it cuts, creates and risks, and who loses a service. */
function sideSentence<P extends ComparedPath>(s: ComparedScenario<P>): string {
  const r = s.result;
  const created = r.createdPaths.length;
  const disputed = r.createdPaths.filter(contested).length;
  const risks = r.substitutionRisks;
  const tie = risks.find((x) => x.kind === 'BUYER_TIES');
  const creates =
    created === 0
      ? 'creates no path'
      : `creates ${plural(created, 'new path')} (the strongest ${score3(Math.max(...r.createdPaths.map((p) => p.path.score)))}${disputed ? `; ${disputed} through contested evidence` : ''})`;
  const disputedTie = tie?.claim && isContested(tie.claim) ? '; the claim of that tie is contested' : '';
  const raises = risks.length === 0 ? 'raises no substitution risk' : `raises ${plural(risks.length, 'substitution risk')}${tie ? ` (buyer risk: ${tie.explanation}${disputedTie})` : ''}`;
  const people = r.peopleLosingService > 0 ? `${Math.round(r.peopleLosingService).toLocaleString('en')} people lose a service` : 'no population recorded as served loses a service';
  return `"${s.name}" cuts ${plural(r.cutPaths.length, 'path')}, ${creates} and ${raises}; ${people}.`;
}

function afterWords<P extends ComparedPath>(s: ComparedScenario<P>): string {
  const after = pathsAfter(s.result);
  return `after "${s.name}" ${after.length === 0 ? 'none' : `${after.length} (the strongest ${score3(Math.max(...after.map((p) => p.path.score)))})`}`;
}

export function compareOutcomes<P extends ComparedPath>(a: ComparedScenario<P>, b: ComparedScenario<P>): Comparison<P> {
  const cut = split(a.result.cutPaths, b.result.cutPaths);
  const created = split(a.result.createdPaths, b.result.createdPaths);
  const counts = (x: { both: P[]; onlyA: P[]; onlyB: P[] }) => `${x.both.length} by both, ${x.onlyA.length} only by "${a.name}", ${x.onlyB.length} only by "${b.name}"`;
  const summary = [
    sideSentence(a),
    sideSentence(b),
    `Paths left or created: ${afterWords(a)}, ${afterWords(b)}.`,
    `Cut: ${counts(cut)}. Created: ${counts(created)}.`,
  ].join(' ');
  return {
    cutByBoth: cut.both,
    cutOnlyByA: cut.onlyA,
    cutOnlyByB: cut.onlyB,
    createdByBoth: created.both,
    createdOnlyByA: created.onlyA,
    createdOnlyByB: created.onlyB,
    summary,
  };
}
