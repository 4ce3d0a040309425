// Creates the claims an import plan found absent (changed ones go through replace-claims).
// If another writer adds the same claim meanwhile, the unique-id constraint of its type
// (schema.cypher) refuses the duplicate and the whole import rolls back. row.type is
// checked against the allow-list in api/domain/model.ts; it is a parameter, never Cypher text.
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
MATCH (b:Entity {id: row.to})
CREATE (a)-[r:$(row.type)]->(b)
SET r = row.props
RETURN count(r) AS written
