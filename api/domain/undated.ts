// An undated claim has neither a start nor an end. It is not valid on every date: the time
// filter (cypher/fragments/claim-visible.cypher) bounds it by its two ends' dates, and views
// mark it so a reader knows its time comes from what it joins, not from its sources.
export function isUndated(claim: { start?: string | null; end?: string | null }): boolean {
  return (claim.start ?? null) === null && (claim.end ?? null) === null;
}
