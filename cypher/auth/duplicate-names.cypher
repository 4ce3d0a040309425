// Names held by more than one token: only in a database from before names were unique, and
// they stop the api_token_name constraint from being created.
MATCH (t:ApiToken)
WITH t.name AS name, count(*) AS tokens, count(t.revokedAt) AS revoked
WHERE tokens > 1
RETURN name, tokens, revoked
ORDER BY name
