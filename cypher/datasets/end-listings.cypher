// Claims an earlier import of an official list made that the newer list no longer holds: each
// ends on $end and says so in its summary; it is kept, never deleted. Read and changed here, in
// the import's own transaction. Only claims that cite the list alone, of the types the list makes:
// a claim a researcher sourced elsewhere as well is never ended by a list.
MATCH (a:Entity)-[r]->(b:Entity)
WHERE r.sourceIds = [$sourceId] AND type(r) IN $types AND r.end IS NULL AND r.retractedAt IS NULL AND NOT r.id IN $keptIds
WITH a, r, b, r {.*, type: type(r), from: a.id, to: b.id} AS before
SET r.end = $end, r.summary = r.summary + $note
RETURN before, r {.*, type: type(r), from: a.id, to: b.id} AS after
ORDER BY r.id
