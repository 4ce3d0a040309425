// Synthetic graph for scale tests: a deterministic function of (nodes, seed) that returns a
// dataset in the import format, and a CLI that streams it to a file.
//   npm run generate -- --nodes 100000 --seed 42 --out .cache/synthetic-100k.json
// Every name is plainly fictional (fictional countries, ISO user-assigned codes, numbered
// companies); never a real organisation, state or person. Nothing here is shipped or seeded.
import { closeSync, mkdirSync, openSync, realpathSync, renameSync, statSync, writeSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { isinCheckDigit, leiCheckDigits } from '../api/domain/identifiers.ts';
import { relationAllows, type ClaimStatus, type EntityType, type RelationType } from '../api/domain/model.ts';

export interface GenerateOptions {
  /** Number of entities, from MIN_NODES to MAX_NODES. */
  nodes: number;
  /** Any whole number from 0 to 2^32 - 1; the same seed always gives the same dataset. */
  seed: number;
}

export const MIN_NODES = 10;
export const MAX_NODES = 2_000_000;

export interface SyntheticSource {
  id: string;
  publisher: string;
  title: string;
  url: string;
  date: string;
  kind: string;
}

export interface SyntheticEntity {
  id: string;
  type: EntityType;
  name: string;
  [field: string]: string | number | string[];
}

export interface SyntheticRelation {
  from: string;
  type: RelationType;
  to: string;
  status: ClaimStatus;
  summary: string;
  sources: string[];
  confidence?: number;
  start?: string;
  end?: string;
  percentage?: number;
}

export interface SyntheticDataset {
  about: string;
  checkedOn: string;
  sources: SyntheticSource[];
  entities: SyntheticEntity[];
  relations: SyntheticRelation[];
}

// ---------------------------------------------------------------------------------------
// Fictional vocabulary. Codes come from ISO 3166's user-assigned range, so no code is a
// real country's.

export const FICTIONAL_COUNTRIES: readonly { name: string; code: string }[] = [
  ['Freedonia', 'XA'], ['Sylvania', 'XB'], ['Ruritania', 'XC'], ['Latveria', 'XD'], ['Genovia', 'XE'],
  ['Zubrowka', 'XF'], ['Elbonia', 'XG'], ['Borduria', 'XH'], ['Syldavia', 'XI'], ['Wakanda', 'XJ'],
  ['Sokovia', 'XL'], ['Markovia', 'XM'], ['Kasnia', 'XN'], ['Qurac', 'XO'], ['Krakozhia', 'XP'],
  ['Grand Fenwick', 'XQ'], ['Florin', 'XR'], ['Guilder', 'XT'], ['Molvania', 'XU'], ['Pottsylvania', 'XV'],
  ['Vulgaria', 'XW'], ['Lilliput', 'XX'], ['Blefuscu', 'XY'], ['Brobdingnag', 'XZ'], ['Agrabah', 'AA'],
  ['Zamunda', 'QM'], ['Genosha', 'QN'], ['Bialya', 'QO'], ['Kahndaq', 'QP'], ['Santa Prisca', 'QQ'],
  ['San Theodoros', 'QR'], ['Nuevo Rico', 'QS'],
].map(([name, code]) => ({ name: name!, code: code! }));

// Brand stems of well-known fictional companies (software samples, films, television); each
// name also carries a number, so no generated name is a real company's.
const BRAND_STEMS = [
  'Northwind', 'Contoso', 'Fabrikam', 'Tailspin', 'Wingtip', 'Litware', 'Proseware', 'Woodgrove',
  'Adatum', 'Relecloud', 'Initech', 'Globex', 'Hooli', 'Massive Dynamic', 'Tyrell', 'Weyland-Yutani',
  'Oscorp', 'Vandelay', 'Virtucon', 'Soylent',
];
const BUSINESS_LINES = [
  { label: 'Cloud Systems', sector: 'cloud', service: 'cloud services' },
  { label: 'Data Services', sector: 'data-centres', service: 'hosting' },
  { label: 'Networks', sector: 'telecom', service: 'telecom network' },
  { label: 'Analytics', sector: 'software', service: 'data analytics' },
  { label: 'Vision Security', sector: 'surveillance', service: 'video surveillance' },
  { label: 'Cyber Intelligence', sector: 'spyware', service: 'intrusion software' },
  { label: 'Biometrics', sector: 'biometrics', service: 'biometric identification' },
  { label: 'Orbital Services', sector: 'satellite', service: 'satellite connectivity' },
  { label: 'AI Labs', sector: 'ai', service: 'AI models' },
] as const;
const INVESTOR_KINDS = ['Pension Fund', 'Asset Management', 'Index Fund', 'Insurance Group', 'Endowment'];
const NATIONAL_BODIES = [
  { name: 'Ministry of Interior', kind: 'ministry', unit: 'Interior Office' },
  { name: 'Ministry of Defence', kind: 'ministry', unit: 'Defence Office' },
  { name: 'Armed Forces', kind: 'army', unit: 'Army Brigade' },
  { name: 'National Police', kind: 'police', unit: 'Police District' },
  { name: 'State Intelligence Directorate', kind: 'intelligence', unit: 'Intelligence Bureau' },
  { name: 'Border Guard', kind: 'border-guard', unit: 'Border Post' },
  { name: 'Ministry of Communications', kind: 'ministry', unit: 'Communications Office' },
  { name: 'Telecommunications Regulator', kind: 'regulator', unit: 'Regulatory Office' },
];
const ARMED_GROUP_KINDS = ['Liberation Front', "People's Militia", 'Defence Brigades', 'Resistance Movement'];
const INFRA_KINDS = [
  { kind: 'cloud-region', label: 'Cloud Region', serves: true, risky: false },
  { kind: 'data-centre', label: 'Data Centre', serves: true, risky: false },
  { kind: 'surveillance-system', label: 'Surveillance System', serves: false, risky: true },
  { kind: 'spyware', label: 'Spyware Suite', serves: false, risky: true },
  { kind: 'telecom-network', label: 'Telecom Network', serves: true, risky: false },
  { kind: 'platform', label: 'Online Platform', serves: true, risky: false },
  { kind: 'satellite-network', label: 'Satellite Network', serves: true, risky: false },
  { kind: 'ai-system', label: 'AI System', serves: false, risky: true },
  { kind: 'biometric-system', label: 'Biometric System', serves: false, risky: true },
];
const ABUSE_CATEGORIES = [
  { category: 'mass-surveillance', label: 'Mass surveillance' },
  { category: 'arbitrary-detention', label: 'Arbitrary detention' },
  { category: 'unlawful-killing', label: 'Unlawful killings' },
  { category: 'forced-displacement', label: 'Forced displacement' },
  { category: 'censorship', label: 'Censorship' },
  { category: 'targeting-of-journalists', label: 'Targeting of journalists' },
  { category: 'discrimination', label: 'Discriminatory profiling' },
];
const AFFECTED = ['residents', 'journalists', 'protesters', 'minority communities', 'detainees', 'mobile phone users'];
const CONFLICT_KINDS = ['Armed conflict', 'Occupation', 'Repressive crackdown', 'Civil war'];
const POPULATION_KINDS = ['Mobile subscribers', 'Cloud service users', 'Hospital patients', 'Students', 'Households'];
const CONTRACT_KINDS = ['contract', 'contract', 'partnership', 'sale'];

/** Fixed, not today's date, so the output depends on the seed alone. */
const CHECKED_ON = '2026-01-01';
const FIRST_YEAR = 2005;
const LAST_YEAR = 2025;
/** One source per this many relations, in the order they are drawn. */
const RELATIONS_PER_SOURCE = 20;

const SUMMARIES: Record<RelationType, string> = {
  OWNS: 'Reported as owner.',
  HOLDS: 'Reported as a shareholder.',
  OPERATES: 'Reported to run the system.',
  PROVIDES_SERVICE_TO: 'Reported to provide a service.',
  PARTY_TO: 'Reported as a party to the contract.',
  COVERS: 'The contract reportedly covers the system.',
  SUPPLIES: 'Reported to supply equipment or services.',
  LOCATED_IN: 'Located in the country.',
  PART_OF: 'Reported as part of it.',
  ALLEGEDLY_USED_IN: 'Allegedly used in it.',
  ALLEGEDLY_RESPONSIBLE_FOR: 'Allegedly responsible.',
  LISTED_AS_INVOLVED_IN: 'Listed as involved.',
  RAISES_RISK_OF: 'Warned to raise the risk.',
  LINKED_TO: 'Reported ties.',
  SERVES: 'Serves these people.',
  DISENGAGED_FROM: 'Reported withdrawal.',
  SANCTIONED_BY: 'Listed for sanctions.',
};

// ---------------------------------------------------------------------------------------
// Seeded randomness: sfc32 seeded through splitmix32, so nearby seeds give unrelated streams.

export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform whole number in [0, n). */
  int(n: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Rank in [0, n) with P(rank) falling as 1 / (rank + 1)^s: a few ranks get most draws. */
  zipf(n: number, s: number): number;
  /** Heavy-tailed whole number ≥ min (Pareto with exponent alpha), capped at max. */
  pareto(min: number, alpha: number, max: number): number;
}

function splitmix32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

export function createRandom(seed: number): Random {
  const init = splitmix32(seed);
  let a = init(), b = init(), c = init(), d = init();
  const next = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 12; i++) next();
  const random: Random = {
    next,
    int: (n) => Math.floor(next() * n),
    chance: (p) => next() < p,
    pick: (items) => items[Math.floor(next() * items.length)]!,
    zipf(n, s) {
      if (n <= 1) return 0;
      // Inverse CDF of the continuous power law on [1, n + 1).
      const u = next();
      const x = s === 1 ? Math.pow(n + 1, u) : Math.pow(1 + u * (Math.pow(n + 1, 1 - s) - 1), 1 / (1 - s));
      return Math.min(n - 1, Math.max(0, Math.floor(x) - 1));
    },
    pareto(min, alpha, max) {
      return Math.min(max, Math.floor(min / Math.pow(1 - next(), 1 / alpha)));
    },
  };
  return random;
}

