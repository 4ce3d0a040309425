MATCH (t:ApiToken {hash: $hash}) WHERE t.revokedAt IS NULL
RETURN t.name AS name, t.role AS role
