// Whether an id is taken, by a live entity or one merged away.
OPTIONAL MATCH (n:Entity {id: $id})
OPTIONAL MATCH (m:MergedEntity {id: $id})
RETURN n IS NOT NULL OR m IS NOT NULL AS taken