/** Up to `count` different values from `draw` (never `exclude`), in the order first drawn. */
function distinct(count: number, available: number, draw: () => number, exclude = -1): number[] {
  const want = Math.min(count, available - (exclude >= 0 && exclude < available ? 1 : 0));
  const picked = new Set<number>();
  for (let tries = 0; picked.size < want && tries < want * 8 + 8; tries++) {
    const value = draw();
    if (value !== exclude) picked.add(value);
  }
  return [...picked];
}

// ---------------------------------------------------------------------------------------
// Layout: how many entities of each type. Countries and governments are few; the rest are
// shares of the remainder, companies taking what is left.

interface Pool {
  type: EntityType;
  slug: string;
  count: number;
  width: number;
  /** Country index of each entity. */
  country: Uint8Array;
}

const SHARES: [EntityType, string, number][] = [
  ['Investor', 'investor', 0.02],
  ['StateBody', 'statebody', 0.08],
  ['ArmedGroup', 'armedgroup', 0.01],
  ['Infrastructure', 'infra', 0.15],
  ['Contract', 'contract', 0.12],
  ['Abuse', 'abuse', 0.08],
  ['Conflict', 'conflict', 0.012],
  ['Population', 'population', 0.08],
];

function layout(nodes: number): Record<EntityType, Pool> {
  const countries = Math.min(FICTIONAL_COUNTRIES.length, Math.max(1, Math.floor(nodes / 150)));
  const rest = nodes - 2 * countries;
  const counts = new Map<EntityType, number>(SHARES.map(([type, , share]) => [type, Math.floor(rest * share)]));
  let companies = rest - [...counts.values()].reduce((a, b) => a + b, 0);
  // Small datasets still get one of each type where there is room.
  for (const [type] of SHARES) {
    if (counts.get(type) === 0 && companies > 1) {
      counts.set(type, 1);
      companies--;
    }
  }
  const pool = (type: EntityType, slug: string, count: number): Pool => ({
    type,
    slug,
    count,
    width: Math.max(4, String(count).length),
    country: new Uint8Array(count),
  });
  const pools = {
    Country: pool('Country', 'country', countries),
    Government: pool('Government', 'government', countries),
    Company: pool('Company', 'company', companies),
    Person: pool('Person', 'person', 0),
  } as Record<EntityType, Pool>;
  for (const [type, slug] of SHARES) pools[type] = pool(type, slug, counts.get(type)!);
  return pools;
}

