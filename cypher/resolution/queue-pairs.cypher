// Pairs an editor should look at. A pair already queued or decided keeps its state: a decision
// is remembered across imports; an open pair is not queued twice.
UNWIND $rows AS row
MERGE (p:EntityPair {key: row.key})
ON CREATE SET p += row, p.status = 'open', p.queuedAt = $at, p.dataset = $dataset
RETURN count(p) AS written
