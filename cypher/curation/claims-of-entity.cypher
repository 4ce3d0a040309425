// Every claim touching an entity, in either direction, retracted ones included.
MATCH (n:Entity {id: $id})-[r]-(m:Entity)
RETURN DISTINCT r {.*, type: type(r), from: startNode(r).id, to: endNode(r).id} AS claim
