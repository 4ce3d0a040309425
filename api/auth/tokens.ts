// API tokens: random secrets shown once at creation and stored only as SHA-256 hashes.
import { createHash, randomBytes } from 'node:crypto';
import type { Database } from '../db/database.ts';
import type { Role, Viewer } from '../context.ts';

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

export async function createToken(db: Database, name: string, role: Role): Promise<string> {
  if (!NAME_PATTERN.test(name)) {
    throw new Error(`Token name "${name}" must be 1-64 letters, digits, ".", "_", "@" or "-".`);
  }
  const existing = await db.read('auth/token-by-name', { name });
  if (existing.length > 0) throw new Error(`A token named "${name}" already exists; revoke it first or pick another name.`);
  const secret = newTokenSecret();
  await db.write('auth/create-token', { name, role, hash: hashToken(secret), createdAt: new Date().toISOString() });
  return secret;
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
