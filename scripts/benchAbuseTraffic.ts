// The traffic of bench:abuse: the API server in a child process, timed GraphQL POSTs to it on
// 127.0.0.1, the plain client's sequential requests, the attackers' loops beside them, and the
// figures drawn from what they got. Every loop is bounded in requests and in time.
import { fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface Outcome {
  ms: number;
  /** The HTTP status; or timeout (the request's own), aborted (cut at the end of a scenario), network. */
  status: string;
  bytes: number;
  /** extensions.code of each error; NO_CODE for an error without one. */
  codes: string[];
  /** The first error's message, shortened. */
  message: string | null;
  /** The response has a data entry (null or not): it ran. GraphQL leaves it out when a request is refused before execution. */
  executed: boolean;
}

export const ok = (o: Outcome) => o.status === '200' && o.codes.length === 0;

/** Bytes of a response kept for reading its errors: a GraphQL response lists them first. */
const HEAD_BYTES = 256 * 1024;

function summarise(head: string, complete: boolean): Pick<Outcome, 'codes' | 'message' | 'executed'> {
  const short = (m: string | null | undefined) => (m ? m.replace(/\s+/g, ' ').slice(0, 140) : null);
  if (complete) {
    try {
      const json = JSON.parse(head) as { data?: unknown; errors?: { message?: string; extensions?: { code?: string } }[] };
      const errors = json.errors ?? [];
      return { codes: errors.map((e) => e.extensions?.code ?? 'NO_CODE'), message: short(errors[0]?.message), executed: 'data' in json };
    } catch {
      return { codes: ['NOT_JSON'], message: short(head), executed: false };
    }
  }
  const codes = [...head.matchAll(/"code":"([A-Za-z_]+)"/g)].map((m) => m[1]!);
  const message = /"message":"((?:[^"\\]|\\.){0,300})/.exec(head)?.[1];
  return { codes, message: short(message), executed: /"data":/.test(head) };
}

/**
 * POSTs a GraphQL body and times it to the last byte. The body is streamed and only its head
 * kept, so a client reading a 50 MB answer does not stall the loop the plain client runs on.
 */
export async function post(url: string, body: string, timeoutMs: number, stop?: AbortSignal): Promise<Outcome> {
  const began = performance.now();
  const signals = [AbortSignal.timeout(timeoutMs), ...(stop ? [stop] : [])];
  const signal = AbortSignal.any(signals);
  let bytes = 0;
  try {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body, signal });
    let head = '';
    const decoder = new TextDecoder();
    const reader = response.body?.getReader();
    for (let chunk = await reader?.read(); chunk && !chunk.done; chunk = await reader!.read()) {
      bytes += chunk.value.length;
      if (head.length < HEAD_BYTES) head += decoder.decode(chunk.value, { stream: true });
    }
    return { ms: performance.now() - began, status: String(response.status), bytes, ...summarise(head, bytes <= HEAD_BYTES) };
  } catch (error) {
    const status = stop?.aborted ? 'aborted' : signal.aborted ? 'timeout' : 'network';
    return { ms: performance.now() - began, status, bytes, codes: [], message: status === 'network' ? String((error as Error).cause ?? error) : null, executed: false };
  }
}

