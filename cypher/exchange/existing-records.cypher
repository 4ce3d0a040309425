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
// Not -[r:$(c.type)]->: Neo4j 5.26 plans a dynamic type as a scan of every relationship,
// once per row. Both ends come from the id index; the claim is found between them.
CALL () {
  UNWIND $claims AS c
  MATCH (a:Entity {id: c.from}), (b:Entity {id: c.to})
  MATCH (a)-[r]->(b)
  WHERE r.id = c.id AND type(r) = c.type
  RETURN collect(r {.*, type: type(r), from: a.id, to: b.id}) AS claims
}
RETURN entities, merged, sources, claims
