// The token holding a name, revoked or not: a name is never used twice.
MATCH (t:ApiToken {name: $name})
RETURN t.name AS name, t.revokedAt AS revokedAt
