// What the database already holds of the records a file brings: entities, ids merged
// away, sources and claims. Claim types are allow-listed before they reach this query.
CALL () {
  MATCH (n:Entity) WHERE n.id IN $entityIds
  RETURN collect(n {.*}) AS entities
}
CALL () {
  MATCH (m:MergedEntity) WHERE m.id IN $entityIds
  RETURN collect([m.id, m.mergedInto]) AS merged
}
CALL () {
  MATCH (s:Source) WHERE s.id IN $sourceIds
  RETURN collect(s {.*}) AS sources
}
CALL () {
  UNWIND $claims AS c
  MATCH (a:Entity {id: c.from})-[r:$(c.type) {id: c.id}]->(b:Entity {id: c.to})
  RETURN collect(r {.*, type: type(r), from: a.id, to: b.id}) AS claims
}
RETURN entities, merged, sources, claims
