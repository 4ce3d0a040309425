// Fetches (through Maven), configures, starts and stops the project's own Neo4j Community
// server. Used only when NEO4J_URI is not set: then the app and the tests run on a real
// Neo4j 5.26 LTS that listens on 127.0.0.1 alone.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync, openSync, closeSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { removePidFile, stopLeftoverNeo4j, writePidFile } from './neo4jPidFile.ts';

export class LocalNeo4jError extends Error {
  override name = 'LocalNeo4jError';
}

export interface LocalNeo4jOptions {
  /** Folder holding data, logs and config; survives restarts. */
  homeDir: string;
  boltPort: number;
  heap?: string;
  pageCache?: string;
  log?: (line: string) => void;
}

export interface Neo4jExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface RunningNeo4j {
  uri: string;
  pid: number;
  /** Settles when the process exits, whether stop() asked it to or not. */
  exited: Promise<Neo4jExit>;
  stop(): Promise<void>;
}

const projectRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const pomPath = join(projectRoot, 'scripts/neo4j/pom.xml');
const cacheDir = join(projectRoot, '.cache');

function which(cmd: string, versionFlag: string): boolean {
  const r = spawnSync(cmd, [versionFlag], { stdio: 'ignore' });
  return !r.error && r.status === 0;
}

/** Resolves the server's classpath with Maven once per pom version; later runs reuse it. */
export function resolveNeo4jClasspath(log: (line: string) => void = () => {}): string {
  const pom = readFileSync(pomPath, 'utf8');
  const key = createHash('sha256').update(pom).digest('hex').slice(0, 12);
  const cpFile = join(cacheDir, `neo4j-classpath-${key}.txt`);
  if (existsSync(cpFile)) {
    const cp = readFileSync(cpFile, 'utf8').trim();
    if (cp.split(':').every((jar) => existsSync(jar))) return cp;
  }
  if (!which('mvn', '--version')) {
    throw new LocalNeo4jError(
      'Maven (mvn) was not found on PATH. It is needed once to fetch Neo4j from Maven Central: ' +
        'install it (e.g. apt-get install maven) or set NEO4J_URI to use an existing Neo4j.',
    );
  }
  mkdirSync(cacheDir, { recursive: true });
  log('Fetching Neo4j 5.26 from Maven Central (first run only; this can take several minutes)...');
  const r = spawnSync(
    'mvn',
    ['-q', '-B', '-f', pomPath, 'dependency:build-classpath', `-Dmdep.outputFile=${cpFile}`],
    { stdio: ['ignore', 'inherit', 'inherit'] },
  );
  if (r.status !== 0 || !existsSync(cpFile)) {
    throw new LocalNeo4jError(
      `Maven could not resolve the Neo4j server artifacts (exit ${r.status}). ` +
        'Check that Maven Central is reachable, or set NEO4J_URI to use an existing Neo4j.',
    );
  }
  return readFileSync(cpFile, 'utf8').trim();
}

function assertJava17(): void {
  const r = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (r.error) {
    throw new LocalNeo4jError(
      'Java was not found on PATH. Neo4j 5.26 needs Java 17 (e.g. apt-get install openjdk-17-jre-headless), ' +
        'or set NEO4J_URI to use an existing Neo4j.',
    );
  }
  const match = /version "(\d+)/.exec(r.stderr ?? '');
  const major = match ? Number(match[1]) : NaN;
  if (major !== 17 && major !== 21) {
    throw new LocalNeo4jError(`Neo4j 5.26 needs Java 17 or 21; found "${match?.[0] ?? 'unknown'}".`);
  }
}

async function portIsFree(port: number): Promise<boolean> {
  return new Promise((done) => {
    const server = createServer();
    server.once('error', () => done(false));
    server.listen(port, '127.0.0.1', () => server.close(() => done(true)));
  });
}

export async function boltAnswers(port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = createConnection({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      done(true);
    });
    socket.once('error', () => done(false));
  });
}

function writeConfig(opts: LocalNeo4jOptions): string {
  const confDir = join(opts.homeDir, 'conf');
  for (const dir of ['conf', 'data', 'logs', 'plugins', 'import', 'run']) {
    mkdirSync(join(opts.homeDir, dir), { recursive: true });
  }
  const lines = [
    '# Written by conflict-links on every start; edit api/db/localNeo4j.ts instead.',
    'server.default_listen_address=127.0.0.1',
    `server.bolt.listen_address=127.0.0.1:${opts.boltPort}`,
    'server.bolt.tls_level=DISABLED',
    'server.http.enabled=false',
    'server.https.enabled=false',
    // Loopback only and owned by this project: no password to manage.
    'dbms.security.auth_enabled=false',
    'dbms.usage_report.enabled=false',
    `server.directories.data=${join(opts.homeDir, 'data')}`,
    `server.directories.logs=${join(opts.homeDir, 'logs')}`,
    `server.directories.plugins=${join(opts.homeDir, 'plugins')}`,
    `server.directories.import=${join(opts.homeDir, 'import')}`,
    `server.directories.run=${join(opts.homeDir, 'run')}`,
    `server.memory.pagecache.size=${opts.pageCache ?? '512m'}`,
    'db.transaction.timeout=60s',
  ];
  writeFileSync(join(confDir, 'neo4j.conf'), lines.join('\n') + '\n');
  return confDir;
}

