// Runs one disengagement scenario: read the world around the company, apply the withdrawal
// (simulate.ts), walk the complicity paths of the company, its investors and (in a sale) the
// buyer before and after, and gather the people who lose a service and the substitution risks.
// Reads only; nothing is written.
import { countryLabel, statusWords } from '../domain/words.ts';
import { tooSlow } from '../complicity/bounds.ts';
import { walkToHarms } from '../complicity/graphWalk.ts';
import { presentPaths } from '../complicity/present.ts';
import type { ScoredPath } from '../complicity/pathSearch.ts';
import type { WalkEdge } from '../complicity/score.ts';
import type { ComplicityWeights } from '../complicity/weights.ts';
import { cypherInt, type Database } from '../db/database.ts';
import type { ClaimFilter } from '../filters/claimFilter.ts';
import { claimFilterParams } from '../filters/claimFilter.ts';
import { asEntity, withSources, type ApiClaim, type StoredClaim, type StoredEntity } from '../graph/mapping.ts';
import { sourcesByIds } from '../sources/resolvers.ts';
import { SIMULATED_PREFIX, STATE_TYPES, type Buyer, type Effect, type Facts, type LocalClaim, type Mode, type Scope, type World } from './model.ts';
import { classifyPaths, forwardEdge, type Subject, type SubjectPath } from './outcome.ts';
import { responsibleFor, simulate } from './simulate.ts';
import { scenarioSummary } from './summary.ts';
import { loadWorld, ringReader, type RingReader } from './world.ts';

/** Wall time of one scenario's walks and searches together; past it, LIMIT_EXCEEDED. */
export const SCENARIO_TIMEOUT_MS = 20_000;
/** Investors, and the buyer's owners, whose paths a scenario follows. */
const MAX_RELATED_SUBJECTS = 20;
/** Ownership levels followed up from a buyer. */
const BUYER_OWNER_DEPTH = 3;

export interface ScenarioRequest {
  company: StoredEntity;
  mode: Mode;
  scope: Scope;
  /** An entity of the graph, or a hypothetical buyer made from a name. */
  buyer: (Buyer & { entity: StoredEntity }) | null;
  filter: ClaimFilter;
  maxHops: number;
  weights: ComplicityWeights;
}

const cmpText = (a: string | null | undefined, b: string) => (a ?? '') >= b.slice(0, (a ?? '').length);

/** A claim not ended before `asOf`: the buyer's side counts claims recorded from the sale on. */
function notEndedBefore(claim: LocalClaim, asOf: string | null): boolean {
  return asOf === null || claim.end == null || cmpText(claim.end, asOf);
}

/** The buyer's owners, up ownership chains, by claims not ended before asOf (they may start later). */
async function buyerSide(db: Database, req: ScenarioRequest, world: World) {
  const buyer = req.buyer!;
  if (buyer.hypothetical) return { owners: [] as string[], claims: [] as LocalClaim[], reader: null };
  // Without asOf: a buyer is often put together for the deal (its owners recorded from the day
  // it closed), so claims that start after asOf still describe the buyer the company sells to.
  const reader = ringReader(db, claimFilterParams({ ...req.filter, asOf: null }), world);
  const owners = new Set<string>();
  const claims: LocalClaim[] = [];
  let frontier = [buyer.facts.id];
  for (let depth = 0; depth < BUYER_OWNER_DEPTH && frontier.length > 0; depth++) {
    const found = (await reader.ring(frontier, ['OWNS', 'HOLDS'])).filter((c) => frontier.includes(c.to) && notEndedBefore(c, req.filter.asOf));
    claims.push(...found);
    frontier = [...new Set(found.map((c) => c.from))].filter((id) => !owners.has(id) && id !== buyer.facts.id && !world.group.has(id));
    frontier.forEach((id) => owners.add(id));
  }
  return { owners: [...owners], claims, reader };
}

/** Claims and entities by id, with sources, for the response. */
async function loadClaims(db: Database, claims: readonly LocalClaim[]): Promise<Map<string, ApiClaim>> {
  if (claims.length === 0) return new Map();
  const [row] = await db.read('complicity/path-details', { claims: claims.map((c) => ({ id: c.id, from: c.from, to: c.to })), entityIds: [] });
  const stored = (row?.claims ?? []) as StoredClaim[];
  const sources = await sourcesByIds(db, stored.flatMap((c) => c.sourceIds));
  return new Map(withSources(stored, sources).map((c) => [c.id, c]));
}

