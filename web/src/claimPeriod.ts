// A claim's time in words for every view: its dates, or "undated" when its sources give none.
// An undated claim is kept under a time filter only while both its ends exist, so a reader is
// told its time comes from what it joins (api/domain/undated.ts).
import { isUndated } from '../../api/domain/undated.ts';

export const UNDATED_WHY = 'Its sources give no dates: on a chosen date it shows only while both its ends exist.';

export function claimPeriod(claim: { start: string | null; end: string | null }): { text: string; undated: boolean } {
  if (isUndated(claim)) return { text: 'undated', undated: true };
  return { text: `${claim.start ?? '…'} – ${claim.end ?? 'present'}`, undated: false };
}

/** How many hops of a path go through undated claims. */
export function undatedHopCount(path: { hops: readonly { claim: { start: string | null; end: string | null } }[] }): number {
  return path.hops.filter((h) => isUndated(h.claim)).length;
}

/** A path's undated hops in words, e.g. "2 undated claims"; empty when it has none. */
export function undatedText(path: Parameters<typeof undatedHopCount>[0]): string {
  const n = undatedHopCount(path);
  return n === 0 ? '' : n === 1 ? '1 undated claim' : `${n} undated claims`;
}
