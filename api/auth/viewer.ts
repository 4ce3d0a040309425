// Works out who is asking from the Authorization header, and guards what needs a role.
import { GraphQLError } from 'graphql';
import type { ApiContext, Viewer } from '../context.ts';
import type { Database } from '../db/database.ts';
import { viewerForToken } from './tokens.ts';

const ANONYMOUS: Viewer = { name: null, role: 'anonymous' };
const HOW_TO = 'Create one with `npm run token -- create --name NAME --role editor` and send it as "Authorization: Bearer TOKEN".';

function unauthenticated(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
}

export async function viewerFromHeader(db: Database, header: string | null, requireReadToken: boolean): Promise<Viewer> {
  if (!header) {
    if (requireReadToken) throw unauthenticated(`This server needs a token for every request, reads included: a reader's or an editor's, sent as "Authorization: Bearer TOKEN" (\`npm run token -- create --name NAME --role reader\` makes one).`);
    return ANONYMOUS;
  }
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  if (!match) throw unauthenticated('The Authorization header must be "Bearer TOKEN".');
  const viewer = await viewerForToken(db, match[1]!);
  if (!viewer) throw unauthenticated('The token is unknown or has been revoked.');
  return viewer;
}

/** Writes need a token with the editor role; returns the editor's name for the audit trail. */
export function requireEditor(ctx: ApiContext): string {
  if (ctx.viewer.role === 'editor') return ctx.viewer.name;
  const who = ctx.viewer.role === 'anonymous' ? 'No token was sent' : `The token "${ctx.viewer.name}" has the ${ctx.viewer.role} role`;
  throw new GraphQLError(`${who}; changing the graph needs a token with the editor role. ${HOW_TO}`, {
    extensions: { code: 'FORBIDDEN', http: { status: 403 } },
  });
}
