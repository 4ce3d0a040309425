import type { StoredClaim } from '../graph/mapping.ts';

/** The row shape of cypher/exchange/merge-claims.cypher for a stored claim. */
export function claimRow(claim: StoredClaim) {
  const { from, to, type, ...props } = claim as StoredClaim & { sources?: unknown };
  delete (props as { sources?: unknown }).sources;
  return { from, to, type, props };
}
