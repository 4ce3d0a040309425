// Sources by id.
MATCH (s:Source) WHERE s.id IN $ids
RETURN s {.*} AS source
