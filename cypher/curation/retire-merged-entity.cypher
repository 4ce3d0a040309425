// Replaces a merged-away entity by a marker that keeps its id resolving to the survivor,
// and repoints markers that pointed at it.
MATCH (n:Entity {id: $id})
DETACH DELETE n
WITH 1 AS done
CREATE (:MergedEntity {id: $id, mergedInto: $survivorId, name: $name, mergedAt: $at, mergedBy: $by})
WITH done
OPTIONAL MATCH (older:MergedEntity {mergedInto: $id})
SET older.mergedInto = $survivorId
RETURN count(older) AS repointed
