// One entity by id; an id merged away resolves to the entity it was merged into.
OPTIONAL MATCH (n:Entity {id: $id})
OPTIONAL MATCH (m:MergedEntity {id: $id})
OPTIONAL MATCH (survivor:Entity {id: m.mergedInto})
WITH coalesce(n, survivor) AS entity
WHERE entity IS NOT NULL
RETURN entity {.*} AS entity
