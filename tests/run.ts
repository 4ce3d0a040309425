// `npm test`: starts the project's own Neo4j once for the whole run (on its own port and
// data folder, never the app's), gets Chromium for the browser tests if it is missing (see
// support/chromium.ts) and FollowTheMoney for the FtM export test (support/followthemoney.ts),
// builds the web app, then runs every test file with node's test
// runner. `npm test -- unit` runs the unit tests alone, with neither Neo4j nor Chromium.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../api/config.ts';
import { LocalNeo4jError, startLocalNeo4j, type RunningNeo4j } from '../api/db/localNeo4j.ts';
import { chromiumAction, chromiumFacts, installChromium } from './support/chromium.ts';
import { ensureFollowTheMoney } from './support/followthemoney.ts';

const args = process.argv.slice(2).filter((a) => !a.startsWith('-'));
// `npm test -- tests/integration/x.test.ts` runs one file; `npm test -- unit` one suite.
const named = args.filter((a) => a.endsWith('.test.ts'));
const suites = args.filter((a) => !a.endsWith('.test.ts'));
const wanted = named.length > 0 ? [...new Set(named.map((f) => f.split('/')[1] ?? 'unit'))] : suites.length > 0 ? suites : ['unit', 'integration', 'browser'];

function testFiles(suite: string): string[] {
  const dir = join(projectRoot, 'tests', suite);
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.test.ts'))
    .sort()
    .map((f) => join('tests', suite, f));
}

const files = named.length > 0 ? named : wanted.flatMap(testFiles);
const needsNeo4j = wanted.some((s) => s !== 'unit');
const log = (line: string) => console.log(`[test] ${line}`);

let neo4j: RunningNeo4j | undefined;
const env: NodeJS.ProcessEnv = { ...process.env };
// Tests wipe their database: never let them near one named by NEO4J_URI.
delete env.NEO4J_URI;

async function main(): Promise<number> {
  // Decided before anything slow starts, so a run that cannot get Chromium stops at once.
  const chromium = chromiumAction(chromiumFacts(wanted.includes('browser')));
  if (chromium.kind === 'stop') throw new Error(chromium.line);
  if (needsNeo4j && !process.env.NEO4J_TEST_URI) {
    // NEO4J_TEST_HOME and NEO4J_TEST_PORT let two runs share a machine without colliding.
    const home = process.env.NEO4J_TEST_HOME ?? join(projectRoot, '.neo4j/test');
    rmSync(join(home, 'data'), { recursive: true, force: true });
    // Its first checks are Java and Maven, with their own messages: still before anything slow.
    neo4j = await startLocalNeo4j({ homeDir: home, boltPort: Number(process.env.NEO4J_TEST_PORT ?? 7697), heap: '1g', log }).catch((error: unknown) => {
      if (!(error instanceof LocalNeo4jError)) throw error;
      throw new Error(`${error.message} (For the tests: NEO4J_TEST_URI names an existing Neo4j; \`npm test -- unit\` needs none.)`);
    });
    env.NEO4J_TEST_URI = neo4j.uri;
  }
  if (chromium.kind === 'install') installChromium(log);
  if (wanted.includes('browser')) {
    log('building the web app for the browser tests...');
    const build = spawnSync('npx', ['vite', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], {
      cwd: projectRoot,
      stdio: 'inherit',
    });
    if (build.status !== 0) throw new Error('vite build failed');
  }
  // FollowTheMoney's own model checks the FtM export; installed here once, like Chromium.
  if (files.some((f) => f.includes('ftm-validation'))) {
    const ftm = ensureFollowTheMoney(log);
    if (ftm.ok) env.FTM_PYTHON = ftm.python;
    else {
      log(`the FollowTheMoney validation will be skipped: ${ftm.reason}`);
      env.FTM_UNAVAILABLE = ftm.reason;
    }
  }
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', '--test', '--test-concurrency=1', '--test-timeout=300000', ...files],
    { cwd: projectRoot, env, stdio: 'inherit' },
  );
  return new Promise((done) => child.once('exit', (code) => done(code ?? 1)));
}

let exitCode = 1;
try {
  exitCode = await main();
} catch (error) {
  console.error(`[test] ${(error as Error).message}`);
} finally {
  if (neo4j) await neo4j.stop();
}
process.exit(exitCode);
