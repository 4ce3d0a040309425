// What resolving a list's companies needs from the graph: the stored companies and investors
// with all their fields, the ids merged away with their survivors, and editors' decisions on pairs.
CALL () {
  MATCH (n:Entity) WHERE n:Company OR n:Investor
  RETURN collect(n {.*}) AS stored
}
CALL () {
  MATCH (m:MergedEntity)
  RETURN collect([m.id, m.mergedInto]) AS merged
}
CALL () {
  MATCH (p:EntityPair) WHERE p.status IN ['same', 'different']
  RETURN collect([p.key, p.status]) AS decisions
}
RETURN stored, merged, decisions
