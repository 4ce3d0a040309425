// Claims an earlier version of a list's reader recorded under a type it no longer uses (the
// OHCHR listing once read as ALLEGEDLY_USED_IN): retracted, never deleted, so their history
// stays. Only claims that cite the list alone; $type is checked against the model's allow-list
// and passed as a parameter. Read and changed in the import's own transaction.
MATCH (a:Entity)-[r]->(b:Entity)
WHERE r.sourceIds = [$sourceId] AND type(r) = $type AND r.retractedAt IS NULL
WITH a, r, b, r {.*, type: type(r), from: a.id, to: b.id} AS before
SET r.retractedAt = $at, r.retractedBy = $by, r.retractionReason = $reason
RETURN before, r {.*, type: type(r), from: a.id, to: b.id} AS after
ORDER BY r.id
