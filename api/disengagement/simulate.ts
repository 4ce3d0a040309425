// The rules of a withdrawal, as pure functions over the graph around the company (World):
// which claims end, which a sale creates, which infrastructure stops and which people lose a
// service. The README ("Disengagement scenarios") states the same rules in words.
import type { RelationType } from '../domain/model.ts';
import {
  SIMULATED_PREFIX,
  STATE_TYPES,
  type Buyer,
  type Effect,
  type Facts,
  type LocalClaim,
  type Mode,
  type Scope,
  type World,
} from './model.ts';

/** A scope the company cannot withdraw from; the resolver names the argument. */
export class ScopeProblem extends Error {
  override name = 'ScopeProblem';
  constructor(
    message: string,
    readonly argument: string,
  ) {
    super(message);
  }
}

/** What a group member does: running, owning or supplying a system, serving a body, a contract. */
const OPERATION_TYPES: ReadonlySet<RelationType> = new Set(['OPERATES', 'OWNS', 'SUPPLIES', 'PROVIDES_SERVICE_TO', 'PARTY_TO']);
/** What running infrastructure does, and stops doing when it stops. */
const SERVICE_TYPES: ReadonlySet<RelationType> = new Set(['PROVIDES_SERVICE_TO', 'SERVES', 'SUPPLIES']);
const USE_TYPES: ReadonlySet<RelationType> = new Set(['ALLEGEDLY_USED_IN', 'RAISES_RISK_OF']);
/** Ways of running infrastructure: an operator, an owner. */
const RUNS_TYPES: ReadonlySet<RelationType> = new Set(['OPERATES', 'OWNS']);

/** Read-only queries over a World. */
class View {
  constructor(readonly world: World) {}
  facts(id: string): Facts | undefined {
    return this.world.entities.get(id);
  }
  type(id: string): string {
    return this.facts(id)?.type ?? '';
  }
  out(id: string, types?: ReadonlySet<RelationType>): LocalClaim[] {
    return [...this.world.claims.values()].filter((c) => c.from === id && (!types || types.has(c.type)));
  }
  into(id: string, types?: ReadonlySet<RelationType>): LocalClaim[] {
    return [...this.world.claims.values()].filter((c) => c.to === id && (!types || types.has(c.type)));
  }
  name(id: string): string {
    return this.facts(id)?.name ?? id;
  }
  /** Operation claims of group members. */
  operations(): LocalClaim[] {
    return [...this.world.claims.values()].filter(
      (c) => this.world.group.has(c.from) && OPERATION_TYPES.has(c.type) && !(c.type === 'OWNS' && this.world.group.has(c.to)),
    );
  }
  /** Infrastructure a group member runs (operates or owns). */
  groupInfrastructure(): Set<string> {
    return new Set(this.operations().filter((c) => RUNS_TYPES.has(c.type) && this.type(c.to) === 'Infrastructure').map((c) => c.to));
  }
  groupContracts(): Set<string> {
    return new Set(this.operations().filter((c) => c.type === 'PARTY_TO').map((c) => c.to));
  }
  /** The state parties of a contract. */
  stateParties(contract: string): string[] {
    return this.into(contract, new Set(['PARTY_TO'])).map((c) => c.from).filter((id) => STATE_TYPES.has(this.type(id)));
  }
  /** State bodies a group member or its infrastructure serves, supplies or contracts with. */
  groupCounterparts(): Set<string> {
    const infra = this.groupInfrastructure();
    const ids = new Set<string>();
    for (const c of this.world.claims.values()) {
      if ((this.world.group.has(c.from) || infra.has(c.from)) && SERVICE_TYPES.has(c.type) && STATE_TYPES.has(this.type(c.to))) ids.add(c.to);
    }
    for (const contract of this.groupContracts()) for (const p of this.stateParties(contract)) ids.add(p);
    return ids;
  }
  /** Subsidiaries: the group without the company. */
  subsidiaries(): string[] {
    return [...this.world.group].filter((id) => id !== this.world.company.id);
  }
}

/** Everything the company could withdraw from: the choices a scope can name. */
export function footprint(world: World) {
  const v = new View(world);
  const countries = new Set<string>();
  const infrastructure = v.groupInfrastructure();
  const contracts = v.groupContracts();
  const stateBodies = v.groupCounterparts();
  for (const id of [...v.subsidiaries(), ...infrastructure, ...stateBodies]) {
    const country = v.facts(id)?.country;
    if (country) countries.add(country);
  }
  const sorted = (ids: Iterable<string>) => [...ids].sort((a, b) => v.name(a).localeCompare(v.name(b)));
  return {
    subsidiaries: sorted(v.subsidiaries()),
    infrastructure: sorted(infrastructure),
    contracts: sorted(contracts),
    stateBodies: sorted(stateBodies),
    countries: [...countries].sort(),
  };
}

