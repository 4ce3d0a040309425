// Every node and relationship with all its properties, in a stable order: two graphs
// are the same when their fingerprints are equal.
CALL () {
  MATCH (n)
  WITH n ORDER BY n.id
  RETURN collect([labels(n), properties(n)]) AS nodes
}
CALL () {
  MATCH (a)-[r]->(b)
  WITH a, r, b ORDER BY r.id, a.id, b.id
  RETURN collect([a.id, type(r), b.id, properties(r)]) AS relationships
}
RETURN nodes, relationships
