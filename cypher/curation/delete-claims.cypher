// Deletes claims (used when a merge moves them to the survivor). Types are allow-listed.
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})-[r:$(row.type) {id: row.id}]->(b:Entity {id: row.to})
DELETE r
RETURN count(*) AS deleted
