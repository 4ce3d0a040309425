// The browser tests drive Debian's Chromium. When it is missing, `npm test` installs it if it
// can (as root, with apt-get) or stops at once with the one command to run; nothing outside
// the package registries is downloaded (no `playwright install`).
import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';

export const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/** The Chromium the browser tests launch: CHROMIUM_PATH, else Debian's. */
export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? DEBIAN_CHROMIUM;
}

export interface ChromiumFacts {
  browserTestsWanted: boolean;
  /** The browser to launch, and whether it is Debian's (the only one apt-get can put there). */
  path: string;
  hasChromium: boolean;
  isRoot: boolean;
  hasAptGet: boolean;
}

export type ChromiumAction = { kind: 'ready' } | { kind: 'install' } | { kind: 'stop'; line: string };

const SKIP_BROWSER = 'or run `npm test -- unit integration` to skip the browser tests';

/** What the runner does about Chromium before anything else starts. */
export function chromiumAction(facts: ChromiumFacts): ChromiumAction {
  if (!facts.browserTestsWanted || facts.hasChromium) return { kind: 'ready' };
  if (facts.path !== DEBIAN_CHROMIUM) {
    return { kind: 'stop', line: `CHROMIUM_PATH is ${facts.path}, which is not an executable: point it at a Chromium, ${SKIP_BROWSER}.` };
  }
  if (!facts.hasAptGet) {
    return {
      kind: 'stop',
      line: `The browser tests need Chromium at ${DEBIAN_CHROMIUM} and this machine has no apt-get: install Chromium and set CHROMIUM_PATH to it, ${SKIP_BROWSER}.`,
    };
  }
  if (!facts.isRoot) {
    return {
      kind: 'stop',
      line: `The browser tests need Debian's Chromium at ${DEBIAN_CHROMIUM}: run \`sudo apt-get install -y chromium\`, then \`npm test\` again, ${SKIP_BROWSER}.`,
    };
  }
  return { kind: 'install' };
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export function chromiumFacts(browserTestsWanted: boolean): ChromiumFacts {
  const path = chromiumPath();
  const apt = spawnSync('apt-get', ['--version'], { stdio: 'ignore' });
  return {
    browserTestsWanted,
    path,
    hasChromium: isExecutable(path),
    isRoot: process.getuid?.() === 0,
    hasAptGet: !apt.error && apt.status === 0,
  };
}

/** Runs apt-get; returns null on success, else its last line of output. */
function aptGet(args: string[]): string | null {
  const r = spawnSync('apt-get', ['-qq', '-o', 'DPkg::Lock::Timeout=300', ...args], {
    encoding: 'utf8',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    maxBuffer: 64 * 1024 * 1024,
  });
  if (!r.error && r.status === 0) return null;
  const output = `${r.stdout ?? ''}\n${r.stderr ?? ''}`.split('\n').map((l) => l.trim()).filter(Boolean);
  return `exit ${r.status ?? r.error?.message}: ${output.at(-1) ?? 'no output'}`;
}

/** Installs Debian's chromium; throws with the one line to show when that fails. */
export function installChromium(log: (line: string) => void): void {
  log(`${DEBIAN_CHROMIUM} is missing: installing Debian's chromium (apt-get update && apt-get install -y chromium)...`);
  const failed = aptGet(['update']) ?? aptGet(['install', '-y', 'chromium']);
  if (failed !== null || !isExecutable(DEBIAN_CHROMIUM)) {
    throw new Error(
      `Installing Chromium failed (${failed ?? `no ${DEBIAN_CHROMIUM} afterwards`}): run \`apt-get install -y chromium\` yourself, ${SKIP_BROWSER}.`,
    );
  }
}
