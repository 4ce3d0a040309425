// Stores a token's hash, never the token itself.
CREATE (t:ApiToken {name: $name, role: $role, hash: $hash, createdAt: $createdAt})
