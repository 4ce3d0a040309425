// Saved scenarios, newest first; all of them, or those of one company when $companyId is set.
MATCH (s:Scenario)
WHERE $companyId IS NULL OR s.companyId = $companyId
RETURN s {.*} AS scenario
ORDER BY s.createdAt DESC, s.id
LIMIT $limit
