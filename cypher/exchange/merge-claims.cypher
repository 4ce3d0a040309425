// Creates or replaces claims by id. row.type is checked against the allow-list in
// api/domain/model.ts before it reaches this query; it is a parameter, never Cypher text.
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
MATCH (b:Entity {id: row.to})
MERGE (a)-[r:$(row.type) {id: row.props.id}]->(b)
SET r = row.props
RETURN count(r) AS written
