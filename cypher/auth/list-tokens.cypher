MATCH (t:ApiToken)
RETURN t {.name, .role, .createdAt, revokedAt: t.revokedAt} AS token
ORDER BY t.createdAt
