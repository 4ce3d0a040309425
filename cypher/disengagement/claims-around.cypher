// The claims that touch any of the $ids entities, in either direction, of the $types relation
// types (every type when empty; types come from the allow-list in api/domain/model.ts), that
// pass the filters; with both ends' facts a scenario needs (type, name, country, kind, size).
// At most $limit rows: a scenario that reads more fails with a bound error.
UNWIND $ids AS id
MATCH (n:Entity {id: id})-[r]-(m:Entity)
WHERE (size($types) = 0 OR type(r) IN $types) AND /*+ claim-visible(r) */
WITH DISTINCT r, startNode(r) AS a, endNode(r) AS b
RETURN r.id AS id, type(r) AS type, a.id AS from, b.id AS to, r.status AS status,
  r.confidence AS confidence, r.percentage AS percentage, r.start AS start, r.end AS end,
  a {.id, .type, .name, .country, .kind, .size} AS fromEntity,
  b {.id, .type, .name, .country, .kind, .size} AS toEntity
LIMIT $limit
