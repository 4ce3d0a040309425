// Replaces a merged-away entity by a marker that keeps its id resolving to the survivor,
// and repoints markers that pointed at it. DELETE, not DETACH DELETE: the merge has moved or
// deleted every claim of the duplicate (each with its audit record), so a relationship left
// here is one it did not plan for, and the transaction fails rather than lose it silently.
MATCH (n:Entity {id: $id})
DELETE n
WITH 1 AS done
CREATE (:MergedEntity {id: $id, mergedInto: $survivorId, name: $name, mergedAt: $at, mergedBy: $by})
WITH done
OPTIONAL MATCH (older:MergedEntity {mergedInto: $id})
SET older.mergedInto = $survivorId
RETURN count(older) AS repointed
