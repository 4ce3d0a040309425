// Stores a token's hash, never the token itself. The api_token_name constraint refuses a name
// another write has just taken.
CREATE (t:ApiToken {name: $name, role: $role, hash: $hash, createdAt: $createdAt})
