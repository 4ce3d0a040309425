// The API server of bench:abuse, in a process of its own: the bench's clients must not share
// its event loop (their timings would include the server's work and the server's would include
// theirs), and the bench kills it between scenarios so that work an attacker left running
// cannot spill into the next one. It is built as `npm start` builds it (the app's config and
// the driver's defaults), on the Neo4j at argv[2], and tells its parent its port.
import type { AddressInfo } from 'node:net';
import { loadConfig } from '../api/config.ts';
import { connect } from '../api/db/connect.ts';
import { createServer } from '../api/server.ts';

const uri = process.argv[2];
if (!uri || !process.send) throw new Error('benchAbuseServer is started by scripts/bench-abuse.ts with the Bolt URI of its Neo4j.');
const connection = await connect({ kind: 'external', uri, user: 'neo4j', password: '' });
// Anonymous readers are the attackers here, so reads never need a token.
const server = createServer({ ...loadConfig(), db: connection.db, requireReadToken: false });
server.listen(0, '127.0.0.1', () => process.send!({ port: (server.address() as AddressInfo).port }));
// It ends with the bench, however the bench ends.
process.on('disconnect', () => process.exit(0));