async function loadEntities(db: Database, ids: readonly string[]): Promise<Map<string, StoredEntity>> {
  if (ids.length === 0) return new Map();
  const [row] = await db.read('complicity/path-details', { claims: [], entityIds: [...new Set(ids)] });
  return new Map(((row?.entities ?? []) as unknown[]).map(asEntity).map((e) => [e.id, e]));
}

/** A simulated claim as the API shows it: no sources, a summary that says it is simulated. */
function simulatedClaim(c: LocalClaim, name: (id: string) => string): ApiClaim {
  return {
    id: c.id,
    type: c.type,
    from: c.from,
    to: c.to,
    status: c.status,
    ...(c.confidence != null ? { confidence: c.confidence } : {}),
    ...(c.percentage != null ? { percentage: c.percentage } : {}),
    summary: `Simulated by the scenario: ${name(c.from)} ${c.type.toLowerCase().replace(/_/g, ' ')} ${name(c.to)}. Not a claim of the graph.`,
    sourceIds: [],
    sources: [],
  };
}

function describeScope(scope: Scope, name: (id: string) => string, company: string): string {
  if (scope.all) return `all of ${company}'s operations`;
  const parts = [
    ...scope.countries.map((c) => `${company}'s operations in ${countryLabel(c)}`),
    ...[...scope.contracts, ...scope.infrastructure].map(name),
    ...scope.stateBodies.map((id) => `${company}'s services to ${name(id)}`),
  ];
  return parts.join(', ');
}

export async function runScenario(db: Database, req: ScenarioRequest) {
  const filter = claimFilterParams(req.filter);
  const { world, reader } = await loadWorld(db, req.company, filter);
  if (req.buyer) world.entities.set(req.buyer.facts.id, req.buyer.facts);
  const effect = simulate(world, req.scope, req.mode, req.buyer);
  const facts = (id: string): Facts | undefined => world.entities.get(id);
  const name = (id: string) => facts(id)?.name ?? id;

  const investors = [...world.claims.values()]
    .filter((c) => (c.type === 'HOLDS' || c.type === 'OWNS') && c.to === req.company.id && !world.group.has(c.from))
    .map((c) => c.from);
  const subjects: Subject[] = [
    { id: req.company.id, role: 'COMPANY' },
    ...[...new Set(investors)].slice(0, MAX_RELATED_SUBJECTS).map((id) => ({ id, role: 'INVESTOR' as const })),
  ];
  let buyerClaims: LocalClaim[] = [];
  let buyerReader: RingReader | null = null;
  if (req.mode === 'sale' && req.buyer) {
    const side = await buyerSide(db, req, world);
    buyerClaims = side.claims;
    buyerReader = side.reader;
    subjects.push({ id: req.buyer.facts.id, role: 'BUYER' });
    subjects.push(...side.owners.slice(0, MAX_RELATED_SUBJECTS).map((id) => ({ id, role: 'BUYER_OWNER' as const })));
  }

  // The graph before: every claim on a path from a subject to a harm, as it stands now.
  // One time bound for the whole scenario: every walk gets what is left of it.
  const deadline = Date.now() + SCENARIO_TIMEOUT_MS;
  const timeLeft = () => {
    const left = deadline - Date.now();
    if (left <= 0) throw tooSlow(SCENARIO_TIMEOUT_MS);
    return left;
  };
  // All subjects walk together: one read per hop, holding every claim each of them needs.
  const walked = subjects.filter((s) => !(req.buyer?.hypothetical && s.id === req.buyer.facts.id)).map((s) => s.id);
  const result = await walkToHarms(db, walked, { maxHops: req.maxHops, filter, timeoutMs: timeLeft() });
  const claimsVisited = result.claimsVisited;
  const before = new Map<string, WalkEdge>();
  for (const e of result.edges) before.set(`${e.claimId}|${e.direction}`, e);
  const added = [...effect.added, ...buyerClaims].map((c) => forwardEdge(c, facts));
  const outcome = classifyPaths(subjects, [...before.values()], effect, added, { maxHops: req.maxHops, weights: req.weights, checkTime: timeLeft });

  const populations = await populationLosses(db, world, effect);
  const risks = await substitutionRisks(db, req, world, effect, outcome.cut, buyerClaims, buyerReader);

  // What the response shows: claims with their sources, simulated claims made up here.
  const simulated = [...effect.added].map((c) => simulatedClaim(c, name));
  const removedClaims = await loadClaims(db, [...effect.removed.keys()].map((id) => world.claims.get(id)!));
  const extraEntities = req.buyer?.hypothetical ? [req.buyer.entity] : [];
  const present = async (list: SubjectPath[]) => {
    const shown = await presentPaths(db, list.map((p) => p.path), req.weights, { claims: simulated, entities: extraEntities });
    const subjectsById = await loadEntities(db, list.map((p) => p.subject.id).filter((id) => !extraEntities.some((e) => e.id === id)));
    for (const e of extraEntities) subjectsById.set(e.id, e);
    return list.map((p, i) => ({ subject: subjectsById.get(p.subject.id)!, role: p.subject.role, path: shown[i]! }));
  };
  const entitiesById = await loadEntities(db, [...effect.sold, ...effect.stopped]);
  const summary = scenarioSummary({
    company: req.company.name,
    mode: req.mode,
    scope: describeScope(req.scope, name, req.company.name),
    buyer: req.buyer?.facts.name ?? null,
    outcome,
    populations: populations.map((p) => ({ name: p.population.name, size: p.size })),
    risks: risks.map((r) => ({ kind: r.kind, text: r.explanation })),
  });
  return {
    company: req.company,
    mode: req.mode,
    scope: req.scope,
    buyer: req.buyer?.entity ?? null,
    asOf: req.filter.asOf,
    summary,
    removedClaims: [...effect.removed].map(([id, reason]) => ({ claim: removedClaims.get(id)!, reason })),
    simulatedClaims: simulated.map((claim) => ({ claim, reason: `Simulated: ${name(claim.from)} takes over from ${name(world.claims.get(claim.id.slice(SIMULATED_PREFIX.length))?.from ?? '')}` })),
    sold: effect.sold.map((id) => entitiesById.get(id)!).filter(Boolean),
    stoppedInfrastructure: effect.stopped.map((id) => entitiesById.get(id)!).filter(Boolean),
    cutPaths: await present(outcome.cut),
    remainingPaths: await present(outcome.remaining),
    createdPaths: await present(outcome.created),
    populations,
    peopleLosingService: populations.reduce((sum, p) => sum + (p.size ?? 0), 0),
    substitutionRisks: risks,
    claimsRead: reader.claimsRead + (buyerReader?.claimsRead ?? 0) + claimsVisited,
  };
}

