// Other infrastructure of the same $kind that is in $country or serves one of $customers
// (state bodies, governments), not one of $exclude; with the operators of each. Substitution
// risk: who could take over the service a withdrawal stops. Claims must pass the filters.
MATCH (alt:Infrastructure {kind: $kind})
WHERE NOT alt.id IN $exclude
OPTIONAL MATCH (alt)-[s:PROVIDES_SERVICE_TO]->(c:Entity)
WHERE c.id IN $customers AND /*+ claim-visible(s) */
WITH alt, collect(DISTINCT c.id) AS served
WHERE ($country IS NOT NULL AND alt.country = $country) OR size(served) > 0
OPTIONAL MATCH (op:Entity)-[o:OPERATES]->(alt)
WHERE /*+ claim-visible(o) */
WITH alt, served, collect(DISTINCT op {.id, .type, .name}) AS operators
RETURN alt {.id, .type, .name, .country, .kind} AS infrastructure, served, operators
ORDER BY alt.name
LIMIT $limit
