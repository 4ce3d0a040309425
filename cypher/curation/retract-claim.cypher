// Marks a claim retracted; it stays in the graph for its history but leaves every view.
MATCH (a:Entity {id: $from})-[r:$($type) {id: $id}]->(b:Entity {id: $to})
SET r.retractedAt = $at, r.retractedBy = $by, r.retractionReason = $reason
RETURN r {.*, type: type(r), from: a.id, to: b.id} AS claim
