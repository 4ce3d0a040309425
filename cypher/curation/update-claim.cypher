// Replaces a claim's properties (the caller holds the locks on both ends and passes the full,
// validated set), returning what is stored. $type comes from the parsed, allow-listed claim id.
MATCH (a:Entity {id: $from})-[r:$($type) {id: $id}]->(b:Entity {id: $to})
SET r = $props
RETURN r {.*} AS claim
