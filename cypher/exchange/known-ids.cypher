// Ids of stored entities (with their type) and sources, among those a file refers to.
CALL () {
  MATCH (n:Entity) WHERE n.id IN $entityIds
  RETURN collect([n.id, n.type]) AS entities
}
CALL () {
  MATCH (s:Source) WHERE s.id IN $sourceIds
  RETURN collect(s.id) AS sources
}
RETURN entities, sources
