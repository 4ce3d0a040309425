// An editor's decision on an open pair, read and written in the decision's transaction:
// no row when the pair is unknown or was decided meanwhile, and the caller rolls back.
MATCH (p:EntityPair {key: $key})
WHERE p.status = 'open'
SET p.status = $status, p.decidedBy = $by, p.decidedAt = $at
RETURN p {.*} AS pair
