// Every export carries the attribution (publisher) and terms of every source it contains: with
// the shipped lists loaded, a subgraph around a listed enterprise exported in each format holds
// OHCHR as publisher and its terms, and a seed source without stated terms carries none.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Database } from '../../api/db/database.ts';
import type { TestApi } from '../support/api.ts';
import { closeAll, startListedApi } from '../support/seeded.ts';

let db: Database;
let api: TestApi;

before(async () => ({ db, api } = await startListedApi()));
after(() => closeAll(api, db));

const EXPORT = `query($f: ExportFormat!) { exportGraph(format: $f, ids: ["airbnb-inc", "settlements-opt", "hikvision", "us-fcc"]) { files { name content } sources } }`;

for (const format of ['JSON', 'CSV', 'GRAPHML', 'GEXF', 'FTM', 'CYPHER']) {
  test(`a ${format} export names each source's publisher and its terms`, async () => {
    const res = await api.gql(EXPORT, { f: format });
    assert.equal(res.errors, undefined, JSON.stringify(res.errors));
    const text = res.data!.exportGraph.files.map((f: { content: string }) => f.content).join('\n');
    assert.ok(res.data!.exportGraph.sources >= 2);
    // XML and Cypher escape quotes and semicolons their own way; the words are there either way.
    for (const words of ['Office of the United Nations High Commissioner for Human Rights (OHCHR)', 'A public UN document', 'cite OHCHR as the source', 'US Federal Communications Commission (FCC)', 'A US government work']) {
      assert.ok(text.includes(words), `${format} holds "${words}"`);
    }
  });
}
