// The FollowTheMoney export is checked with FtM's own model: the `followthemoney` package from
// PyPI, pinned, in a virtual environment under .cache/ (never the system's Python). `npm test`
// installs it there the first time (a couple of minutes: one of its dependencies, PyICU,
// compiles against Debian's libicu-dev); as root with apt-get it also installs the Debian
// packages the install needs when they are missing. FTM_PYTHON names a Python that already has
// it. When none of that can work, the FtM test skips with the reason and the command to run.
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../api/config.ts';

export const FTM_VERSION = '4.11.2';
export const FTM_VENV = join(projectRoot, '.cache', 'ftm-venv');
export const FTM_CHECKER = join(projectRoot, 'tests', 'support', 'ftm_check.py');
const MARKER = join(FTM_VENV, `.followthemoney-${FTM_VERSION}`);
/** What apt-get installs when the venv or the build of PyICU fails. */
const DEBIAN_PACKAGES = ['python3', 'python3-venv', 'python3-dev', 'libicu-dev', 'pkg-config', 'g++'];

export type FtmSetup = { ok: true; python: string } | { ok: false; reason: string };

interface Run {
  ok: boolean;
  last: string;
}

function run(command: string, args: string[]): Run {
  const r = spawnSync(command, args, {
    encoding: 'utf8',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive', PIP_DISABLE_PIP_VERSION_CHECK: '1' },
    maxBuffer: 64 * 1024 * 1024,
  });
  const output = `${r.stdout ?? ''}\n${r.stderr ?? ''}`.split('\n').map((l) => l.trim()).filter(Boolean);
  return { ok: !r.error && r.status === 0, last: r.error ? r.error.message : (output.at(-1) ?? `exit ${r.status}`) };
}

function hasFollowTheMoney(python: string): boolean {
  return run(python, ['-c', `import followthemoney, sys; sys.exit(0 if followthemoney.__version__ == "${FTM_VERSION}" else 1)`]).ok;
}

function canAptGet(): boolean {
  return process.getuid?.() === 0 && run('apt-get', ['--version']).ok;
}

function aptInstall(log: (line: string) => void): boolean {
  log(`installing ${DEBIAN_PACKAGES.join(' ')} with apt-get for the FollowTheMoney check...`);
  const lock = ['-qq', '-o', 'DPkg::Lock::Timeout=300'];
  return run('apt-get', [...lock, 'update']).ok && run('apt-get', [...lock, 'install', '-y', ...DEBIAN_PACKAGES]).ok;
}

function installOnce(python: string): Run {
  if (!existsSync(python)) {
    const venv = run('python3', ['-m', 'venv', FTM_VENV]);
    if (!venv.ok) return { ok: false, last: `python3 -m venv: ${venv.last}` };
  }
  const pip = run(python, ['-m', 'pip', 'install', '--quiet', `followthemoney==${FTM_VERSION}`]);
  return pip.ok ? pip : { ok: false, last: `pip install followthemoney==${FTM_VERSION}: ${pip.last}` };
}

/** A Python with followthemoney FTM_VERSION, installing it into .cache/ftm-venv when needed. */
export function ensureFollowTheMoney(log: (line: string) => void = () => {}): FtmSetup {
  const given = process.env.FTM_PYTHON;
  if (given) {
    return hasFollowTheMoney(given)
      ? { ok: true, python: given }
      : { ok: false, reason: `FTM_PYTHON is ${given}, which cannot import followthemoney ${FTM_VERSION}: run \`${given} -m pip install followthemoney==${FTM_VERSION}\`.` };
  }
  const python = join(FTM_VENV, 'bin', 'python');
  if (existsSync(MARKER) && hasFollowTheMoney(python)) return { ok: true, python };
  log(`installing followthemoney ${FTM_VERSION} from PyPI into .cache/ftm-venv (once; a few minutes)...`);
  let attempt = installOnce(python);
  if (!attempt.ok && canAptGet() && aptInstall(log)) attempt = installOnce(python);
  if (!attempt.ok || !hasFollowTheMoney(python)) {
    const hint = canAptGet() ? '' : ` As root: \`apt-get install -y ${DEBIAN_PACKAGES.join(' ')}\`, then \`npm test\` again.`;
    return { ok: false, reason: `could not install followthemoney ${FTM_VERSION} into .cache/ftm-venv (${attempt.last}).${hint}` };
  }
  writeFileSync(MARKER, `followthemoney ${FTM_VERSION}\n`);
  return { ok: true, python };
}

export interface FtmProblem {
  line: number;
  id: string | null;
  schema: string | null;
  problem: string;
}

/** Runs FtM's strict checks (ftm_check.py) over FtM JSON lines; every problem found. */
export function checkWithFollowTheMoney(python: string, jsonLines: string): { checked: number; problems: FtmProblem[] } {
  const r = spawnSync(python, [FTM_CHECKER], { input: jsonLines, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (r.error || r.status !== 0) throw new Error(`ftm_check.py failed: ${r.error?.message ?? r.stderr}`);
  const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
  const summary = lines.pop() as { checked: number; problems: number };
  const problems = lines as unknown as FtmProblem[];
  if (summary.problems !== problems.length) throw new Error('ftm_check.py printed a summary that does not match its problems');
  return { checked: summary.checked, problems };
}
