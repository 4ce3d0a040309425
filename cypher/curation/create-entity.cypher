// A new entity. $type is checked against the allow-list in api/domain/model.ts first.
CREATE (n:Entity)
SET n = $props
SET n:$($type)
RETURN n {.*} AS entity