const SETPRIV = '/usr/bin/setpriv';
let canSetDeathSignal: boolean | undefined;

/**
 * The command that runs `args` so that it gets SIGTERM when this process dies, even by
 * SIGKILL (setpriv --pdeathsig, util-linux); without setpriv, the plain command, and the
 * pid file lets the next start stop a Neo4j left behind.
 */
function diesWithThisProcess(args: string[], log: (line: string) => void): [string, string[]] {
  if (canSetDeathSignal === undefined) {
    canSetDeathSignal = existsSync(SETPRIV) && spawnSync(SETPRIV, ['--pdeathsig', 'TERM', '--', 'true']).status === 0;
    if (!canSetDeathSignal) log(`${SETPRIV} (util-linux) is missing: if the app is killed outright, its Neo4j keeps running until the next start stops it.`);
  }
  return canSetDeathSignal ? [SETPRIV, ['--pdeathsig', 'TERM', '--', ...args]] : [args[0]!, args.slice(1)];
}

/** Starts Neo4j and resolves once Bolt accepts connections. */
export async function startLocalNeo4j(opts: LocalNeo4jOptions): Promise<RunningNeo4j> {
  const log = opts.log ?? (() => {});
  assertJava17();
  await stopLeftoverNeo4j(resolve(opts.homeDir), log);
  if (!(await portIsFree(opts.boltPort))) {
    throw new LocalNeo4jError(
      `Port ${opts.boltPort} on 127.0.0.1 is already in use, so the local Neo4j cannot listen there. ` +
        'Stop whatever holds it, choose another port with NEO4J_LOCAL_PORT, or set NEO4J_URI to use that server.',
    );
  }
  const classpath = resolveNeo4jClasspath(log);
  const homeDir = resolve(opts.homeDir);
  const confDir = writeConfig({ ...opts, homeDir });
  const consoleLog = join(homeDir, 'logs', 'console.log');
  const out = openSync(consoleLog, 'w');
  const heap = opts.heap ?? '1g';
  const [command, args] = diesWithThisProcess(
    [
      'java',
      `-Xms${heap}`,
      `-Xmx${heap}`,
      '-XX:+UseG1GC',
      '--add-opens=java.base/java.nio=ALL-UNNAMED',
      '--add-opens=java.base/java.lang=ALL-UNNAMED',
      '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
      '-Dfile.encoding=UTF-8',
      '-cp',
      classpath,
      'org.neo4j.server.CommunityEntryPoint',
      `--home-dir=${homeDir}`,
      `--config-dir=${confDir}`,
    ],
    log,
  );
  const child: ChildProcess = spawn(command, args, { stdio: ['ignore', out, out] });
  closeSync(out);
  const failed = new Promise<string>((done) => child.on('error', (error) => done(error.message)));
  if (child.pid === undefined) throw new LocalNeo4jError(`Could not start ${command}: ${await failed}`);
  const pid = child.pid;
  // setpriv execs java in place, so this pid is Neo4j's own.
  writePidFile(homeDir, pid);
  let exited: number | null = null;
  const exitedOnce = new Promise<Neo4jExit>((done) =>
    child.once('exit', (code, signal) => {
      exited = code ?? -1;
      removePidFile(homeDir, pid);
      done({ code, signal });
    }),
  );
  log(`Starting Neo4j on bolt://127.0.0.1:${opts.boltPort} (data in ${join(homeDir, 'data')})...`);

  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (exited !== null) throw new LocalNeo4jError(explainFailedStart(homeDir, exited));
    if (await boltAnswers(opts.boltPort)) {
      log('Neo4j is ready.');
      return { uri: `bolt://127.0.0.1:${opts.boltPort}`, pid, exited: exitedOnce, stop: () => stopProcess(child) };
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  await stopProcess(child);
  throw new LocalNeo4jError(`Neo4j did not open Bolt within 180 s; see ${join(homeDir, 'logs')}.`);
}

function explainFailedStart(homeDir: string, code: number): string {
  const text = ['console.log', 'neo4j.log', 'debug.log']
    .map((f) => join(homeDir, 'logs', f))
    .filter(existsSync)
    .map((f) => readFileSync(f, 'utf8'))
    .join('\n');
  if (/lock/i.test(text) && /(another process|FileLockException|locked)/i.test(text)) {
    return (
      `The Neo4j data folder ${join(homeDir, 'data')} is locked by another process ` +
      '(probably another conflict-links or Neo4j still running on it). Stop that process first.'
    );
  }
  if (/Address already in use|BindException/i.test(text)) {
    return 'Neo4j could not bind its port: it is already in use. Choose another with NEO4J_LOCAL_PORT.';
  }
  const tail = text.split('\n').filter((l) => /ERROR|Exception/.test(l)).slice(-5).join('\n');
  return `Neo4j exited during start-up (code ${code}). Last errors:\n${tail || '(none logged)'}\nLogs: ${join(homeDir, 'logs')}`;
}

function stopProcess(child: ChildProcess): Promise<void> {
  return new Promise((done) => {
    if (child.exitCode !== null || child.signalCode !== null) return done();
    const killer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.once('exit', () => {
      clearTimeout(killer);
      done();
    });
    child.kill('SIGTERM');
  });
}
