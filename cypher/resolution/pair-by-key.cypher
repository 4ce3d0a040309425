// One pair, whatever its status, with both entities as they stand now (null once merged away).
MATCH (p:EntityPair {key: $key})
OPTIONAL MATCH (a:Entity {id: p.incomingId})
OPTIONAL MATCH (b:Entity {id: p.candidateId})
RETURN p {.*} AS pair, a {.*} AS incoming, b {.*} AS candidate
