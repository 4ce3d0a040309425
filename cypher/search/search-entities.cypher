// Full-text search over entity names, aliases and descriptions, optionally by type.
// $query is built by api/search/luceneQuery.ts from the index's own words, every Lucene
// operator escaped.
CALL db.index.fulltext.queryNodes('entity_search', $query) YIELD node, score
WHERE size($types) = 0 OR node.type IN $types
RETURN node {.*} AS entity, score
ORDER BY score DESC, entity.name
LIMIT $limit
