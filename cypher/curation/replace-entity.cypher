// Replaces an entity's properties (the caller passes the full, validated set).
MATCH (n:Entity {id: $id})
SET n = $props
RETURN n {.*} AS entity
