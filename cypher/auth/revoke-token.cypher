MATCH (t:ApiToken {name: $name}) WHERE t.revokedAt IS NULL
SET t.revokedAt = $revokedAt
RETURN t.name AS name
