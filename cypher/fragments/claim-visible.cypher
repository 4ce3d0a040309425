// Whether claim r shows under the request's filters: not retracted, one of $statuses (all
// when empty), confidence at least $minConfidence (a claim not assessed counts at its
// status's default, $statusConfidence), dated when $includeUndated is false, and valid on
// $asOf (a full date) when given, comparing partial dates at their own precision.
// A claim's missing start or end is bounded by its two ends' dates when they have them: a
// claim cannot hold before the conflict, abuse, contract or entity it joins began, nor after
// it ended. An undated claim is one with neither date: the reader may leave those out.
r.retractedAt IS NULL
AND (size($statuses) = 0 OR r.status IN $statuses)
AND coalesce(r.confidence, $statusConfidence[r.status], 0.0) >= $minConfidence
AND ($includeUndated OR r.start IS NOT NULL OR r.end IS NOT NULL)
AND ($asOf IS NULL OR (
  CASE WHEN r.start IS NULL
    THEN (startNode(r).start IS NULL OR startNode(r).start <= substring($asOf, 0, size(startNode(r).start)))
     AND (endNode(r).start IS NULL OR endNode(r).start <= substring($asOf, 0, size(endNode(r).start)))
    ELSE r.start <= substring($asOf, 0, size(r.start))
  END
  AND CASE WHEN r.end IS NULL
    THEN (startNode(r).end IS NULL OR startNode(r).end >= substring($asOf, 0, size(startNode(r).end)))
     AND (endNode(r).end IS NULL OR endNode(r).end >= substring($asOf, 0, size(endNode(r).end)))
    ELSE r.end >= substring($asOf, 0, size(r.end))
  END
))
