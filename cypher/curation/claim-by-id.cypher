// One claim. $type comes from the parsed claim id and is checked against the allow-list.
MATCH (a:Entity {id: $from})-[r:$($type) {id: $id}]->(b:Entity {id: $to})
RETURN r {.*, type: type(r), from: a.id, to: b.id} AS claim
