// Saves a named scenario (its input as JSON text). Scenarios are the only thing a
// disengagement writes; they never touch entities or claims.
CREATE (s:Scenario {id: $id, name: $name, companyId: $companyId, input: $input, createdBy: $by, createdAt: $at})
RETURN s {.*} AS scenario
