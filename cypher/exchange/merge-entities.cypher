// Creates or replaces entities by id. row.type is checked against the allow-list in
// api/domain/model.ts before it reaches this query; it is a parameter, never Cypher text.
UNWIND $rows AS row
MERGE (n:Entity {id: row.props.id})
SET n = row.props
SET n:$(row.type)