/** Checks every named part of the scope is something the company's group is linked to. */
export function checkScope(world: World, scope: Scope, mode: Mode): void {
  const v = new View(world);
  const fp = footprint(world);
  const company = world.company.name;
  const named = scope.countries.length + scope.contracts.length + scope.infrastructure.length + scope.stateBodies.length;
  if (scope.all && named > 0) throw new ScopeProblem('scope: give either all: true or a list of countries, contracts, infrastructure or state bodies, not both.', 'scope');
  if (!scope.all && named === 0) throw new ScopeProblem('scope is empty: give all: true, or countries, contracts, infrastructure or stateBodies.', 'scope');
  const check = (field: keyof typeof fp, argument: string, ids: string[], what: string) => {
    for (const id of ids) {
      if (!fp[field].includes(id)) {
        const known = fp[field].map((x) => (field === 'countries' ? x : `${x} (${v.name(x)})`)).join(', ');
        throw new ScopeProblem(
          `${company} has no link to ${field === 'countries' ? `the country ${id}` : `"${id}" (${v.name(id)})`} in the graph, so it cannot withdraw from it. ${what} it is linked to: ${known || 'none'}.`,
          argument,
        );
      }
    }
  };
  check('countries', 'scope.countries', scope.countries, 'Countries');
  check('contracts', 'scope.contracts', scope.contracts, 'Contracts');
  check('infrastructure', 'scope.infrastructure', scope.infrastructure, 'Infrastructure');
  check('stateBodies', 'scope.stateBodies', scope.stateBodies, 'State bodies');
  if (mode === 'suspend' && (scope.all || scope.countries.length > 0)) {
    throw new ScopeProblem('suspend stops only named services or contracts: give scope.contracts, scope.infrastructure or scope.stateBodies (use shutdown to leave a whole country).', 'scope');
  }
  if (mode === 'sale' && scope.stateBodies.length > 0) {
    throw new ScopeProblem('a sale sells subsidiaries or operations, not a relationship with a state body: use suspend to stop serving scope.stateBodies.', 'scope.stateBodies');
  }
}

/** The parts of the group the scope reaches, before the mode decides what happens to them. */
function scopeParts(v: View, scope: Scope, mode: Mode) {
  const inCountry = (id: string) => scope.countries.includes(v.facts(id)?.country ?? '');
  const subs = new Set(mode === 'suspend' ? [] : v.subsidiaries().filter((id) => scope.all || inCountry(id)));
  // A subsidiary inside a sold or closed one goes with it.
  let grew = true;
  while (grew) {
    grew = false;
    for (const c of v.world.claims.values()) {
      if (c.type === 'OWNS' && subs.has(c.from) && v.world.group.has(c.to) && !subs.has(c.to) && c.to !== v.world.company.id) {
        subs.add(c.to);
        grew = true;
      }
    }
  }
  const infra = new Set(
    [...v.groupInfrastructure()].filter(
      (id) =>
        scope.all ||
        inCountry(id) ||
        scope.infrastructure.includes(id) ||
        v.into(id, RUNS_TYPES).some((c) => subs.has(c.from)),
    ),
  );
  const contracts = new Set(
    [...v.groupContracts()].filter(
      (id) =>
        scope.all ||
        scope.contracts.includes(id) ||
        v.stateParties(id).some((p) => inCountry(p) || scope.stateBodies.includes(p)) ||
        v.into(id, new Set(['PARTY_TO'])).some((c) => subs.has(c.from)),
    ),
  );
  return { subs, infra, contracts, bodies: new Set(scope.stateBodies) };
}