function idOf(pool: Pool, i: number): string {
  if (pool.type === 'Country' || pool.type === 'Government') {
    return `syn-${pool.slug}-${FICTIONAL_COUNTRIES[i]!.code.toLowerCase()}`;
  }
  return `syn-${pool.slug}-${String(i).padStart(pool.width, '0')}`;
}

// ---------------------------------------------------------------------------------------
// The generator: entities first (remembering only the typed arrays the relations need), then
// relations phase by phase. Each (type, from, to) is drawn in exactly one place, and targets
// per entity are distinct, so no claim repeats without a global index of claim ids.

/** Receives every entity, then `entitiesDone()`, then every relation. */
export interface GraphSink {
  entity(entity: SyntheticEntity): void;
  entitiesDone(): void;
  relation(relation: SyntheticRelation): void;
}

export interface GeneratedCounts {
  entities: number;
  relations: number;
  sources: number;
}

class SyntheticGraph {
  private readonly rng: Random;
  private readonly pools: Record<EntityType, Pool>;
  private relationCount = 0;
  private entityCount = 0;
  /** Company ownership trees: parent index (-1 for a group's root). */
  private companyParent = new Int32Array(0);
  private listed: number[] = [];
  /** State bodies: the first `nationalBodies` are national, the rest units under one. */
  private nationalBodies = 0;
  private stateBodyParent = new Int32Array(0);
  private infraKind = new Uint8Array(0);
  private contractBuyer = new Int32Array(0);
  private contractBuyerIsGovernment = new Uint8Array(0);
  private contractSupplier = new Int32Array(0);
  private contractStart: string[] = [];
  private byCountry = new Map<EntityType, number[][]>();

  constructor(
    private readonly options: GenerateOptions,
    private readonly sink: GraphSink,
  ) {
    this.rng = createRandom(options.seed);
    this.pools = layout(options.nodes);
  }

  run(): GeneratedCounts {
    this.entities();
    this.sink.entitiesDone();
    this.locations();
    this.hierarchy();
    this.ownership();
    this.holdings();
    this.contracts();
    this.infrastructure();
    this.harms();
    this.ties();
    return {
      entities: this.entityCount,
      relations: this.relationCount,
      sources: Math.ceil(this.relationCount / RELATIONS_PER_SOURCE),
    };
  }

  // --- entities ------------------------------------------------------------------------

  private emitEntity(pool: Pool, i: number, name: string, fields: Record<string, string | number | string[]>): void {
    const country = pool.type === 'Country' ? undefined : FICTIONAL_COUNTRIES[pool.country[i]!]!.code;
    this.sink.entity({ id: idOf(pool, i), type: pool.type, name, ...(country ? { country } : {}), ...fields });
    this.entityCount++;
  }

  private countryName(pool: Pool, i: number): string {
    return FICTIONAL_COUNTRIES[pool.country[i]!]!.name;
  }

  private number(pool: Pool, i: number): string {
    return String(i).padStart(pool.width, '0');
  }

  /** A country index, a few countries hosting most entities. */
  private someCountry(): number {
    return this.rng.zipf(this.pools.Country.count, 0.8);
  }

  private entities(): void {
    const { rng, pools } = this;
    const p = pools;
    for (let i = 0; i < p.Country.count; i++) {
      p.Country.country[i] = i;
      p.Government.country[i] = i;
      const { name, code } = FICTIONAL_COUNTRIES[i]!;
      this.emitEntity(p.Country, i, name, { code, description: 'Fictional country for synthetic test data.' });
    }
    for (let i = 0; i < p.Government.count; i++) {
      this.emitEntity(p.Government, i, `Government of ${FICTIONAL_COUNTRIES[i]!.name}`, {
        description: 'Fictional government for synthetic test data.',
      });
    }
    this.companies();
    for (let i = 0; i < p.Investor.count; i++) {
      p.Investor.country[i] = this.someCountry();
      this.emitEntity(p.Investor, i, `Fictional ${rng.pick(INVESTOR_KINDS)} ${this.number(p.Investor, i)}`, {});
    }
    this.stateBodies();
    for (let i = 0; i < p.ArmedGroup.count; i++) {
      p.ArmedGroup.country[i] = this.someCountry();
      this.emitEntity(p.ArmedGroup, i, `Fictional ${rng.pick(ARMED_GROUP_KINDS)} ${this.number(p.ArmedGroup, i)}`, {});
    }
    this.infraKind = new Uint8Array(p.Infrastructure.count);
    for (let i = 0; i < p.Infrastructure.count; i++) {
      p.Infrastructure.country[i] = this.someCountry();
      const k = rng.int(INFRA_KINDS.length);
      this.infraKind[i] = k;
      const { kind, label } = INFRA_KINDS[k]!;
      this.emitEntity(p.Infrastructure, i, `${label} ${this.number(p.Infrastructure, i)} in ${this.countryName(p.Infrastructure, i)}`, { kind });
    }
    this.contractEntities();
    for (let i = 0; i < p.Abuse.count; i++) {
      p.Abuse.country[i] = this.someCountry();
      const { category, label } = rng.pick(ABUSE_CATEGORIES);
      const where = this.countryName(p.Abuse, i);
      this.emitEntity(p.Abuse, i, `${label} in ${where} (synthetic case ${this.number(p.Abuse, i)})`, {
        category,
        place: `District ${1 + rng.int(90)}, ${where}`,
        affectedPeople: rng.pick(AFFECTED),
        ...this.period(0.5),
      });
    }
    for (let i = 0; i < p.Conflict.count; i++) {
      p.Conflict.country[i] = this.someCountry();
      const label = rng.pick(CONFLICT_KINDS);
      this.emitEntity(p.Conflict, i, `${label} in ${this.countryName(p.Conflict, i)} (synthetic ${this.number(p.Conflict, i)})`, {
        ...this.period(0.4),
      });
    }
    for (let i = 0; i < p.Population.count; i++) {
      p.Population.country[i] = this.someCountry();
      const size = Math.round(Math.exp(Math.log(1_000) + rng.next() * Math.log(50_000)));
      this.emitEntity(p.Population, i, `${rng.pick(POPULATION_KINDS)} of ${this.countryName(p.Population, i)} (synthetic cohort ${this.number(p.Population, i)})`, { size });
    }
    for (const type of ['StateBody', 'Infrastructure', 'Conflict'] as const) {
      const lists: number[][] = FICTIONAL_COUNTRIES.map(() => []);
      const pool = p[type];
      for (let i = 0; i < pool.count; i++) lists[pool.country[i]!]!.push(i);
      this.byCountry.set(type, lists);
    }
  }

