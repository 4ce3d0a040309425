// One saved scenario by id.
MATCH (s:Scenario {id: $id})
RETURN s {.*} AS scenario
