// The audit trail of one entity, claim or source, newest first.
MATCH (a:AuditRecord {targetId: $id})
RETURN a {.*} AS record
ORDER BY a.at DESC, a.id
LIMIT $limit
