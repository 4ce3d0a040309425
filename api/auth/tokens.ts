// API tokens: random secrets shown once at creation and stored only as SHA-256 hashes.
import { createHash, randomBytes } from 'node:crypto';
import type { Database } from '../db/database.ts';
import type { Role, Viewer } from '../context.ts';
import { unlessTaken } from '../uniqueness.ts';

export interface TokenInfo {
  name: string;
  role: Role;
  createdAt: string;
  revokedAt: string | null;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function newTokenSecret(): string {
  return `cl_${randomBytes(24).toString('base64url')}`;
}

const NAME_PATTERN = /^[A-Za-z0-9._@-]{1,64}$/;

/** A name another token holds (active or revoked), or that another write has just taken. */
export class TokenNameTaken extends Error {
  override name = 'TokenNameTaken';
}

/** Checks and creates in one write transaction; the api_token_name constraint settles a race. */
export async function createToken(db: Database, name: string, role: Role): Promise<string> {
  if (!NAME_PATTERN.test(name)) {
    throw new Error(`Token name "${name}" must be 1-64 letters, digits, ".", "_", "@" or "-".`);
  }
  const secret = newTokenSecret();
  const active = () => new TokenNameTaken(`A token named "${name}" already exists; pick another name.`);
  await db.writeTransaction(async (run) => {
    const [holder] = await run('auth/token-by-name', { name });
    if (holder?.revokedAt) {
      throw new TokenNameTaken(`The name "${name}" was used by a token revoked on ${String(holder.revokedAt)}; names are not reused (the audit trail names writers by them), so pick another.`);
    }
    if (holder) throw active();
    await unlessTaken(run('auth/create-token', { name, role, hash: hashToken(secret), createdAt: new Date().toISOString() }), active);
  });
  return secret;
}

/**
 * Refuses a database where several tokens share a name (possible before names were unique):
 * the schema's api_token_name constraint cannot be created there. Run before applying it.
 */
export async function refuseDuplicateTokenNames(db: Database): Promise<void> {
  const rows = await db.read('auth/duplicate-names');
  if (rows.length === 0) return;
  const held = rows.map((r) => `"${String(r.name)}" (${Number(r.tokens)} tokens, ${Number(r.revoked)} revoked)`).join(', ');
  throw new TokenNameTaken(
    `Token names must be unique, but these are each held by more than one token: ${held}. ` +
      'Rename all but one of each (revoked ones first), e.g. in cypher-shell: ' +
      'MATCH (t:ApiToken {name: "NAME"}) WHERE t.revokedAt IS NOT NULL SET t.name = t.name + "-revoked-" + t.createdAt; then start again.',
  );
}

export async function listTokens(db: Database): Promise<TokenInfo[]> {
  return (await db.read('auth/list-tokens')).map((row) => row.token as TokenInfo);
}

export async function revokeToken(db: Database, name: string): Promise<boolean> {
  const rows = await db.write('auth/revoke-token', { name, revokedAt: new Date().toISOString() });
  return rows.length > 0;
}

/** The viewer a bearer token stands for, or null when it is unknown or revoked. */
export async function viewerForToken(db: Database, token: string): Promise<Viewer | null> {
  const [row] = await db.read('auth/token-by-hash', { hash: hashToken(token) });
  if (!row) return null;
  return { name: row.name as string, role: row.role as Role };
}
