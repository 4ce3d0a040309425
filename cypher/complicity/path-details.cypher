// The claims and entities of the paths a complicity search returns. Each claim is found
// from its stored endpoints ($claims: id, from, to as recorded), so no claim-id index is needed.
CALL () {
  UNWIND $claims AS c
  MATCH (a:Entity {id: c.from})-[r]->(b:Entity {id: c.to})
  WHERE r.id = c.id
  RETURN collect(r {.*, type: type(r), from: a.id, to: b.id}) AS claims
}
CALL () {
  MATCH (n:Entity) WHERE n.id IN $entityIds
  RETURN collect(n {.*}) AS entities
}
RETURN claims, entities