  /** Companies come in groups: a holding and its subsidiaries, 2 to 5 levels deep. */
  private companies(): void {
    const { rng } = this;
    const pool = this.pools.Company;
    this.companyParent = new Int32Array(pool.count);
    const depth = new Uint8Array(pool.count);
    for (let start = 0, group = 0; start < pool.count; group++) {
      // A few early groups are giants (the big cloud providers); then mostly small ones.
      const size = Math.min(
        pool.count - start,
        group < 3 ? Math.max(8, Math.round(pool.count / 150)) : rng.chance(0.45) ? 1 : rng.pareto(2, 1.2, 300),
      );
      const maxDepth = 2 + rng.int(4);
      const brand = rng.pick(BRAND_STEMS);
      const line = rng.pick(BUSINESS_LINES);
      for (let j = 0; j < size; j++) {
        const i = start + j;
        let parent = -1;
        if (j > 0) {
          // A spine first, so the group reaches its depth; then members hang off anyone above it.
          parent = j < maxDepth ? i - 1 : start + rng.int(j);
          while (depth[parent]! >= maxDepth) parent = this.companyParent[parent]!;
        }
        this.companyParent[i] = parent;
        depth[i] = parent < 0 ? 1 : depth[parent]! + 1;
        pool.country[i] = this.someCountry();
        const fields: Record<string, string> = { sector: line.sector };
        let name = `${brand} ${line.label} ${this.number(pool, i)}`;
        if (parent >= 0) name = `${brand} ${line.label} ${this.countryName(pool, i)} ${this.number(pool, i)}`;
        else if (rng.chance(0.5)) {
          const body = `ZZ${String(i).padStart(9, '0')}`;
          fields.isin = `${body}${isinCheckDigit(body)}`;
          fields.ticker = `SYN${i.toString(36).toUpperCase()}`;
          const lei = `9999SYN0${String(i).padStart(10, '0')}`;
          fields.lei = `${lei}${leiCheckDigits(lei)}`;
          this.listed.push(i);
        }
        this.emitEntity(pool, i, name, {
          ...fields,
          description: `Fictional ${line.service} company generated for scale tests.`,
        });
      }
      start += size;
    }
  }

  private stateBodies(): void {
    const { rng } = this;
    const pool = this.pools.StateBody;
    const countries = this.pools.Country.count;
    this.nationalBodies = Math.min(pool.count, NATIONAL_BODIES.length * countries);
    this.stateBodyParent = new Int32Array(pool.count).fill(-1);
    for (let i = 0; i < pool.count; i++) {
      const national = i < this.nationalBodies;
      const parent = national ? -1 : rng.int(this.nationalBodies);
      const body = NATIONAL_BODIES[Math.floor((national ? i : parent) / countries)]!;
      this.stateBodyParent[i] = parent;
      pool.country[i] = national ? i % countries : pool.country[parent]!;
      const where = this.countryName(pool, i);
      const name = national ? `${body.name} of ${where}` : `${where} ${body.unit} ${this.number(pool, i)}`;
      this.emitEntity(pool, i, name, { kind: body.kind });
    }
  }

  private contractEntities(): void {
    const { rng, pools } = this;
    const pool = pools.Contract;
    this.contractBuyer = new Int32Array(pool.count);
    this.contractBuyerIsGovernment = new Uint8Array(pool.count);
    this.contractSupplier = new Int32Array(pool.count);
    this.contractStart = new Array<string>(pool.count);
    for (let i = 0; i < pool.count; i++) {
      // State bodies buy most; national ministries (the lowest indices) buy the most.
      const byGovernment = rng.chance(0.12);
      const buyer = byGovernment ? rng.int(pools.Government.count) : rng.zipf(pools.StateBody.count, 0.9);
      this.contractBuyer[i] = buyer;
      this.contractBuyerIsGovernment[i] = byGovernment ? 1 : 0;
      this.contractSupplier[i] = rng.zipf(pools.Company.count, 1.1);
      pool.country[i] = (byGovernment ? pools.Government : pools.StateBody).country[buyer]!;
      const period = this.period(0.6);
      this.contractStart[i] = period.start;
      const line = rng.pick(BUSINESS_LINES);
      this.emitEntity(pool, i, `Contract ${this.number(pool, i)}: ${line.service}, ${this.countryName(pool, i)}`, {
        kind: rng.pick(CONTRACT_KINDS),
        value: Math.round(Math.exp(Math.log(10_000) + rng.next() * Math.log(500_000))),
        currency: 'XTS',
        ...period,
      });
    }
  }

