// Constraints and indexes. Every statement is IF NOT EXISTS, so applying twice changes nothing.
// One unique id across all entities, and one per label (tests check every label of
// api/domain/model.ts has its line here).
CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT source_id IF NOT EXISTS FOR (n:Source) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT company_id IF NOT EXISTS FOR (n:Company) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT investor_id IF NOT EXISTS FOR (n:Investor) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT person_id IF NOT EXISTS FOR (n:Person) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT government_id IF NOT EXISTS FOR (n:Government) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT statebody_id IF NOT EXISTS FOR (n:StateBody) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT armedgroup_id IF NOT EXISTS FOR (n:ArmedGroup) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT infrastructure_id IF NOT EXISTS FOR (n:Infrastructure) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT contract_id IF NOT EXISTS FOR (n:Contract) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT abuse_id IF NOT EXISTS FOR (n:Abuse) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT conflict_id IF NOT EXISTS FOR (n:Conflict) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT country_id IF NOT EXISTS FOR (n:Country) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT population_id IF NOT EXISTS FOR (n:Population) REQUIRE n.id IS UNIQUE;
// One claim per id, for every relationship type (tests check each type of api/domain/model.ts
// has its line): a writer cannot add a claim another has just added.
CREATE CONSTRAINT claim_owns_id IF NOT EXISTS FOR ()-[r:OWNS]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT claim_holds_id IF NOT EXISTS FOR ()-[r:HOLDS]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT claim_operates_id IF NOT EXISTS FOR ()-[r:OPERATES]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT claim_provides_service_to_id IF NOT EXISTS FOR ()-[r:PROVIDES_SERVICE_TO]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT claim_party_to_id IF NOT EXISTS FOR ()-[r:PARTY_TO]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT claim_covers_id IF NOT EXISTS FOR ()-[r:COVERS]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT claim_supplies_id IF NOT EXISTS FOR ()-[r:SUPPLIES]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT claim_located_in_id IF NOT EXISTS FOR ()-[r:LOCATED_IN]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT claim_part_of_id IF NOT EXISTS FOR ()-[r:PART_OF]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT claim_allegedly_used_in_id IF NOT EXISTS FOR ()-[r:ALLEGEDLY_USED_IN]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT claim_listed_as_involved_in_id IF NOT EXISTS FOR ()-[r:LISTED_AS_INVOLVED_IN]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT claim_allegedly_responsible_for_id IF NOT EXISTS FOR ()-[r:ALLEGEDLY_RESPONSIBLE_FOR]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT claim_raises_risk_of_id IF NOT EXISTS FOR ()-[r:RAISES_RISK_OF]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT claim_linked_to_id IF NOT EXISTS FOR ()-[r:LINKED_TO]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT claim_serves_id IF NOT EXISTS FOR ()-[r:SERVES]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT claim_disengaged_from_id IF NOT EXISTS FOR ()-[r:DISENGAGED_FROM]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT claim_sanctioned_by_id IF NOT EXISTS FOR ()-[r:SANCTIONED_BY]-() REQUIRE r.id IS UNIQUE;
// Search: names, aliases (a list of strings) and descriptions of every entity. The analyzer is
// named, not left to the server's default: api/search/indexWords.ts cuts typed text into this
// analyzer's words (Lucene's StandardTokenizer, lower-cased, no stop words).
CREATE FULLTEXT INDEX entity_search IF NOT EXISTS FOR (n:Entity) ON EACH [n.name, n.aliases, n.description] OPTIONS { indexConfig: { `fulltext.analyzer`: 'standard-no-stop-words' } };
// Tokens are looked up by hash on every authenticated request.
CREATE CONSTRAINT api_token_hash IF NOT EXISTS FOR (t:ApiToken) REQUIRE t.hash IS UNIQUE;
// A token name says who wrote what in the audit trail, so it names one token, revoked or not.
CREATE CONSTRAINT api_token_name IF NOT EXISTS FOR (t:ApiToken) REQUIRE t.name IS UNIQUE;
// The audit trail is read per entity or claim id.
CREATE INDEX audit_target IF NOT EXISTS FOR (a:AuditRecord) ON (a.targetId);
// Merged-away entities keep their id, pointing at the survivor.
CREATE CONSTRAINT merged_entity_id IF NOT EXISTS FOR (n:MergedEntity) REQUIRE n.id IS UNIQUE;
// Portfolio screening remembers a person's match decisions per portfolio and holding.
CREATE CONSTRAINT match_decision_key IF NOT EXISTS FOR (d:MatchDecision) REQUIRE d.key IS UNIQUE;
CREATE INDEX match_decision_portfolio IF NOT EXISTS FOR (d:MatchDecision) ON (d.portfolio);
// Saved disengagement scenarios, found by id.
CREATE CONSTRAINT scenario_id IF NOT EXISTS FOR (s:Scenario) REQUIRE s.id IS UNIQUE;
// Every import of an official list is recorded once, listed newest first.
CREATE CONSTRAINT dataset_import_id IF NOT EXISTS FOR (d:DatasetImport) REQUIRE d.id IS UNIQUE;
CREATE INDEX dataset_import_at IF NOT EXISTS FOR (d:DatasetImport) ON (d.importedAt);
// Pairs of entities that may be one, awaiting an editor (or decided, and remembered), by pair key.
CREATE CONSTRAINT entity_pair_key IF NOT EXISTS FOR (p:EntityPair) REQUIRE p.key IS UNIQUE;
