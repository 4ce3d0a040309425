// Minimal --flag value parsing for the command-line tools, with errors that name the flag.
export class UsageError extends Error {
  override name = 'UsageError';
}

export function parseFlags(argv: string[], allowed: Record<string, 'value' | 'boolean'>): Record<string, string | boolean> {
  const flags: Record<string, string | boolean> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) throw new UsageError(`Unexpected argument "${arg}".`);
    const [name, inline] = arg.slice(2).split('=', 2) as [string, string | undefined];
    const kind = allowed[name];
    if (!kind) throw new UsageError(`Unknown flag --${name}; allowed: ${Object.keys(allowed).map((f) => `--${f}`).join(', ')}.`);
    if (kind === 'boolean') flags[name] = true;
    else {
      const value = inline ?? argv[++i];
      if (value === undefined || value.startsWith('--')) throw new UsageError(`--${name} needs a value.`);
      flags[name] = value;
    }
  }
  return flags;
}