  // --- relations -----------------------------------------------------------------------

  private link(
    type: RelationType,
    from: Pool,
    i: number,
    to: Pool,
    j: number,
    extra: { status?: ClaimStatus; percentage?: number; start?: string; end?: string; dated?: false } = {},
  ): void {
    if (!relationAllows(type, from.type, to.type)) throw new Error(`generator bug: ${type} cannot join ${from.type} to ${to.type}`);
    const { rng } = this;
    const status = extra.status ?? this.status();
    const n = this.relationCount++;
    const first = Math.floor(n / RELATIONS_PER_SOURCE);
    // Further sources are nearby reports, already cited: every source id stays below the last.
    const cited = distinct(rng.chance(0.6) ? 1 : rng.chance(0.75) ? 2 : 3, first + 1, () => first - rng.int(Math.min(first + 1, 200)));
    if (cited[0] !== first) cited.unshift(first);
    const relation: SyntheticRelation = {
      from: idOf(from, i),
      type,
      to: idOf(to, j),
      status,
      summary: status === 'denied' ? `[Synthetic] ${SUMMARIES[type]} Denied by the party concerned.` : `[Synthetic] ${SUMMARIES[type]}`,
      sources: [...new Set(cited)].map(sourceId),
    };
    if (rng.chance(0.9)) relation.confidence = Math.round((0.2 + 0.8 * rng.next()) * 100) / 100;
    const period = extra.start
      ? { start: extra.start, ...(extra.end ? { end: extra.end } : {}) }
      : extra.dated !== false && rng.chance(0.6) ? this.period(0.25) : {};
    Object.assign(relation, period);
    if (extra.percentage !== undefined) relation.percentage = extra.percentage;
    this.sink.relation(relation);
  }

  private status(): ClaimStatus {
    const u = this.rng.next();
    if (u < 0.4) return 'reported';
    if (u < 0.65) return 'alleged';
    if (u < 0.8) return 'company-confirmed';
    if (u < 0.85) return 'adjudicated';
    if (u < 0.9) return 'sanctioned';
    return 'denied';
  }

  /** A valid partial date, then maybe a later end (a later year, so "end >= start" holds at any precision). */
  private period(endChance: number): { start: string; end?: string } {
    const { rng } = this;
    const year = FIRST_YEAR + rng.int(LAST_YEAR - FIRST_YEAR + 1);
    const start = this.date(year);
    if (year < LAST_YEAR && rng.chance(endChance)) return { start, end: this.date(year + 1 + rng.int(LAST_YEAR - year)) };
    return { start };
  }

  private date(year: number): string {
    const precision = this.rng.next();
    const month = String(1 + this.rng.int(12)).padStart(2, '0');
    const day = String(1 + this.rng.int(28)).padStart(2, '0');
    return precision < 0.4 ? `${year}` : precision < 0.7 ? `${year}-${month}` : `${year}-${month}-${day}`;
  }

  /** An entity of `type`, usually in the given country, the lowest indices drawn most. */
  private nearby(type: 'StateBody' | 'Infrastructure' | 'Conflict', country: number, s: number): number {
    const local = this.byCountry.get(type)![country]!;
    if (local.length > 0 && this.rng.chance(0.8)) return local[this.rng.zipf(local.length, s)]!;
    return this.rng.zipf(this.pools[type].count, s);
  }

  private locations(): void {
    const p = this.pools;
    const rng = this.rng;
    const here = (pool: Pool, i: number) => this.link('LOCATED_IN', pool, i, p.Country, pool.country[i]!, { status: 'reported', dated: false });
    for (let i = 0; i < p.Government.count; i++) here(p.Government, i);
    for (let i = 0; i < this.nationalBodies; i++) here(p.StateBody, i);
    for (let i = 0; i < p.Company.count; i++) if (this.companyParent[i]! < 0 || rng.chance(0.2)) here(p.Company, i);
    for (let i = 0; i < p.Investor.count; i++) here(p.Investor, i);
    for (let i = 0; i < p.Infrastructure.count; i++) if (rng.chance(0.7)) here(p.Infrastructure, i);
    for (let i = 0; i < p.ArmedGroup.count; i++) here(p.ArmedGroup, i);
    for (let i = 0; i < p.Conflict.count; i++) here(p.Conflict, i);
  }

  private hierarchy(): void {
    const { rng, pools: p } = this;
    for (let i = 0; i < p.StateBody.count; i++) {
      const parent = this.stateBodyParent[i]!;
      if (parent < 0) this.link('PART_OF', p.StateBody, i, p.Government, p.StateBody.country[i]!, { status: 'reported' });
      else this.link('PART_OF', p.StateBody, i, p.StateBody, parent, { status: 'reported' });
    }
    // Acyclic: a system is only ever part of an earlier one.
    for (let i = 1; i < p.Infrastructure.count; i++) {
      if (rng.chance(0.1)) this.link('PART_OF', p.Infrastructure, i, p.Infrastructure, rng.zipf(i, 1));
    }
    if (p.Conflict.count === 0) return;
    for (let i = 0; i < p.Abuse.count; i++) {
      if (rng.chance(0.7)) this.link('PART_OF', p.Abuse, i, p.Conflict, this.nearby('Conflict', p.Abuse.country[i]!, 1));
    }
    for (let i = 0; i < p.ArmedGroup.count; i++) {
      if (rng.chance(0.6)) this.link('PART_OF', p.ArmedGroup, i, p.Conflict, this.nearby('Conflict', p.ArmedGroup.country[i]!, 1));
    }
  }

