// For a dry run: the claims retract-superseded.cypher would retract (same rule, nothing written).
MATCH (a:Entity)-[r]->(b:Entity)
WHERE r.sourceIds = [$sourceId] AND type(r) = $type AND r.retractedAt IS NULL
RETURN r {.*, type: type(r), from: a.id, to: b.id} AS before
ORDER BY r.id
