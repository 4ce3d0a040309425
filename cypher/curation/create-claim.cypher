// Creates a claim between two entities the caller has locked, after seeing that no claim has
// its id. CREATE, not MERGE: a second claim with the id is refused by the claim-id constraint.
// $type is checked against the allow-list in api/domain/model.ts first.
MATCH (a:Entity {id: $from})
MATCH (b:Entity {id: $to})
CREATE (a)-[r:$($type)]->(b)
SET r = $props
RETURN r {.*} AS claim