  private ownership(): void {
    const { rng, pools: p } = this;
    for (let i = 0; i < p.Company.count; i++) {
      const parent = this.companyParent[i]!;
      if (parent >= 0) {
        const percentage = rng.chance(0.7) ? 100 : Math.round(510 + rng.int(490)) / 10;
        this.link('OWNS', p.Company, parent, p.Company, i, { status: rng.chance(0.6) ? 'company-confirmed' : 'reported', percentage });
      } else if (rng.chance(0.03)) {
        // A state-owned enterprise.
        this.link('OWNS', p.Government, p.Company.country[i]!, p.Company, i, { percentage: Math.round(200 + rng.int(800)) / 10 });
      }
    }
    for (let i = 0; i < p.Infrastructure.count; i++) {
      if (rng.chance(0.25)) this.link('OWNS', p.Company, rng.zipf(p.Company.count, 1), p.Infrastructure, i, { percentage: rng.chance(0.8) ? 100 : 50 });
    }
  }

  /** Investors hold many listed companies each; the largest companies sit in almost every portfolio. */
  private holdings(): void {
    const { rng, pools: p } = this;
    const listed = this.listed;
    for (let i = 0; i < p.Investor.count && listed.length > 0; i++) {
      const size = rng.pareto(3, 1.25, Math.min(1500, listed.length));
      const held = distinct(size, listed.length, () => rng.zipf(listed.length, 0.8));
      for (const k of held) {
        const percentage = Math.round(Math.exp(Math.log(0.01) + rng.next() * Math.log(800)) * 100) / 100;
        this.link('HOLDS', p.Investor, i, p.Company, listed[k]!, { percentage, status: 'reported' });
      }
      if (rng.chance(0.15)) {
        for (const k of held.slice(0, 1 + rng.int(3))) this.link('DISENGAGED_FROM', p.Investor, i, p.Company, listed[k]!);
      }
    }
  }

  /** Each contract: its supplier(s) and buyer are parties, and it covers some systems. */
  private contracts(): void {
    const { rng, pools: p } = this;
    for (let i = 0; i < p.Contract.count; i++) {
      const start = this.contractStart[i]!;
      const supplier = this.contractSupplier[i]!;
      this.link('PARTY_TO', p.Company, supplier, p.Contract, i, { start });
      if (rng.chance(0.15) && p.Company.count > 1) {
        const partner = distinct(1, p.Company.count, () => rng.zipf(p.Company.count, 1), supplier)[0];
        if (partner !== undefined) this.link('PARTY_TO', p.Company, partner, p.Contract, i, { start });
      }
      const buyer = this.contractBuyerIsGovernment[i] ? p.Government : p.StateBody;
      this.link('PARTY_TO', buyer, this.contractBuyer[i]!, p.Contract, i, { start });
      if (p.Infrastructure.count > 0) {
        const covered = distinct(1 + rng.int(3), p.Infrastructure.count, () => this.nearby('Infrastructure', p.Contract.country[i]!, 1));
        for (const j of covered) this.link('COVERS', p.Contract, i, p.Infrastructure, j);
      }
      if (rng.chance(0.05)) this.link('DISENGAGED_FROM', p.Company, supplier, p.Contract, i);
      if (p.Conflict.count > 0 && rng.chance(0.08)) {
        this.link('RAISES_RISK_OF', p.Contract, i, p.Conflict, this.nearby('Conflict', p.Contract.country[i]!, 1));
      }
    }
  }

  private infrastructure(): void {
    const { rng, pools: p } = this;
    const companies = p.Company.count;
    for (let i = 0; i < p.Infrastructure.count; i++) {
      const country = p.Infrastructure.country[i]!;
      if (rng.chance(0.85)) this.link('OPERATES', p.Company, rng.zipf(companies, 1), p.Infrastructure, i);
      else this.link('OPERATES', p.StateBody, this.nearby('StateBody', country, 1), p.Infrastructure, i);
      for (const c of distinct(1 + rng.int(2), companies, () => rng.zipf(companies, 1))) {
        this.link('SUPPLIES', p.Company, c, p.Infrastructure, i);
      }
      // Most systems serve a customer or two; a few (national clouds) serve hundreds.
      const customers = rng.chance(0.35) ? 0 : rng.pareto(1, 1.5, 300);
      for (const s of distinct(customers, p.StateBody.count, () => this.nearby('StateBody', country, 0.7))) {
        this.link('PROVIDES_SERVICE_TO', p.Infrastructure, i, p.StateBody, s);
      }
    }
    // The giant providers supply state bodies everywhere.
    for (let s = 0; s < p.StateBody.count; s++) {
      const suppliers = distinct(rng.int(3), companies, () => rng.zipf(companies, 1.1));
      for (const c of suppliers) this.link('SUPPLIES', p.Company, c, p.StateBody, s);
      if (rng.chance(0.005)) this.link('DISENGAGED_FROM', p.Company, rng.zipf(companies, 1.1), p.StateBody, s);
    }
    for (let g = 0; g < p.Government.count; g++) {
      for (const c of distinct(1 + rng.int(4), companies, () => rng.zipf(companies, 1.2))) {
        this.link('PROVIDES_SERVICE_TO', p.Company, c, p.Government, g);
      }
    }
    for (let i = 0; i < companies; i++) {
      if (rng.chance(0.08)) {
        const c = distinct(1, companies, () => rng.zipf(companies, 1), i)[0];
        if (c !== undefined) this.link('SUPPLIES', p.Company, c, p.Company, i);
      }
    }
    for (let a = 0; a < p.ArmedGroup.count; a++) {
      for (const c of distinct(rng.int(2), companies, () => rng.zipf(companies, 0.8))) this.link('SUPPLIES', p.Company, c, p.ArmedGroup, a);
    }
    for (let k = 0; k < p.Population.count; k++) {
      const servers = distinct(1 + rng.int(3), p.Infrastructure.count, () => this.servingSystem(p.Population.country[k]!));
      for (const i of servers) this.link('SERVES', p.Infrastructure, i, p.Population, k);
    }
  }

