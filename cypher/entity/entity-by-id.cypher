// One entity by id.
MATCH (n:Entity {id: $id})
RETURN n {.*} AS entity
