// The words the screening's reports and the explorer's panel share: weights as percentages (of
// the file, and of the whole portfolio when the file is only part of it), the settings a
// screening ran with, and the contested hops of a path. Pure.
import { readableNumber, relationWords, statusWords } from '../domain/words.ts';
import { contestedBecause, type ContestableClaim } from '../domain/contested.ts';
import { isRelationType, RELATION_TYPES } from '../domain/model.ts';
import { addsUpToWhole } from './weightShares.ts';

export const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/** True when a share of the file is not the share of the whole portfolio: both must be shown. */
const fileIsPart = (ofWhole: number | null | undefined, fileOfWhole: number | null | undefined) => ofWhole != null && fileOfWhole != null && !addsUpToWhole(fileOfWhole);

/**
 * A share as a percentage, compact (a table cell): "30.0%" when the file is all of the
 * portfolio (or nothing says what the whole is), else "50.0% of the file (30.0% of the whole)".
 */
export function shareText(ofFile: number, ofWhole: number | null | undefined, fileOfWhole: number | null | undefined): string {
  if (fileIsPart(ofWhole, fileOfWhole)) return `${pct(ofFile)} of the file (${pct(ofWhole!)} of the whole)`;
  return pct(ofWhole ?? ofFile);
}

/** The same in a sentence: "30.0% of the portfolio", or "50.0% of the file (30.0% of the whole portfolio)". */
export function sharePhrase(ofFile: number, ofWhole: number | null | undefined, fileOfWhole: number | null | undefined): string {
  if (fileIsPart(ofWhole, fileOfWhole)) return `${pct(ofFile)} of the file (${pct(ofWhole!)} of the whole portfolio)`;
  return `${pct(ofWhole ?? ofFile)} of the portfolio`;
}

export interface ReportSettings {
  maxHops: number;
  asOf: string | null;
  /** Stored ("company-confirmed") or GraphQL ("COMPANY_CONFIRMED") names; empty for all. */
  statuses: string[];
  minConfidence: number;
  includeUndated: boolean;
  weights: { relations: { type: string; strength: number }[]; statuses: { status: string; confidence: number }[]; hopDecay: number };
}

// The report is read by people: the domain's words, not enum names (the CSV cell of statuses
// keeps the stored names, which a script can match).
const statusWord = statusWords;
const relationWord = relationWords;
const storedStatus = (s: string) => s.toLowerCase().replace(/_/g, '-');
const num = (x: number) => readableNumber(x, 4);

/** The settings, one line each, as a reader checks them against another screening. */
export function settingsLines(s: ReportSettings): string[] {
  return [
    `Most hops: ${s.maxHops}`,
    `As of: ${s.asOf ?? 'any date (no time filter)'}`,
    `Undated claims: ${s.includeUndated ? 'included (on a date, only while both their ends exist)' : 'left out'}`,
    `Statuses: ${s.statuses.length ? s.statuses.map(statusWord).join(', ') : 'all'}`,
    `Minimum confidence: ${s.minConfidence > 0 ? `${num(s.minConfidence)} (a claim no curator assessed counts at its status's default)` : 'none'}`,
    `Scoring: hop decay ${num(s.weights.hopDecay)}; relation strengths ${s.weights.relations.map((r) => `${relationWord(r.type)} ${num(r.strength)}`).join(', ')}; confidence by status when not assessed ${s.weights.statuses.map((x) => `${statusWord(x.status)} ${num(x.confidence)}`).join(', ')}`,
  ];
}

/** The same settings in one cell of a CSV row. */
export function settingsCells(s: ReportSettings | undefined): string[] {
  if (!s) return ['', '', '', '', '', ''];
  const scoring = settingsLines(s).find((line) => line.startsWith('Scoring: '))!;
  return [
    String(s.maxHops), s.asOf ?? '', s.includeUndated ? 'yes' : 'no', s.statuses.map(storedStatus).join(' '),
    num(s.minConfidence), scoring.replace(/^Scoring: /, ''),
  ];
}

export interface ContestedHop {
  /** 0-based hop of the path. */
  hop: number;
  from: string;
  to: string;
  type: string;
  because: string;
}

/** The hops of a path whose claims are contested, with why. */
export function contestedHops(path: { nodes: { name: string }[]; hops: { claim: ContestableClaim & { type: string } }[] }): ContestedHop[] {
  return path.hops.flatMap((h, i) => {
    const because = contestedBecause(h.claim);
    return because ? [{ hop: i, from: path.nodes[i]?.name ?? '', to: path.nodes[i + 1]?.name ?? '', type: h.claim.type, because }] : [];
  });
}

/** Contested hops in a line, each as its claim's sentence: "Owner Co is linked to the army: Its status is denied." */
export function contestedText(hops: readonly ContestedHop[]): string {
  const verb = (type: string) => (isRelationType(type) ? RELATION_TYPES[type].verb : relationWord(type));
  return hops.map((h) => `${h.from} ${verb(h.type)} ${h.to}: ${h.because}`).join(' ');
}
