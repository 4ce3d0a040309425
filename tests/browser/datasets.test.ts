// The Data panel in headless Chromium, with the shipped lists loaded as npm start loads them:
// the official lists with their publishers, versions and terms, and the review queue, where an
// editor sees a pair side by side with each entity's own claims and sources, and decides.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { createToken } from '../../api/auth/tokens.ts';
import type { Database } from '../../api/db/database.ts';
import { loadShippedLists } from '../../seed/shippedLists.ts';
import type { TestApi } from '../support/api.ts';
import { openAppPage, screenshotPath } from '../support/browser.ts';
import { startSeededBrowser } from '../support/seeded.ts';

let db: Database;
let api: TestApi;
let browser: Browser;
let close = async () => {};
let editor: string;

// A plainly fictional company held in the graph, and a fictional enterprise of the same name in
// another home state in the OHCHR table's shape: uncertain, so the pair waits for review. The
// shipped lists are loaded after it, as the newer copy of the OHCHR table.
const LOOK_ALIKE = [
  'no,business_enterprise,listed_activity_subparagraph_of_paragraph_96,home_state,response_from_business_enterprise',
  '1,Zephyr Optics Technology Ltd.,(b),Germany,',
  '',
].join('\n');

before(async () => {
  ({ db, api, browser, close } = await startSeededBrowser());
  editor = await createToken(db, 'data-editor', 'editor');
  const created = await api.gql(`mutation { createEntity(input: { id: "zephyr-optics-technology", type: Company, name: "Zephyr Optics Technology", country: "XA" }) { id } }`, {}, editor);
  assert.equal(created.errors, undefined);
  const imported = await api.gql(`mutation($c: String!) { importOfficialList(list: OHCHR_SETTLEMENTS, fileName: "look-alike.csv", content: $c) { applied } }`, { c: LOOK_ALIKE }, editor);
  assert.equal(imported.data?.importOfficialList.applied, true, JSON.stringify(imported));
  await loadShippedLists(db);
});
after(() => close());

test('the Data panel lists the official lists with their terms, and an editor decides a pair seen side by side', async () => {
  const { page, errors } = await openAppPage(browser, api.url);
  await page.getByTestId('open-datasets').click();
  const panel = page.getByTestId('datasets-panel');
  await panel.getByTestId('dataset-import').first().waitFor();
  const lists = (await panel.getByTestId('dataset-import').allTextContents()).join('\n');
  assert.match(lists, /Office of the United Nations High Commissioner for Human Rights \(OHCHR\)/);
  assert.match(lists, /Terms: A public UN document; cite OHCHR as the source\./);
  assert.match(lists, /US Federal Communications Commission \(FCC\)[\s\S]*Terms: A US government work\./);
  assert.match(lists, /3 merged into entities already held/, 'the FCC list’s Hikvision, Huawei and Dahua are the seed’s');
  assert.match(lists, /1 listing no longer in the list ended/, 'the shipped table is the newer copy: the look-alike’s listing ended');

  const pair = panel.getByTestId('pair').first();
  await pair.waitFor();
  assert.match(await pair.getByTestId('pair-reason').innerText(), /^95% alike: .*legal form.*Not merged without a person because the countries differ \(DE and XA\)\.$/);
  const sides = await pair.getByTestId('pair-side').allInnerTexts();
  assert.equal(sides.length, 2);
  assert.match(sides[0]!, /From the list ohchr-settlements[\s\S]*Zephyr Optics Technology Ltd\.[\s\S]*Germany \(DE\)/);
  assert.match(sides[0]!, /Office of the United Nations High Commissioner/, 'the listing and its source, as evidence');
  assert.match(sides[1]!, /Already in the graph[\s\S]*Zephyr Optics Technology[\s\S]*XA \(a user-assigned code\)[\s\S]*No claims of its own\./);
  assert.match(await pair.innerText(), /Sign in as an editor to decide\./, 'a reader sees the queue but cannot decide');
  await panel.screenshot({ path: screenshotPath('data-panel-review.png') });

  await page.getByTestId('token-input').fill(editor);
  await page.getByTestId('sign-in').click();
  await page.getByTestId('signed-in-as').filter({ hasText: 'Editing as data-editor' }).waitFor();
  await page.getByTestId('open-datasets').click();
  await panel.getByTestId('pair-different').first().click();
  await panel.getByTestId('pair-decided').filter({ hasText: 'Kept apart: Zephyr Optics Technology Ltd. and Zephyr Optics Technology are two entities.' }).waitFor();
  const decided = await api.gql(`{ entityPairs(status: DIFFERENT) { key decidedBy } }`);
  assert.deepEqual(decided.data!.entityPairs, [{ key: 'zephyr-optics-technology-ltd|zephyr-optics-technology', decidedBy: 'data-editor' }]);
  assert.deepEqual(errors, []);
});
