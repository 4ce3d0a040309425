// Sizes of the graph, for reports and tests.
CALL () { MATCH (n:Entity) RETURN count(n) AS entities }
CALL () { MATCH (s:Source) RETURN count(s) AS sources }
CALL () { MATCH (:Entity)-[r]->(:Entity) RETURN count(r) AS claims }
RETURN entities, sources, claims
