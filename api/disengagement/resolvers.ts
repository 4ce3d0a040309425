// disengagement, its options, and saved scenarios: every argument checked at the edge (unknown
// ids, wrong entity types, scopes the company has no link to), then run.ts does the work.
import { randomUUID } from 'node:crypto';
import { requireEditor } from '../auth/viewer.ts';
import { cypherInt } from '../db/database.ts';
import { BoundExceeded, boundError, COMPLICITY_BOUNDS } from '../complicity/bounds.ts';
import { resolveWeights } from '../complicity/weights.ts';
import type { ApiContext } from '../context.ts';
import type { ClaimStatus } from '../domain/model.ts';
import { entityById } from '../entity/resolvers.ts';
import { badInput, intInRange, notFound } from '../errors.ts';
import { claimFilter, claimFilterParams } from '../filters/claimFilter.ts';
import type { StoredEntity } from '../graph/mapping.ts';
import { compareOutcomes } from './compare.ts';
import { MODES, type Mode, type Scope } from './model.ts';
import { runScenario, type ScenarioRequest } from './run.ts';
import { footprint, ScopeProblem } from './simulate.ts';
import { loadWorld } from './world.ts';

interface ScopeArgs {
  all?: boolean | null;
  countries?: string[] | null;
  contracts?: string[] | null;
  infrastructure?: string[] | null;
  stateBodies?: string[] | null;
}

export interface DisengagementArgs {
  companyId: string;
  scope: ScopeArgs;
  mode: Mode;
  buyerId?: string | null;
  buyerName?: string | null;
  asOf?: string | null;
  statuses?: ClaimStatus[] | null;
  minConfidence?: number | null;
  includeUndated?: boolean | null;
  maxHops?: number | null;
}

/** The id a buyer named only by name gets: it never collides with a stored entity's id. */
export const HYPOTHETICAL_BUYER_ID = 'scenario:buyer';
const MAX_SCOPE_IDS = 200;

async function company(ctx: ApiContext, id: string): Promise<StoredEntity> {
  const entity = await entityById(ctx, id);
  if (entity.type !== 'Company') throw badInput(`companyId must name a company; "${id}" is a ${entity.type} (${entity.name}).`, 'companyId');
  return entity;
}

/** Checks each id of a scope list exists and has the type the list is for; returns the stored ids. */
async function scopeIds(ctx: ApiContext, ids: string[] | null | undefined, field: string, types: string[]): Promise<string[]> {
  const list = ids ?? [];
  if (list.length > MAX_SCOPE_IDS) throw badInput(`scope.${field} names ${list.length} entities; at most ${MAX_SCOPE_IDS}.`, `scope.${field}`);
  const out: string[] = [];
  for (const id of list) {
    let entity: StoredEntity;
    try {
      entity = await entityById(ctx, id);
    } catch {
      throw notFound(`scope.${field}: no entity has the id "${id}".`);
    }
    if (!types.includes(entity.type)) {
      throw badInput(`scope.${field} takes ${types.join(' or ')} ids; "${id}" is a ${entity.type} (${entity.name}).`, `scope.${field}`);
    }
    out.push(entity.id);
  }
  return [...new Set(out)];
}

async function parseScope(ctx: ApiContext, scope: ScopeArgs): Promise<Scope> {
  const countries = (scope.countries ?? []).map((c) => c.trim().toUpperCase());
  for (const c of countries) if (!/^[A-Z]{2}$/.test(c)) throw badInput(`scope.countries takes two-letter ISO codes such as MM; got "${c}".`, 'scope.countries');
  return {
    all: scope.all ?? false,
    countries: [...new Set(countries)],
    contracts: await scopeIds(ctx, scope.contracts, 'contracts', ['Contract']),
    infrastructure: await scopeIds(ctx, scope.infrastructure, 'infrastructure', ['Infrastructure']),
    stateBodies: await scopeIds(ctx, scope.stateBodies, 'stateBodies', ['StateBody', 'Government']),
  };
}

async function parseBuyer(ctx: ApiContext, args: DisengagementArgs, from: StoredEntity): Promise<ScenarioRequest['buyer']> {
  const id = args.buyerId ?? null;
  const name = args.buyerName?.trim() || null;
  if (args.mode !== 'sale') {
    if (id !== null || name !== null) throw badInput(`buyerId and buyerName are for mode SALE; this scenario is ${args.mode.toUpperCase()}.`, id ? 'buyerId' : 'buyerName');
    return null;
  }
  if ((id === null) === (name === null)) throw badInput('A sale needs exactly one of buyerId (an entity in the graph) or buyerName (a buyer not in it).', 'buyerId');
  if (name !== null) {
    if (name.length > 200) throw badInput('buyerName is longer than 200 characters.', 'buyerName');
    const entity: StoredEntity = { id: HYPOTHETICAL_BUYER_ID, type: 'Company', name, aliases: [] };
    return { entity, facts: { id: entity.id, type: 'Company', name }, hypothetical: true };
  }
  let entity: StoredEntity;
  try {
    entity = await entityById(ctx, id!);
  } catch {
    throw notFound(`buyerId: no entity has the id "${id}".`);
  }
  if (entity.id === from.id) throw badInput('The buyer cannot be the company that sells.', 'buyerId');
  if (['Abuse', 'Conflict', 'Country', 'Population', 'Contract', 'Infrastructure'].includes(entity.type)) {
    throw badInput(`buyerId must name an actor that can own a company; "${entity.id}" is a ${entity.type}.`, 'buyerId');
  }
  return { entity, facts: { id: entity.id, type: entity.type, name: entity.name, country: (entity.country as string) ?? null }, hypothetical: false };
}

