// The match decisions remembered for one portfolio.
MATCH (d:MatchDecision {portfolio: $portfolio})
RETURN d.holdingKey AS holdingKey, d.entityId AS entityId, d.rejected AS rejected
