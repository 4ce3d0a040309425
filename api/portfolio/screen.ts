// Screens a portfolio: parse every holding first (a bad line stops everything), match each to
// an entity (remembered decisions first, never a silent guess), then for every matched entity
// its subsidiaries and its best complicity path to each abuse and conflict, scored as
// complicityPaths scores. Reads only; decisions are saved separately.
import type { ScoredPath } from '../complicity/pathSearch.ts';
import { presentPaths, type ApiPath } from '../complicity/present.ts';
import type { ComplicityWeights } from '../complicity/weights.ts';
import type { Database } from '../db/database.ts';
import type { ValidationProblem } from '../exchange/dataset.ts';
import type { ClaimFilter } from '../filters/claimFilter.ts';
import { asEntity, type StoredEntity } from '../graph/mapping.ts';
import { parseHoldings, type Holding } from './holdings.ts';
import { buildMatchIndex, holdingKey, matchHolding, type Candidate, type Decision, type MatchResult } from './matching.ts';
import { badInput } from '../errors.ts';
import { excerpt } from '../http/errorExcerpts.ts';
import { portfolioSummary, severityLevel, type HarmReach, type PortfolioSummary, type SeverityLevel } from './severity.ts';
import { exposuresOf, type ExposureOptions } from './exposures.ts';
import { loadCandidates, loadDecisions, subsidiariesOfMany, type Subsidiary } from './store.ts';
import { weightNote, weightShares } from './weightShares.ts';

/** The file had problems: nothing was screened. */
export class HoldingsProblems extends Error {
  override name = 'HoldingsProblems';
  constructor(readonly problems: ValidationProblem[]) {
    super(`The portfolio has ${problems.length} problem${problems.length === 1 ? '' : 's'}; nothing was screened: ${problems.slice(0, 5).map((p) => `${p.item}: ${p.reason}`).join('; ')}${problems.length > 5 ? '; …' : ''}`);
  }
}

export interface ScreenOptions {
  portfolio: string;
  content: string;
  fileName: string;
  filter: ClaimFilter;
  maxHops: number;
  weights: ComplicityWeights;
  /** Choices made for this run only (a reader's review); they win over remembered ones. */
  decisions?: ReadonlyMap<string, Decision>;
  /** Claims a walk may read, for tests of what happens past them (exposures.ts). */
  maxClaims?: ExposureOptions['maxClaims'];
  /** Stops the work between steps (a client gone, a new run): the screening rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Holdings matched, then entities whose exposure is known, out of how many. */
  onProgress?: (done: number, total: number, phase: ScreeningPhase) => void;
}

export type ScreeningPhase = 'matching' | 'exposure';

/** Holdings matched between two reports of progress (and a pause for the event loop). */
const MATCHING_STEP = 250;

export interface EntityExposure {
  severity: number;
  level: SeverityLevel;
  /** Distinct claims on the best paths to every harm it reaches. */
  evidenceCount: number;
  harms: HarmReach[];
  /** The best path to each harm, by harm id, to show on request. */
  paths: ReadonlyMap<string, ScoredPath>;
  bestPath: ApiPath | null;
  subsidiaries: Subsidiary[];
}

export interface ScreenedHolding {
  holding: Holding;
  key: string;
  match: MatchResult;
  entity: StoredEntity | null;
  /** The entities of match.options, in the same order. */
  optionEntities: StoredEntity[];
  exposure: EntityExposure | null;
  /** Why a matched holding's exposure is unknown: the bound it went past. Null otherwise. */
  unscreened: string | null;
  /** Its share of the file's weight, 0..1, and of the whole portfolio when the weight column says it. */
  shareOfFile: number;
  shareOfWhole: number | null;
}

/** What a screening searched with: the reports state it. */
export interface ScreeningSettings {
  maxHops: number;
  filter: ClaimFilter;
  weights: ComplicityWeights;
}

export interface Screening {
  portfolio: string;
  holdings: ScreenedHolding[];
  summary: PortfolioSummary;
  notes: string[];
  needsReview: number;
  claimsVisited: number;
  settings: ScreeningSettings;
}

async function entitiesById(db: Database, ids: string[]): Promise<Map<string, StoredEntity>> {
  if (ids.length === 0) return new Map();
  const [row] = await db.read('complicity/path-details', { claims: [], entityIds: ids });
  return new Map(((row?.entities ?? []) as unknown[]).map(asEntity).map((e) => [e.id, e]));
}

/** A choice given for this run must name a holding of the file and a company or investor of the graph. */
function checkRunDecisions(decisions: ReadonlyMap<string, Decision> | undefined, holdings: readonly Holding[], candidates: readonly Candidate[]): void {
  if (!decisions?.size) return;
  const keys = new Set(holdings.map(holdingKey));
  const ids = new Set(candidates.map((c) => c.id));
  for (const [key, decision] of decisions) {
    if (!keys.has(key)) throw badInput(`decisions: no holding of this file has the key "${excerpt(key, 80)}"; use the holdingKey a screening returns.`, 'decisions');
    if ('entityId' in decision && !ids.has(decision.entityId)) {
      throw badInput(`decisions: "${excerpt(decision.entityId, 80)}" is not a company or investor in the graph.`, 'decisions');
    }
  }
}

