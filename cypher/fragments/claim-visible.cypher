// Whether claim r shows under the request's filters: not retracted, one of $statuses (all
// when empty), confidence at least $minConfidence (a claim not assessed counts at its
// status's default, $statusConfidence), and valid on $asOf (a full date) when given,
// comparing partial dates at their own precision.
r.retractedAt IS NULL
AND (size($statuses) = 0 OR r.status IN $statuses)
AND coalesce(r.confidence, $statusConfidence[r.status], 0.0) >= $minConfidence
AND ($asOf IS NULL OR (
  (r.start IS NULL OR r.start <= substring($asOf, 0, size(r.start)))
  AND (r.end IS NULL OR r.end >= substring($asOf, 0, size(r.end)))
))
