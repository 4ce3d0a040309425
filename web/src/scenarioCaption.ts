// A scenario in words, for its panel and for a picture of it: which saved scenario it is (by
// name, never by id), whose withdrawal, and what the before/after drawing marks. Pure.
import { dateWords } from '../../api/domain/words.ts';

export interface ScenarioNaming {
  /** The saved scenario on screen, if it is one. */
  saved: { name: string; createdBy: string; createdAt: string } | null;
  companyName: string;
}

/** "Withdrawal scenario “Exit Myanmar”: Telenor Group". */
export function scenarioTitle(n: ScenarioNaming): string {
  return n.saved ? `Withdrawal scenario “${n.saved.name}”: ${n.companyName}` : `Withdrawal scenario: ${n.companyName}`;
}

/** "Saved by alice on 4 December 2026." */
export function savedLine(saved: NonNullable<ScenarioNaming['saved']>): string {
  return `Saved by ${saved.createdBy} on ${dateWords(saved.createdAt.slice(0, 10))}.`;
}

/** What the drawing of one side shows, for the notes under a picture. */
export function sideNote(side: 'before' | 'after'): string {
  return side === 'before'
    ? 'Drawn before the withdrawal: the claims it ends are grey and dashed; the paths it cuts stand out.'
    : 'Drawn after the withdrawal: the claims it ends are gone, a sale’s new claims are marked; the paths left and created stand out.';
}
