// Screening with the shipped official lists loaded onto the seed, as `npm start` serves it: a
// portfolio naming listed enterprises the way an investor's file does is matched and flagged,
// each flag with its path to the settlements and the OHCHR source it rests on.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Database } from '../../api/db/database.ts';
import type { TestApi } from '../support/api.ts';
import { closeAll, startListedApi } from '../support/seeded.ts';

let db: Database;
let api: TestApi;

before(async () => ({ db, api } = await startListedApi()));

after(() => closeAll(api, db));

const SCREEN = `mutation($content: String!) { screenPortfolio(portfolio: "lists-fund", content: $content) {
  summary { holdings exposed needsReview byConflict { key holdings } }
  holdings {
    holding { name }
    match { status entity { id name } }
    exposure { harms { harm { id } } bestPath { nodes { id } hops { claim { status sources { id url licence } } } } }
  } } }`;

const INVESTOR_NAMES: [string, string][] = [
  ['Booking Holdings Inc', 'booking-holdings-inc'],
  ['Motorola Solutions Inc', 'motorola-solutions-inc'],
  ['Heidelberg Materials AG', 'heidelberg-materials-ag'],
  ['Expedia Group', 'expedia-group-inc'],
];

test('listed enterprises named as an investor names them are matched and flagged, each with its path and source', async () => {
  const content = ['name,weight', ...INVESTOR_NAMES.map(([name]) => `${name},25`)].join('\n');
  const res = await api.gql(SCREEN, { content });
  assert.equal(res.errors, undefined, JSON.stringify(res.errors));
  const s = res.data!.screenPortfolio;
  for (const [name, id] of INVESTOR_NAMES) {
    const h = s.holdings.find((x: any) => x.holding.name === name);
    assert.equal(h.match.status, 'MATCHED', `${name}: ${JSON.stringify(h.match)}`);
    assert.equal(h.match.entity.id, id);
    assert.ok(h.exposure, `${name} is flagged`);
    assert.ok(h.exposure.harms.some((x: any) => x.harm.id === 'settlements-opt'), `${name} reaches the settlements`);
    const path = h.exposure.bestPath;
    assert.equal(path.nodes[0].id, id);
    assert.equal(path.nodes.at(-1).id, 'settlements-opt');
    const listing = path.hops.at(-1).claim;
    assert.equal(listing.status, 'OFFICIALLY_LISTED');
    assert.deepEqual(listing.sources.map((x: any) => [x.id, x.url, x.licence]), [['src-ohchr-bhr-database', 'https://www.ohchr.org/en/business/bhr-database', 'A public UN document; cite OHCHR as the source.']]);
  }
  assert.equal(s.summary.exposed, 4);
  assert.equal(s.summary.needsReview, 0);
  assert.deepEqual(s.summary.byConflict.find((c: any) => c.key === 'settlements-opt')?.holdings, 4);
});