export function percentile(sorted: readonly number[], p: number): number {
  return sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export interface Latency {
  n: number;
  p50: number;
  p95: number;
  max: number;
  /** Requests that did not come back as a clean 200 (errors, timeouts, no answer). */
  failed: number;
}

/** Every request counts, failed ones too: a plain request that waited 13 s and failed waited 13 s. */
export function latency(outcomes: readonly Outcome[]): Latency {
  const ms = outcomes.map((o) => o.ms).sort((a, b) => a - b);
  return { n: ms.length, p50: percentile(ms, 50), p95: percentile(ms, 95), max: ms.at(-1) ?? NaN, failed: outcomes.filter((o) => !ok(o)).length };
}

/** "200 ×3, timeout ×1" */
export function tally(values: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ×${n}`).join(', ') || 'none';
}

/** Sequential requests until `more` says stop; at most `max` of them. */
export async function sequential(send: () => Promise<Outcome>, more: (done: Outcome[]) => boolean, max: number): Promise<Outcome[]> {
  const done: Outcome[] = [];
  while (done.length < max && more(done)) done.push(await send());
  return done;
}

export interface AttackWindow {
  /** Attackers start requests for this long... */
  durationMs: number;
  /** ...and what is still running this much later is cut off. */
  graceMs: number;
  /** The bound on any one request. */
  timeoutMs: number;
  /** At most this many requests per attacking client. */
  maxRequests: number;
}

export interface UnderAttack {
  attacker: Outcome[];
  plain: Outcome[];
  windowMs: number;
}

/** `clients` attackers each sending `body(client)` in a loop, and the plain client beside them until the last attacker stops. */
export async function underAttack(
  url: string,
  clients: number,
  body: (client: number) => string,
  plainBody: string,
  w: AttackWindow,
  alive: () => boolean,
): Promise<UnderAttack> {
  const began = performance.now();
  const stop = new AbortController();
  const cutOff = setTimeout(() => stop.abort(), w.durationMs + w.graceMs);
  const attacker: Outcome[] = [];
  let attacking = clients;
  const loops = Array.from({ length: clients }, async (_, client) => {
    const text = body(client);
    for (let i = 0; i < w.maxRequests && performance.now() - began < w.durationMs && !stop.signal.aborted && alive(); i++) {
      attacker.push(await post(url, text, w.timeoutMs, stop.signal));
    }
    attacking--;
  });
  // The attackers get a head start of a few milliseconds so the plain client meets them.
  await new Promise((resolve) => setTimeout(resolve, 20));
  const plain = await sequential(() => post(url, plainBody, w.timeoutMs), () => attacking > 0 && alive(), 100_000);
  await Promise.all(loops);
  clearTimeout(cutOff);
  return { attacker, plain, windowMs: performance.now() - began };
}

/**
 * How long after the attackers left the plain client was back to normal: the start of the
 * first of five requests in a row under `normalMs`; null if not within `capMs`. Work an
 * attacker left behind shows here.
 */
export async function recovery(
  url: string,
  plainBody: string,
  normalMs: number,
  capMs: number,
  timeoutMs: number,
  alive: () => boolean,
): Promise<{ afterMs: number | null; plain: Outcome[] }> {
  const began = performance.now();
  let streakStart: number | null = null;
  let streak = 0;
  const plain = await sequential(
    async () => {
      const at = performance.now() - began;
      const o = await post(url, plainBody, Math.min(timeoutMs, capMs));
      if (ok(o) && o.ms <= normalMs) {
        streakStart ??= at;
        streak++;
      } else [streakStart, streak] = [null, 0];
      return o;
    },
    () => streak < 5 && performance.now() - began < capMs && alive(),
    100_000,
  );
  return { afterMs: streak >= 5 ? streakStart : null, plain };
}

export interface BenchServer {
  url: string;
  pid: number;
  /** Why it exited, if it did. */
  exited(): string | null;
  /** Its peak resident memory (VmHWM), in MB. */
  peakRssMb(): number | null;
  /** Lines it logged (errors and warnings), the first of them and the last. */
  log: { lines: number; first: string | null; last: string[] };
  stop(): Promise<void>;
}

const serverEntry = fileURLToPath(new URL('./benchAbuseServer.ts', import.meta.url));

/** Starts the API server in a child process (through tsx, as this script runs) on the Neo4j at `boltUri`. */
export function startServer(boltUri: string): Promise<BenchServer> {
  const child = fork(serverEntry, [boltUri], { execArgv: process.execArgv, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
  const log = { lines: 0, first: null as string | null, last: [] as string[] };
  const keep = (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n').filter(Boolean)) {
      log.lines++;
      log.first ??= line.slice(0, 200);
      log.last = [...log.last.slice(-2), line.slice(0, 200)];
    }
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  let exit: string | null = null;
  const gone = new Promise<void>((resolve) => child.once('exit', (code, signal) => ((exit = signal ? `killed by ${signal}` : `exit code ${code}`), resolve())));
  return new Promise((resolve, reject) => {
    const late = setTimeout(() => reject(new Error('The bench server did not start within 60 s.')), 60_000);
    void gone.then(() => reject(new Error(`The bench server exited on start (${exit}): ${log.last.join(' | ')}`)));
    child.once('message', (m: { port: number }) => {
      clearTimeout(late);
      resolve({
        url: `http://127.0.0.1:${m.port}/graphql`,
        pid: child.pid!,
        exited: () => exit,
        peakRssMb() {
          try {
            const kb = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1];
            return kb ? Math.round(Number(kb) / 1024) : null;
          } catch {
            return null;
          }
        },
        log,
        async stop() {
          if (exit === null) child.kill('SIGKILL');
          await gone;
        },
      });
    });
  });
}