  /** A system people depend on (a network, a cloud, a platform), in their country when there is one. */
  private servingSystem(country: number): number {
    let pick = 0;
    for (let tries = 0; tries < 6; tries++) {
      pick = this.nearby('Infrastructure', country, 1);
      if (INFRA_KINDS[this.infraKind[pick]!]!.serves) break;
    }
    return pick;
  }

  private riskySystem(country: number): number {
    let pick = 0;
    for (let tries = 0; tries < 6; tries++) {
      pick = this.nearby('Infrastructure', country, 1);
      if (INFRA_KINDS[this.infraKind[pick]!]!.risky) break;
    }
    return pick;
  }

  private harms(): void {
    const { rng, pools: p } = this;
    const infra = p.Infrastructure.count;
    for (let b = 0; b < p.Abuse.count; b++) {
      const country = p.Abuse.country[b]!;
      if (infra > 0) {
        for (const i of distinct(1 + rng.int(2), infra, () => this.riskySystem(country))) this.link('ALLEGEDLY_USED_IN', p.Infrastructure, i, p.Abuse, b);
      }
      for (const s of distinct(1 + rng.int(2), p.StateBody.count, () => this.nearby('StateBody', country, 1))) {
        this.link('ALLEGEDLY_RESPONSIBLE_FOR', p.StateBody, s, p.Abuse, b);
      }
      if (p.ArmedGroup.count > 0 && rng.chance(0.12)) this.link('ALLEGEDLY_RESPONSIBLE_FOR', p.ArmedGroup, rng.int(p.ArmedGroup.count), p.Abuse, b);
    }
    for (let x = 0; x < p.Conflict.count; x++) {
      const country = p.Conflict.country[x]!;
      this.link('ALLEGEDLY_RESPONSIBLE_FOR', p.Government, country, p.Conflict, x);
      for (const a of distinct(rng.int(3), p.ArmedGroup.count, () => rng.int(p.ArmedGroup.count))) {
        this.link('ALLEGEDLY_RESPONSIBLE_FOR', p.ArmedGroup, a, p.Conflict, x);
      }
      for (const i of distinct(rng.int(4), infra, () => this.riskySystem(country))) this.link('ALLEGEDLY_USED_IN', p.Infrastructure, i, p.Conflict, x);
      for (const c of distinct(rng.int(3), p.Company.count, () => rng.zipf(p.Company.count, 1))) this.link('ALLEGEDLY_USED_IN', p.Company, c, p.Conflict, x);
    }
    if (p.Abuse.count === 0) return;
    for (let i = 0; i < infra; i++) {
      if (!rng.chance(INFRA_KINDS[this.infraKind[i]!]!.risky ? 0.25 : 0.05)) continue;
      for (const b of distinct(1 + rng.int(2), p.Abuse.count, () => rng.int(p.Abuse.count))) this.link('RAISES_RISK_OF', p.Infrastructure, i, p.Abuse, b);
    }
  }

  /** Alleged ties, withdrawals and sanctions. */
  private ties(): void {
    const { rng, pools: p } = this;
    const governments = p.Government.count;
    const foreignGovernments = (own: number) =>
      distinct(1 + rng.int(2), governments, () => rng.zipf(governments, 1.2), governments > 1 ? own : -1);
    for (let i = 0; i < p.Company.count; i++) {
      const country = p.Company.country[i]!;
      if (p.StateBody.count > 0 && rng.chance(0.02)) this.link('LINKED_TO', p.Company, i, p.StateBody, this.nearby('StateBody', country, 1));
      if (this.companyParent[i]! >= 0) continue;
      if (rng.chance(0.01)) this.link('DISENGAGED_FROM', p.Company, i, p.Country, this.someCountry());
      if (rng.chance(0.01)) for (const g of foreignGovernments(country)) this.link('SANCTIONED_BY', p.Company, i, p.Government, g, { status: 'sanctioned' });
    }
    for (let s = 0; s < p.StateBody.count; s++) {
      if (p.ArmedGroup.count > 0 && rng.chance(0.01)) this.link('LINKED_TO', p.StateBody, s, p.ArmedGroup, rng.int(p.ArmedGroup.count));
      if (rng.chance(0.02)) for (const g of foreignGovernments(p.StateBody.country[s]!)) this.link('SANCTIONED_BY', p.StateBody, s, p.Government, g, { status: 'sanctioned' });
    }
    for (let a = 0; a < p.ArmedGroup.count; a++) {
      const country = p.ArmedGroup.country[a]!;
      for (const s of distinct(rng.int(3), p.StateBody.count, () => this.nearby('StateBody', country, 1))) this.link('LINKED_TO', p.ArmedGroup, a, p.StateBody, s);
      if (rng.chance(0.4)) for (const g of foreignGovernments(country)) this.link('SANCTIONED_BY', p.ArmedGroup, a, p.Government, g, { status: 'sanctioned' });
    }
  }
}

function sourceId(n: number): string {
  return `syn-src-${n}`;
}

const SOURCE_KINDS = ['news', 'news', 'news', 'ngo-statement', 'court', 'regulator'];

/** Source n depends only on (seed, n), so sources can be written after the relations that cite them. */
export function syntheticSource(seed: number, n: number): SyntheticSource {
  const h = splitmix32((seed ^ Math.imul(n + 1, 0x27d4eb2d)) >>> 0)();
  const month = String(1 + (h % 12)).padStart(2, '0');
  const day = String(1 + ((h >>> 8) % 28)).padStart(2, '0');
  return {
    id: sourceId(n),
    publisher: 'Synthetic Wire',
    title: `[Synthetic report ${n}]`,
    url: `https://example.org/synthetic/${n}`,
    date: `${FIRST_YEAR + ((h >>> 16) % (LAST_YEAR - FIRST_YEAR + 2))}-${month}-${day}`,
    kind: SOURCE_KINDS[(h >>> 24) % SOURCE_KINDS.length]!,
  };
}

