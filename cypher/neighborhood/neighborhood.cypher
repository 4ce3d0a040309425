// An entity, its neighbours at distance 1 (and 2 when $depth = 2) through claims visible
// under the filters, at most $limit of them (nearest first), and every visible claim
// between the nodes returned.
MATCH (center:Entity {id: $id})
CALL (center) {
  OPTIONAL MATCH (center)-[r]-(n:Entity)
  WHERE n <> center AND /*+ claim-visible(r) */
  RETURN collect(DISTINCT n) AS ring1
}
CALL (center, ring1) {
  UNWIND CASE WHEN $depth >= 2 THEN ring1 ELSE [] END AS m
  MATCH (m)-[r]-(n:Entity)
  WHERE n <> center AND NOT n IN ring1 AND /*+ claim-visible(r) */
  RETURN collect(DISTINCT n)[..$limit + 1] AS ring2
}
WITH center, ring1 + ring2 AS neighbours
WITH center, neighbours[..$limit] AS neighbours, size(neighbours) > $limit AS truncated
WITH center, [center] + neighbours AS nodes, truncated
CALL (nodes) {
  UNWIND nodes AS a
  MATCH (a)-[r]->(b:Entity)
  WHERE b IN nodes AND /*+ claim-visible(r) */
  RETURN collect(r {.*, type: type(r), from: a.id, to: b.id}) AS edges
}
RETURN center {.*} AS center, [n IN nodes | n {.*}] AS nodes, edges, truncated
