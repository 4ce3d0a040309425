// A subgraph for export: the given entities (or all when $all), the claims between them
// that are visible under the filters, and the sources those claims and their responses cite
// (each responseSourceIds item holds one response's ids, space-separated).
MATCH (n:Entity) WHERE $all OR n.id IN $ids
WITH collect(n) AS nodes
CALL (nodes) {
  UNWIND nodes AS a
  MATCH (a)-[r]->(b:Entity)
  WHERE b IN nodes AND /*+ claim-visible(r) */
  RETURN collect(r {.*, type: type(r), from: a.id, to: b.id}) AS claims
}
WITH nodes, claims, reduce(acc = [], c IN claims | acc + c.sourceIds
  + reduce(ids = [], item IN coalesce(c.responseSourceIds, []) | ids + split(item, ' '))) AS cited
CALL (cited) {
  MATCH (s:Source) WHERE s.id IN cited
  RETURN collect(s {.*}) AS sources
}
RETURN [n IN nodes | n {.*}] AS entities, claims, sources