function about(options: GenerateOptions): string {
  return `Synthetic, fictional data for scale tests (seed/generate.ts, ${options.nodes} nodes, seed ${options.seed}). No name or claim in it is about a real organisation, state or person.`;
}

/** Streams the dataset into `sink`; returns the counts. Sources are not emitted: see syntheticSource. */
export function generateInto(options: GenerateOptions, sink: GraphSink): GeneratedCounts {
  return new SyntheticGraph(options, sink).run();
}

/** The whole dataset in memory, in the import format: for tests and small sizes. */
export function generateDataset(options: GenerateOptions): SyntheticDataset {
  const entities: SyntheticEntity[] = [];
  const relations: SyntheticRelation[] = [];
  const counts = generateInto(options, {
    entity: (e) => entities.push(e),
    entitiesDone: () => {},
    relation: (r) => relations.push(r),
  });
  const sources = Array.from({ length: counts.sources }, (_, n) => syntheticSource(options.seed, n));
  return { about: about(options), checkedOn: CHECKED_ON, sources, entities, relations };
}

// ---------------------------------------------------------------------------------------
// Streaming writer and CLI. One item a line, written in 4 MB chunks; sources come last in
// the file because their number is known only once the relations are drawn (JSON readers do
// not care about key order).

class ChunkedFile {
  private parts: string[] = [];
  private size = 0;
  constructor(private readonly fd: number) {}
  write(text: string): void {
    this.parts.push(text);
    this.size += text.length;
    if (this.size >= 4 << 20) this.flush();
  }
  flush(): void {
    if (this.parts.length > 0) writeSync(this.fd, this.parts.join(''));
    this.parts = [];
    this.size = 0;
  }
}

/** Writes the dataset to `path` (through a ".partial" file, renamed when complete). */
export function writeDataset(options: GenerateOptions, path: string): GeneratedCounts & { bytes: number } {
  mkdirSync(dirname(path), { recursive: true });
  const partial = `${path}.partial`;
  const fd = openSync(partial, 'w');
  let counts: GeneratedCounts;
  try {
    const file = new ChunkedFile(fd);
    const list = (key: string) => {
      let first = true;
      file.write(`,\n${JSON.stringify(key)}: [`);
      return {
        item(value: unknown) {
          file.write(`${first ? '\n' : ',\n'}${JSON.stringify(value)}`);
          first = false;
        },
        close: () => file.write('\n]'),
      };
    };
    file.write(`{"about": ${JSON.stringify(about(options))},\n"checkedOn": ${JSON.stringify(CHECKED_ON)}`);
    let items = list('entities');
    counts = generateInto(options, {
      entity: (e) => items.item(e),
      entitiesDone: () => {
        items.close();
        items = list('relations');
      },
      relation: (r) => items.item(r),
    });
    items.close();
    const sources = list('sources');
    for (let n = 0; n < counts.sources; n++) sources.item(syntheticSource(options.seed, n));
    sources.close();
    file.write('\n}\n');
    file.flush();
  } finally {
    closeSync(fd);
  }
  renameSync(partial, path);
  return { ...counts, bytes: statSync(path).size };
}

export class UsageError extends Error {
  override name = 'UsageError';
}

const USAGE = 'usage: npm run generate -- --nodes <10..2000000> [--seed <0..4294967295>] [--out <file.json>]';

export function parseGenerateArgs(argv: string[]): GenerateOptions & { out: string } {
  let values: { nodes?: string; seed?: string; out?: string };
  try {
    ({ values } = parseArgs({ args: argv, options: { nodes: { type: 'string' }, seed: { type: 'string' }, out: { type: 'string' } }, strict: true, allowPositionals: false }));
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n${USAGE}`);
  }
  const whole = (flag: string, raw: string | undefined, min: number, max: number, range: string): number => {
    const value = raw !== undefined && /^\d+$/.test(raw.replace(/_/g, '')) ? Number(raw.replace(/_/g, '')) : NaN;
    if (!(value >= min && value <= max)) {
      throw new UsageError(`--${flag} must be a whole number from ${range}; got ${raw === undefined ? 'nothing' : JSON.stringify(raw)}\n${USAGE}`);
    }
    return value;
  };
  const nodes = whole('nodes', values.nodes, MIN_NODES, MAX_NODES, '10 to 2,000,000');
  const seed = values.seed === undefined ? 42 : whole('seed', values.seed, 0, 0xffffffff, '0 to 4,294,967,295');
  if (values.out !== undefined && !values.out.endsWith('.json')) throw new UsageError(`--out must name a .json file; got ${JSON.stringify(values.out)}\n${USAGE}`);
  return { nodes, seed, out: values.out ?? `.cache/synthetic-${nodes}-seed${seed}.json` };
}

function main(argv: string[]): number {
  try {
    const { out, ...options } = parseGenerateArgs(argv);
    const began = Date.now();
    const written = writeDataset(options, resolve(out));
    const f = (n: number) => n.toLocaleString('en-US');
    console.log(
      `Generated ${f(written.entities)} entities, ${f(written.relations)} relations and ${f(written.sources)} sources ` +
        `(seed ${options.seed}) in ${((Date.now() - began) / 1000).toFixed(1)} s\n` +
        `Wrote ${out} (${(written.bytes / 1e6).toFixed(1)} MB)`,
    );
    return 0;
  } catch (error) {
    const e = error as Error;
    console.error(e instanceof UsageError ? e.message : `${e.name}: ${e.message}`);
    return e instanceof UsageError ? 2 : 1;
  }
}

function runDirectly(): boolean {
  try {
    return process.argv[1] !== undefined && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url);
  } catch {
    return false;
  }
}
if (runDirectly()) process.exit(main(process.argv.slice(2)));
