// The list's ids for entities folded into stored ones: each keeps resolving to its survivor.
// MERGE: importing the list again finds the marker and changes nothing.
UNWIND $rows AS row
MERGE (m:MergedEntity {id: row.id})
ON CREATE SET m.mergedInto = row.into, m.name = row.name, m.mergedAt = $at, m.mergedBy = $by, m.reason = row.reason
RETURN count(m) AS written
