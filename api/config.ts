// Reads and validates the environment once; everything else receives a typed Config.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = resolve(fileURLToPath(new URL('..', import.meta.url)));

export type Neo4jTarget =
  | { kind: 'external'; uri: string; user: string; password: string; database?: string }
  | { kind: 'local'; homeDir: string; boltPort: number; heap: string; pageCache: string };

export interface Config {
  host: string;
  port: number;
  neo4j: Neo4jTarget;
  loadSeed: boolean;
  requireReadToken: boolean;
  /** Other origins whose pages may call the API (CORS); same-origin only when empty. */
  corsOrigins: string[];
  /** Serve GraphiQL at /graphql to browsers. */
  graphiql: boolean;
  webDir: string;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

function port(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 65535) {
    throw new ConfigError(`${name} must be a port number between 1 and 65535; got "${raw}".`);
  }
  return value;
}

function flag(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (/^(1|true|yes)$/i.test(raw)) return true;
  if (/^(0|false|no)$/i.test(raw)) return false;
  throw new ConfigError(`${name} must be true or false; got "${raw}".`);
}

/** CORS_ORIGINS: comma-separated origins such as https://research.example.org (scheme, host, port; no path). */
export function corsOrigins(env: NodeJS.ProcessEnv): string[] {
  const raw = env.CORS_ORIGINS?.trim();
  if (!raw) return [];
  return raw.split(',').map((part) => {
    const origin = part.trim();
    let url: URL | null = null;
    try {
      url = new URL(origin);
    } catch {
      url = null;
    }
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.origin !== origin) {
      throw new ConfigError(`CORS_ORIGINS must list origins such as https://app.example.org, separated by commas; "${origin}" is not one.`);
    }
    return origin;
  });
}

const ALLOWED_SCHEMES = ['bolt', 'bolt+s', 'bolt+ssc', 'neo4j', 'neo4j+s', 'neo4j+ssc'];

export function neo4jTargetFromEnv(env: NodeJS.ProcessEnv, localHomeDefault: string, localPortDefault: number): Neo4jTarget {
  const uri = env.NEO4J_URI;
  if (uri) {
    const scheme = uri.split('://')[0] ?? '';
    if (!uri.includes('://') || !ALLOWED_SCHEMES.includes(scheme)) {
      throw new ConfigError(`NEO4J_URI must start with one of ${ALLOWED_SCHEMES.map((s) => s + '://').join(', ')}; got "${uri}".`);
    }
    return {
      kind: 'external',
      uri,
      user: env.NEO4J_USER || 'neo4j',
      password: env.NEO4J_PASSWORD ?? '',
      database: env.NEO4J_DATABASE || undefined,
    };
  }
  return {
    kind: 'local',
    homeDir: resolve(projectRoot, env.NEO4J_LOCAL_HOME || localHomeDefault),
    boltPort: port(env, 'NEO4J_LOCAL_PORT', localPortDefault),
    heap: env.NEO4J_LOCAL_HEAP || '1g',
    pageCache: env.NEO4J_LOCAL_PAGECACHE || '512m',
  };
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    host: env.HOST || '127.0.0.1',
    port: port(env, 'PORT', 4000),
    neo4j: neo4jTargetFromEnv(env, '.neo4j/dev', 7687),
    loadSeed: flag(env, 'LOAD_SEED', true),
    requireReadToken: flag(env, 'REQUIRE_READ_TOKEN', false),
    corsOrigins: corsOrigins(env),
    graphiql: flag(env, 'GRAPHIQL', false),
    webDir: resolve(projectRoot, 'web/dist'),
  };
}
