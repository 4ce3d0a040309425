// One hop of a complicity walk. With $outward, the claims a path may take out of the
// $frontier entities; without, the claims that lead into them (a walk back from the
// targets). $outTypes are the relation types that may be walked along a relationship
// stored going out of a frontier entity, $inTypes those stored coming in (checked before
// any property is read, so most irrelevant relationships cost nothing). Then a step must
// be in $steps (relation:F|B:fromType:toType, F when walked as recorded, B when against it;
// see api/complicity/directions.ts) and the claim visible under the filters. At most $limit rows.
UNWIND $frontier AS id
MATCH (n:Entity {id: id})-[r]-(m:Entity)
WHERE CASE WHEN startNode(r) = n THEN type(r) IN $outTypes ELSE type(r) IN $inTypes END AND n <> m
WITH r, CASE WHEN $outward THEN n ELSE m END AS a, CASE WHEN $outward THEN m ELSE n END AS b
WITH r, a, b, CASE WHEN startNode(r) = a THEN 'F' ELSE 'B' END AS dir
WHERE $steps[type(r) + ':' + dir + ':' + a.type + ':' + b.type] AND /*+ claim-visible(r) */
RETURN r.id AS claimId, type(r) AS relation, dir, a.id AS from, a.type AS fromType, b.id AS to,
  b.type AS toType, r.status AS status, r.confidence AS confidence
LIMIT $limit
