// Companies each of $ids owns, directly or through a chain of up to 4 ownership claims that
// pass the filters: the shortest chain to each, and the effective share (the product of the
// known percentages; null when a link's percentage is not known). Nearest first, at most
// $limit per owner. A list, so a screening asks once for a whole batch of holdings.
UNWIND $ids AS ownerId
CALL (ownerId) {
  MATCH p = (h:Entity {id: ownerId})-[:OWNS*1..4]->(s:Company)
  WHERE s <> h
    AND all(r IN relationships(p) WHERE /*+ claim-visible(r) */)
    // an ownership cycle never counts a company twice along one chain
    AND all(i IN range(0, length(p) - 1) WHERE NOT nodes(p)[i] IN nodes(p)[i + 1..])
  WITH s, p ORDER BY length(p) ASC
  WITH s, collect(p)[0] AS p
  RETURN s, p ORDER BY length(p), s.name, s.id LIMIT $limit
}
RETURN ownerId AS owner, s.id AS id, s.name AS name, length(p) AS hops,
  reduce(share = 1.0, r IN relationships(p) | CASE WHEN share IS NULL OR r.percentage IS NULL THEN NULL ELSE share * r.percentage / 100.0 END) AS share,
  [n IN nodes(p) | n.id] AS chain