/** The withdrawal's effect on the graph. `buyer` is required for a sale. */
export function simulate(world: World, scope: Scope, mode: Mode, buyer: Buyer | null): Effect {
  checkScope(world, scope, mode);
  const v = new View(world);
  const parts = scopeParts(v, scope, mode);
  const removed = new Map<string, string>();
  const remove = (c: LocalClaim, why: string) => {
    if (!removed.has(c.id)) removed.set(c.id, why);
  };
  const added: LocalClaim[] = [];
  const stopped = new Set<string>();

  if (mode === 'sale') {
    if (!buyer) throw new ScopeProblem('a sale needs a buyer: buyerId (an entity) or buyerName (a new one).', 'buyerId');
    sell(v, parts, buyer, remove, added);
  } else {
    for (const c of v.operations()) {
      const t = c.to;
      if (parts.subs.has(c.from)) remove(c, `${v.name(c.from)} stops operating`);
      else if (RUNS_TYPES.has(c.type) || c.type === 'SUPPLIES') {
        if (parts.infra.has(t)) remove(c, `${v.name(c.from)} stops running ${v.name(t)}`);
      } else if (c.type === 'PARTY_TO' && parts.contracts.has(t)) remove(c, `${v.name(c.from)} leaves ${v.name(t)}`);
      if (SERVICE_TYPES.has(c.type) && parts.bodies.has(t)) remove(c, `${v.name(c.from)} stops serving ${v.name(t)}`);
    }
    // Infrastructure nobody runs any more stops: every service and use of it ends.
    for (const id of parts.infra) {
      const runners = v.into(id, RUNS_TYPES).filter((c) => !removed.has(c.id));
      if (runners.length > 0) continue;
      stopped.add(id);
      for (const c of v.out(id)) if (SERVICE_TYPES.has(c.type) || USE_TYPES.has(c.type)) remove(c, `${v.name(id)} stops`);
    }
    // The group's infrastructure that still runs stops serving the bodies in scope and the
    // state parties of the contracts left.
    const cutCustomers = new Map<string, Set<string>>();
    const cutFrom = (infra: string, body: string, c: LocalClaim, why: string) => {
      remove(c, why);
      cutCustomers.set(infra, (cutCustomers.get(infra) ?? new Set()).add(body));
    };
    for (const infra of v.groupInfrastructure()) {
      if (stopped.has(infra)) continue;
      const delivered = new Set(
        v.into(infra, new Set(['COVERS'])).filter((c) => parts.contracts.has(c.from)).flatMap((c) => v.stateParties(c.from)),
      );
      for (const c of v.out(infra, SERVICE_TYPES)) {
        if (parts.bodies.has(c.to)) cutFrom(infra, c.to, c, `${v.name(infra)} stops serving ${v.name(c.to)}`);
        else if (delivered.has(c.to)) cutFrom(infra, c.to, c, `${v.name(infra)} no longer delivered to ${v.name(c.to)} under the contract left`);
      }
      if (cutCustomers.has(infra)) stopped.add(infra);
    }
    // A use of still-running infrastructure in a harm ends when every customer of it that is
    // responsible for that harm has been cut off: the use went through them.
    for (const [infra, cut] of cutCustomers) {
      const customers = new Set(v.out(infra, SERVICE_TYPES).filter((c) => STATE_TYPES.has(v.type(c.to))).map((c) => c.to));
      for (const use of v.out(infra, USE_TYPES)) {
        const responsible = responsibleFor(v, use.to).filter((a) => customers.has(a));
        if (responsible.length > 0 && responsible.every((a) => cut.has(a))) {
          remove(use, `${v.name(infra)} no longer serves ${responsible.map((a) => v.name(a)).join(', ')}, responsible for ${v.name(use.to)}`);
        }
      }
    }
  }

  const lostServices = [...removed.keys()]
    .map((id) => world.claims.get(id)!)
    .filter((c) => c.type === 'SERVES' && v.type(c.to) === 'Population')
    .map((c) => ({ population: c.to, infrastructure: c.from, claim: c.id }));
  return { removed, added, sold: [...parts.subs], stopped: [...stopped], lostServices };
}

/** Actors alleged responsible for a harm, with the bodies they are part of and their parts. */
export function responsibleFor(v: View | World, harm: string): string[] {
  const view = v instanceof View ? v : new View(v);
  const direct = view.into(harm, new Set(['ALLEGEDLY_RESPONSIBLE_FOR'])).map((c) => c.from);
  const related = direct.flatMap((a) => [...view.out(a, new Set(['PART_OF'])).map((c) => c.to), ...view.into(a, new Set(['PART_OF'])).map((c) => c.from)]);
  return [...new Set([...direct, ...related])];
}

/** A sale: ownership of the subsidiaries in scope, and the company's own operations in scope, pass to the buyer. */
function sell(
  v: View,
  parts: ReturnType<typeof scopeParts>,
  buyer: Buyer,
  remove: (c: LocalClaim, why: string) => void,
  added: LocalClaim[],
): void {
  const b = buyer.facts;
  if (v.world.group.has(b.id)) throw new ScopeProblem(`The buyer "${b.id}" (${b.name}) is part of ${v.world.company.name}'s own group.`, 'buyerId');
  const transfer = (c: LocalClaim, why: string) => {
    remove(c, why);
    added.push({ ...c, id: `${SIMULATED_PREFIX}${c.id}`, from: b.id });
  };
  for (const c of v.world.claims.values()) {
    if (c.type === 'OWNS' && parts.subs.has(c.to) && !parts.subs.has(c.from) && v.world.group.has(c.from)) {
      transfer(c, `${v.name(c.to)} is sold to ${b.name}`);
    }
  }
  for (const c of v.operations()) {
    if (parts.subs.has(c.from)) continue; // sold with its owner: nothing changes for it
    const inScope = (RUNS_TYPES.has(c.type) || c.type === 'SUPPLIES') ? parts.infra.has(c.to) : c.type === 'PARTY_TO' && parts.contracts.has(c.to);
    if (inScope) transfer(c, `${v.name(c.from)}'s ${c.type.toLowerCase().replace(/_/g, ' ')} ${v.name(c.to)} is sold to ${b.name}`);
  }
  if (added.length === 0) throw new ScopeProblem(`Nothing in scope can be sold: ${v.world.company.name} owns no subsidiary and runs nothing there.`, 'scope');
}

