// Pairs by status (open first in the queue), each with both entities as they stand now
// (either may have been merged or edited since the pair was queued).
MATCH (p:EntityPair) WHERE p.status IN $statuses
OPTIONAL MATCH (a:Entity {id: p.incomingId})
OPTIONAL MATCH (b:Entity {id: p.candidateId})
// An open pair one of whose entities was merged away since is moot, not for review.
WITH p, a, b WHERE p.status <> 'open' OR (a IS NOT NULL AND b IS NOT NULL)
RETURN p {.*} AS pair, a {.*} AS incoming, b {.*} AS candidate
ORDER BY p.score DESC, p.key
LIMIT $limit
