// Claims are dated to the year, month or day (2021, 2021-05, 2021-05-12); Gephi's timeline
// wants whole dates. A partial date is widened to the days it covers: a start to its first
// day, an end to its last, so a claim "from 2021 to 2022" spans 2021-01-01 to 2022-12-31.

/** 2021 -> 2021-01-01, 2021-05 -> 2021-05-01, a full date unchanged. */
export function firstDay(date: string): string {
  if (/^\d{4}$/.test(date)) return `${date}-01-01`;
  if (/^\d{4}-\d{2}$/.test(date)) return `${date}-01`;
  return date;
}

/** 2021 -> 2021-12-31, 2024-02 -> 2024-02-29, a full date unchanged. */
export function lastDay(date: string): string {
  if (/^\d{4}$/.test(date)) return `${date}-12-31`;
  const m = /^(\d{4})-(\d{2})$/.exec(date);
  if (!m) return date;
  // Day 0 of the next month is the last day of this one.
  const days = new Date(Date.UTC(Number(m[1]), Number(m[2]), 0)).getUTCDate();
  return `${date}-${String(days).padStart(2, '0')}`;
}

/** The whole days a claim is dated to; null when it has no dates (it holds at any time). */
export function claimSpan(claim: { start?: string; end?: string }): { start?: string; end?: string } | null {
  if (claim.start === undefined && claim.end === undefined) return null;
  return {
    ...(claim.start !== undefined ? { start: firstDay(claim.start) } : {}),
    ...(claim.end !== undefined ? { end: lastDay(claim.end) } : {}),
  };
}