/** Populations whose service ends, with their sizes; one entry per population. */
async function populationLosses(db: Database, world: World, effect: Effect) {
  const byPopulation = new Map<string, { infrastructure: string; claim: string }>();
  for (const l of effect.lostServices) if (!byPopulation.has(l.population)) byPopulation.set(l.population, l);
  const entities = await loadEntities(db, [...byPopulation.keys(), ...[...byPopulation.values()].map((l) => l.infrastructure)]);
  const claims = await loadClaims(db, [...byPopulation.values()].map((l) => world.claims.get(l.claim)!));
  return [...byPopulation].map(([id, l]) => {
    const population = entities.get(id)!;
    return {
      population,
      size: typeof population.size === 'number' ? population.size : world.entities.get(id)?.size ?? null,
      infrastructure: entities.get(l.infrastructure)!,
      claim: claims.get(l.claim)!,
    };
  });
}

/** A tie between a buyer-side entity and an abuser, in words, read from the buyer's side. */
function tieWords(type: string, buyerSideFirst: boolean): string {
  const words: Record<string, [string, string]> = {
    LINKED_TO: ['linked to', 'linked to'],
    OWNS: ['an owner of', 'owned by'],
    HOLDS: ['a shareholder of', 'held by'],
    PROVIDES_SERVICE_TO: ['a service provider to', 'served by'],
    SUPPLIES: ['a supplier of', 'supplied by'],
    PART_OF: ['part of', 'the whole of'],
  };
  const pair = words[type] ?? [type.toLowerCase(), type.toLowerCase()];
  return buyerSideFirst ? pair[0] : pair[1];
}

