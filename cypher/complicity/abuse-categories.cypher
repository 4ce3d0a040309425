// Every abuse category in the graph, for pickers and for naming the known ones in errors.
MATCH (a:Abuse) WHERE a.category IS NOT NULL
RETURN DISTINCT a.category AS category
ORDER BY category
