// Remembers (or replaces) a person's decision for a holding of a portfolio: an entity, or
// "none of these". Decisions never touch claims.
MERGE (d:MatchDecision {key: $key})
SET d.portfolio = $portfolio, d.holdingKey = $holdingKey, d.entityId = $entityId,
    d.rejected = $rejected, d.decidedBy = $by, d.decidedAt = $at
RETURN d.key AS key
