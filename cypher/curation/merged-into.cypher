// The survivor an entity id was merged into, if it was (markers always name a live survivor).
MATCH (m:MergedEntity {id: $id})
RETURN m.mergedInto AS mergedInto