interface Risk {
  kind: 'OTHER_PROVIDER' | 'BUYER_TIES';
  entity: StoredEntity;
  explanation: string;
  claim: ApiClaim | null;
}

/** Who could take over: other providers of the stopped systems, and a buyer's ties to the abusers. */
async function substitutionRisks(
  db: Database,
  req: ScenarioRequest,
  world: World,
  effect: Effect,
  cut: SubjectPath[],
  buyerClaims: LocalClaim[],
  buyerReader: RingReader | null,
): Promise<Risk[]> {
  const name = (id: string) => world.entities.get(id)?.name ?? id;
  const risks: Risk[] = [];
  const filter = claimFilterParams(req.filter);
  const groupInfra = [...world.entities.values()].filter((e) => e.type === 'Infrastructure').map((e) => e.id);
  for (const id of effect.stopped) {
    const infra = world.entities.get(id);
    if (!infra?.kind) continue;
    const customers = [...world.claims.values()].filter((c) => c.from === id && STATE_TYPES.has(world.entities.get(c.to)?.type ?? '')).map((c) => c.to);
    const rows = await db.read('disengagement/alternatives', {
      kind: infra.kind,
      country: infra.country ?? null,
      customers: [...new Set([...customers, ...req.scope.stateBodies])],
      exclude: groupInfra,
      limit: cypherInt(20),
      ...filter,
    });
    for (const r of rows) {
      const alt = asEntity(r.infrastructure);
      const operators = (r.operators as { name: string }[]).map((o) => o.name);
      const served = (r.served as string[]).map(name);
      risks.push({
        kind: 'OTHER_PROVIDER',
        entity: alt,
        explanation: `${alt.name} (${infra.kind}${operators.length ? `, run by ${operators.join(', ')}` : ''}) ${served.length ? `also serves ${served.join(', ')}` : `is in ${infra.country ? countryLabel(infra.country) : 'the same country'}`} and could take over from ${infra.name}`,
        claim: null,
      });
    }
  }
  if (req.mode !== 'sale' || !req.buyer || req.buyer.hypothetical) return risks;

  // The abusers: actors alleged responsible for the harms the company's cut paths reach.
  const harms = [...new Set(cut.map((p) => p.path.edges[p.path.edges.length - 1]!.to))];
  const reader = buyerReader ?? ringReader(db, filter, world);
  const missing = harms.filter((h) => ![...world.claims.values()].some((c) => c.to === h && c.type === 'ALLEGEDLY_RESPONSIBLE_FOR'));
  const found = await reader.ring(missing, ['ALLEGEDLY_RESPONSIBLE_FOR']);
  await reader.ring([...new Set(found.map((c) => c.from))], ['PART_OF']);
  const abusers = new Map<string, string>();
  for (const h of harms) for (const a of responsibleFor(world, h)) if (!abusers.has(a)) abusers.set(a, h);
  if (abusers.size === 0) return risks;
  const buyerId = req.buyer.facts.id;
  const ownerOf = new Map(buyerClaims.map((c) => [c.from, c.to]));
  const buyerGroup = [buyerId, ...ownerOf.keys()];
  const ties = (await reader.ring(buyerGroup, ['LINKED_TO', 'OWNS', 'HOLDS', 'PROVIDES_SERVICE_TO', 'SUPPLIES', 'PART_OF'])).filter(
    (c) => (buyerGroup.includes(c.from) && abusers.has(c.to)) || (buyerGroup.includes(c.to) && abusers.has(c.from)),
  );
  const claims = await loadClaims(db, ties);
  const entities = await loadEntities(db, ties.flatMap((c) => [c.from, c.to]));
  for (const tie of ties) {
    const member = buyerGroup.includes(tie.from) ? tie.from : tie.to;
    const abuser = member === tie.from ? tie.to : tie.from;
    const role = member === buyerId ? `the buyer, ${name(member)},` : `${name(member)}, which owns ${name(ownerOf.get(member) ?? buyerId)},`;
    const claim = claims.get(tie.id)!;
    risks.push({
      kind: 'BUYER_TIES',
      entity: entities.get(member)!,
      explanation: `${role} is ${tieWords(tie.type, member === tie.from)} ${name(abuser)} (${statusWords(tie.status)}), which is allegedly responsible for ${name(abusers.get(abuser)!)}`,
      claim,
    });
  }
  return risks;
}