export async function scenarioRequest(ctx: ApiContext, args: DisengagementArgs): Promise<ScenarioRequest> {
  if (!MODES.includes(args.mode)) throw badInput(`mode must be one of ${MODES.join(', ')}.`, 'mode');
  const filter = claimFilter(args);
  const maxHops = intInRange('maxHops', args.maxHops ?? 5, 1, COMPLICITY_BOUNDS.maxHops);
  const from = await company(ctx, args.companyId);
  const scope = await parseScope(ctx, args.scope ?? {});
  const buyer = await parseBuyer(ctx, args, from);
  return { company: from, mode: args.mode, scope, buyer, filter, maxHops, weights: resolveWeights(null) };
}

/** Scope and bound problems as GraphQL errors naming what was wrong. */
async function checked<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof ScopeProblem) throw badInput(error.message, error.argument);
    if (error instanceof BoundExceeded) throw boundError(error);
    throw error;
  }
}

export async function disengagement(ctx: ApiContext, args: DisengagementArgs) {
  return checked(async () => runScenario(ctx.db, await scenarioRequest(ctx, args)));
}

interface StoredScenario {
  id: string;
  name: string;
  companyId: string;
  input: string;
  createdBy: string;
  createdAt: string;
}

function present(s: StoredScenario) {
  const input = JSON.parse(s.input) as DisengagementArgs;
  return {
    id: s.id,
    name: s.name,
    createdBy: s.createdBy,
    createdAt: s.createdAt,
    input: {
      ...input,
      scope: { all: false, countries: [], contracts: [], infrastructure: [], stateBodies: [], ...input.scope },
      statuses: input.statuses ?? [],
      includeUndated: input.includeUndated ?? true,
      maxHops: input.maxHops ?? 5,
    },
  };
}

type PresentedScenario = ReturnType<typeof present>;

async function scenarioById(ctx: ApiContext, id: string): Promise<PresentedScenario> {
  const [row] = await ctx.db.read('disengagement/scenario', { id });
  if (!row) throw notFound(`No saved scenario has the id "${id}".`);
  return present(row.scenario as StoredScenario);
}

export const disengagementResolvers = {
  DisengagementMode: { SHUTDOWN: 'shutdown', SALE: 'sale', SUSPEND: 'suspend' },
  Scenario: {
    result: (s: PresentedScenario, _: unknown, ctx: ApiContext) => disengagement(ctx, s.input),
  },
  Query: {
    disengagement: (_: unknown, args: DisengagementArgs, ctx: ApiContext) => disengagement(ctx, args),

    async disengagementOptions(_: unknown, args: { companyId: string } & Pick<DisengagementArgs, 'asOf' | 'statuses' | 'minConfidence' | 'includeUndated'>, ctx: ApiContext) {
      const filter = claimFilter(args);
      const from = await company(ctx, args.companyId);
      const { world } = await checked(() => loadWorld(ctx.db, from, claimFilterParams(filter)));
      const fp = footprint(world);
      const entity = (id: string) => {
        const f = world.entities.get(id)!;
        return { ...f, aliases: [] };
      };
      return {
        company: from,
        subsidiaries: fp.subsidiaries.map(entity),
        infrastructure: fp.infrastructure.map(entity),
        contracts: fp.contracts.map(entity),
        stateBodies: fp.stateBodies.map(entity),
        countries: fp.countries,
      };
    },

    async scenarios(_: unknown, args: { companyId?: string | null; limit: number }, ctx: ApiContext) {
      const limit = intInRange('limit', args.limit, 1, 500);
      const rows = await ctx.db.read('disengagement/scenarios', { companyId: args.companyId ?? null, limit: cypherInt(limit) });
      return rows.map((r) => present(r.scenario as StoredScenario));
    },

    scenario: (_: unknown, args: { id: string }, ctx: ApiContext) => scenarioById(ctx, args.id),

    async compareScenarios(_: unknown, args: { a: string; b: string }, ctx: ApiContext) {
      const [a, b] = [await scenarioById(ctx, args.a), await scenarioById(ctx, args.b)];
      const [resultA, resultB] = [await disengagement(ctx, a.input), await disengagement(ctx, b.input)];
      return { a, b, resultA, resultB, ...compareOutcomes({ name: a.name, result: resultA }, { name: b.name, result: resultB }) };
    },
  },
  Mutation: {
    async saveScenario(_: unknown, args: { name: string; input: DisengagementArgs }, ctx: ApiContext) {
      const by = requireEditor(ctx);
      const name = args.name.trim();
      if (name.length === 0 || name.length > 200) throw badInput('name must be 1 to 200 characters.', 'name');
      // Run it once: a scenario that cannot run is not saved.
      const request = await checked(async () => {
        const req = await scenarioRequest(ctx, args.input);
        await runScenario(ctx.db, req);
        return req;
      });
      const input: DisengagementArgs = { ...args.input, companyId: request.company.id, scope: request.scope };
      const [row] = await ctx.db.write('disengagement/save-scenario', {
        id: `scn-${randomUUID()}`,
        name,
        companyId: request.company.id,
        input: JSON.stringify(input),
        by,
        at: new Date().toISOString(),
      });
      return present(row!.scenario as StoredScenario);
    },

    async deleteScenario(_: unknown, args: { id: string }, ctx: ApiContext) {
      requireEditor(ctx);
      const [row] = await ctx.db.write('disengagement/delete-scenario', { id: args.id });
      if (Number(row?.deleted ?? 0) === 0) throw notFound(`No saved scenario has the id "${args.id}".`);
      return true;
    },
  },
};