export async function screenPortfolio(db: Database, opts: ScreenOptions): Promise<Screening> {
  const parsed = parseHoldings(opts.content, opts.fileName);
  if (!parsed.ok) throw new HoldingsProblems(parsed.problems);
  const candidates = await loadCandidates(db);
  checkRunDecisions(opts.decisions, parsed.holdings, candidates);
  const index = buildMatchIndex(candidates);
  const decisions = new Map([...(await loadDecisions(db, opts.portfolio)), ...(opts.decisions ?? [])]);
  const matched: { holding: Holding; key: string; match: MatchResult }[] = [];
  for (const holding of parsed.holdings) {
    const key = holdingKey(holding);
    matched.push({ holding, key, match: matchHolding(holding, index, decisions.get(key)) });
    if (matched.length % MATCHING_STEP === 0 || matched.length === parsed.holdings.length) {
      opts.onProgress?.(matched.length, parsed.holdings.length, 'matching');
      // Matching is CPU work: let progress reach a waiting client between steps.
      await new Promise((resolve) => setImmediate(resolve));
      opts.signal?.throwIfAborted();
    }
  }
  const partlyWeighted = parsed.holdings.some((h) => h.weight !== null) && parsed.holdings.some((h) => h.weight === null);
  if (partlyWeighted) {
    const missing = parsed.holdings.filter((h) => h.weight === null).map((h) => h.line);
    parsed.notes.push(`no weight on line${missing.length > 1 ? 's' : ''} ${missing.slice(0, 10).join(', ')}${missing.length > 10 ? ', …' : ''}: the summary weighs by ${parsed.holdings.every((h) => h.value !== null) ? 'value' : 'equal weights'} instead`);
  }

  // Each entity once, however many holdings point at it.
  const ids = [...new Set(matched.flatMap((m) => (m.match.entityId ? [m.match.entityId] : [])))];
  // Best path per harm from each (and through its subsidiaries, which ownership walks reach),
  // read batch by batch (exposures.ts); the subsidiaries in one read.
  const walked = await exposuresOf(db, ids, {
    maxHops: opts.maxHops,
    filter: opts.filter,
    weights: opts.weights,
    maxClaims: opts.maxClaims,
    signal: opts.signal,
    onProgress: (done, total) => opts.onProgress?.(done, total, 'exposure'),
  });
  const subsidiaries = await subsidiariesOfMany(db, ids, opts.filter);
  const claimsVisited = walked.claimsVisited;

  // What the results show: the entities, every harm's facts, and each entity's best path.
  const harmIds = [...new Set([...walked.best.values()].flatMap((best) => [...best.keys()]))];
  const optionIds = matched.flatMap((m) => m.match.options.map((o) => o.entityId));
  const entities = await entitiesById(db, [...new Set([...ids, ...harmIds, ...optionIds])]);
  const exposures = new Map<string, EntityExposure>();
  for (const [id, best] of walked.best) {
    const harms: HarmReach[] = [...best].map(([harmId, p]) => {
      const h = entities.get(harmId);
      return {
        id: harmId,
        type: (h?.type ?? 'Abuse') as HarmReach['type'],
        name: h?.name ?? harmId,
        category: typeof h?.category === 'string' ? h.category : null,
        score: p.score,
      };
    });
    harms.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
    const severity = harms[0]?.score ?? 0;
    const evidence = new Set([...best.values()].flatMap((p) => p.edges.map((x) => x.claimId)));
    exposures.set(id, { severity, level: severityLevel(severity), evidenceCount: evidence.size, harms, paths: best, bestPath: null, subsidiaries: subsidiaries.get(id)! });
  }
  // The best path is the first flag's, presented (claims and sources) for all entities in one go.
  const flagged = [...exposures.values()].filter((e) => e.harms.length > 0);
  const shown = await presentPaths(db, flagged.map((e) => e.paths.get(e.harms[0]!.id)!), opts.weights);
  flagged.forEach((e, i) => (e.bestPath = shown[i]!));

  const shares = weightShares(matched.map((m) => m.holding));
  const holdings: ScreenedHolding[] = matched.map((m, i) => ({
    ...m,
    shareOfFile: shares.ofFile[i]!,
    shareOfWhole: shares.ofWhole?.[i] ?? null,
    entity: m.match.entityId ? entities.get(m.match.entityId) ?? null : null,
    optionEntities: m.match.options.map((o) => entities.get(o.entityId) ?? { id: o.entityId, type: 'Company', name: o.name, aliases: [] }),
    exposure: m.match.entityId ? exposures.get(m.match.entityId) ?? null : null,
    unscreened: m.match.entityId ? walked.unscreened.get(m.match.entityId) ?? null : null,
  }));
  const summary = portfolioSummary(
    holdings.map((h) => ({ weight: h.holding.weight, value: h.holding.value, harms: h.exposure?.harms ?? [], unscreened: h.unscreened !== null, match: h.match.status })),
  );
  const note = weightNote(shares);
  if (note) parsed.notes.push(note);
  const unscreenedLines = holdings.filter((h) => h.unscreened !== null).map((h) => h.holding.line);
  if (unscreenedLines.length > 0) {
    parsed.notes.push(
      `exposure unknown for line${unscreenedLines.length > 1 ? 's' : ''} ${unscreenedLines.slice(0, 10).join(', ')}${unscreenedLines.length > 10 ? ', …' : ''}: ` +
        `too large to work out within the search bounds, so not counted as exposed. ${[...new Set(walked.unscreened.values())][0]}`,
    );
  }
  const needsReview = holdings.filter((h) => h.match.status === 'ambiguous' || h.match.status === 'weak').length;
  const settings = { maxHops: opts.maxHops, filter: opts.filter, weights: opts.weights };
  return { portfolio: opts.portfolio, holdings, summary, notes: parsed.notes, needsReview, claimsVisited, settings };
}
