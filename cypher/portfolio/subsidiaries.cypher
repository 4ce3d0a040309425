// Companies a holding owns, directly or through a chain of up to 4 ownership claims that pass
// the filters, with the chain and the effective share (the product of the known
// percentages; null when a link's percentage is not known). Nearest first.
MATCH p = (h:Entity {id: $id})-[:OWNS*1..4]->(s:Company)
WHERE s <> h
  AND all(r IN relationships(p) WHERE /*+ claim-visible(r) */)
  // an ownership cycle never counts a company twice along one chain
  AND all(i IN range(0, length(p) - 1) WHERE NOT nodes(p)[i] IN nodes(p)[i + 1..])
WITH s, p, length(p) AS hops,
     reduce(share = 1.0, r IN relationships(p) | CASE WHEN share IS NULL OR r.percentage IS NULL THEN NULL ELSE share * r.percentage / 100.0 END) AS share
ORDER BY hops ASC
WITH s, collect({hops: hops, share: share, chain: [n IN nodes(p) | n.id]})[0] AS best
RETURN s.id AS id, s.name AS name, best.hops AS hops, best.share AS share, best.chain AS chain
ORDER BY hops, name
LIMIT $limit
