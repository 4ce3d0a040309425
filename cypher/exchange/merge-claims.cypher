// Creates or replaces claims by id. row.type is checked against the allow-list in
// api/domain/model.ts before it reaches this query; it is a parameter, never Cypher text.
// Not MERGE: with a dynamic type Neo4j 5.26 plans it as a scan of every relationship, once
// per row. Instead both ends are locked (as MERGE would lock them, so two writers cannot both
// create the claim), the claim is looked up between them, and created only when absent.
// A claim's id names its type, so finding the id finds the claim.
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
MATCH (b:Entity {id: row.to})
SET a.id = a.id, b.id = b.id
WITH a, b, row
OPTIONAL MATCH (a)-[old {id: row.props.id}]->(b)
CALL (a, b, row, old) {
  WITH * WHERE old IS NULL
  CREATE (a)-[r:$(row.type)]->(b)
  SET r = row.props
}
SET old = row.props
RETURN count(*) AS written
