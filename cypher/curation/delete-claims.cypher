// Deletes claims a merge moves, combines or drops (each has its audit record). Types are allow-listed.
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})-[r:$(row.type) {id: row.props.id}]->(b:Entity {id: row.to})
DELETE r
RETURN count(*) AS deleted
