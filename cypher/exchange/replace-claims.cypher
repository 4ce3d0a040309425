// Replaces the properties of claims an import plan found stored. A claim's id names its
// type and ends, so finding the id between the two entities finds the claim.
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})-[r {id: row.props.id}]->(b:Entity {id: row.to})
SET r = row.props
RETURN count(r) AS written
