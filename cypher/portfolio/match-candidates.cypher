// Everything a holding can be matched to: companies and investors with their names, aliases
// and identifiers.
MATCH (n:Entity)
WHERE n:Company OR n:Investor
RETURN n.id AS id, n.name AS name, labels(n) AS labels, coalesce(n.aliases, []) AS aliases,
       n.isin AS isin, n.lei AS lei, n.ticker AS ticker
