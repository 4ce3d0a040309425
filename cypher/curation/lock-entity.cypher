// Takes the write lock on an entity, then reads it under that lock. Setting a property makes
// Neo4j lock the node until the transaction ends, so writers of one entity queue here and each
// reads what the one before it committed; removing the property leaves the node as it was.
// An entity deleted while this waited (merged away) reads as an empty map.
OPTIONAL MATCH (n:Entity {id: $id})
CALL (n) {
  WITH n WHERE n IS NOT NULL
  SET n.lockedForWrite = true
  REMOVE n.lockedForWrite
}
RETURN n {.*} AS entity
