MATCH (t:ApiToken {name: $name}) WHERE t.revokedAt IS NULL
RETURN t.name AS name
