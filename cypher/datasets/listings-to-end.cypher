// For a dry run: the claims end-listings.cypher would end (same rule, nothing written).
MATCH (a:Entity)-[r]->(b:Entity)
WHERE r.sourceIds = [$sourceId] AND type(r) IN $types AND r.end IS NULL AND r.retractedAt IS NULL AND NOT r.id IN $keptIds
RETURN r {.*, type: type(r), from: a.id, to: b.id} AS before
ORDER BY r.id
