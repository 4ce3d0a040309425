// A company's response beside the claim it answers, in headless Chromium against the real
// server and Neo4j: the seed with the shipped OHCHR table imported; Ahava's listing in the side
// panel, as the hop of its path to the settlements, and in its screening flag and the printable
// report, each with OHCHR's record of its response; and a fictional company's denial beside the
// claim a withdrawal ends and on the path it cuts.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createToken } from '../../api/auth/tokens.ts';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { projectRoot } from '../../api/config.ts';
import { importOfficialList } from '../../api/datasets/importList.ts';
import type { Database } from '../../api/db/database.ts';
import type { TestApi } from '../support/api.ts';
import { openAppPage, screenshotPath } from '../support/browser.ts';
import { startSeededBrowser } from '../support/seeded.ts';

let db: Database;
let api: TestApi;
let browser: Browser;
let close = async () => {};

const RESPONSE = 'Company response (23 September 2025, responded) — Office of the United Nations High Commissioner for Human Rights (OHCHR)';

before(async () => {
  ({ db, api, browser, close } = await startSeededBrowser());
  const text = readFileSync(join(projectRoot, 'seed/datasets/ohchr-settlement-database/table.csv'), 'utf8');
  const { report } = await importOfficialList(db, 'ohchr-settlements', text, 'table.csv', { by: 'import:table.csv', dryRun: false });
  assert.deepEqual(report.problems, []);
});
after(() => close());

test("the side panel shows Ahava's listing as a listing, with OHCHR's record of its response beside it", async () => {
  const { page, errors } = await openAppPage(browser, api.url);
  await page.getByTestId('search-input').fill('Ahava');
  await page.getByTestId('search-suggestion').filter({ hasText: /Ahava/ }).first().click();
  const panel = page.getByTestId('details-panel');
  await panel.getByTestId('details-name').filter({ hasText: 'Ahava' }).waitFor();
  const claim = panel.getByTestId('claim').filter({ hasText: 'is listed as involved in' });
  await claim.waitFor();
  assert.equal(
    (await claim.getByTestId('claim-sentence').textContent())?.trim(),
    'Ahava – Dead Sea Laboratories Ltd. is listed as involved in Israeli settlements in the Occupied Palestinian Territory, including East Jerusalem',
  );
  const response = claim.getByTestId('claim-response');
  assert.equal(await response.count(), 1);
  assert.equal((await response.textContent())?.trim(), RESPONSE);
  assert.equal(await response.locator('a').getAttribute('href'), 'https://www.ohchr.org/en/business/bhr-database');
  assert.equal(await claim.getByTestId('claim-contested').count(), 0, 'a response of kind responded does not contest');
  await panel.screenshot({ path: screenshotPath('entity-panel-ohchr-response.png') });

  // An enterprise whose row records no response shows none.
  await page.getByTestId('search-input').fill('Airbnb');
  await page.getByTestId('search-suggestion').filter({ hasText: /Airbnb/ }).first().click();
  await panel.getByTestId('details-name').filter({ hasText: 'Airbnb' }).waitFor();
  await panel.getByTestId('claim').filter({ hasText: 'is listed as involved in' }).waitFor();
  assert.equal(await panel.getByTestId('claim-response').count(), 0);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the path from Ahava to the settlements shows the response on its hop', async () => {
  const { page, errors } = await openAppPage(browser, api.url);
  await page.getByTestId('open-paths').click();
  const panel = page.getByTestId('paths-panel');
  await panel.waitFor();
  await panel.getByTestId('path-from').fill('Ahava');
  await panel.getByTestId('search-suggestion').filter({ hasText: /Ahava/ }).first().click();
  await panel.getByTestId('path-to').fill('Israeli settlements');
  await panel.getByTestId('search-suggestion').filter({ hasText: /settlements/ }).first().click();
  await panel.getByTestId('path-find').click();
  const path = panel.getByTestId('path').first();
  await path.waitFor();
  assert.equal(await panel.getByTestId('path').count(), 1);
  // One hop: strength 0.8 × the officially-listed confidence 0.85.
  assert.equal(await path.getByTestId('path-score').textContent(), '0.680');
  assert.match((await path.getByTestId('hop').textContent()) ?? '', /Ahava – Dead Sea Laboratories Ltd\. — is listed as involved in → Israeli settlements/);
  const response = path.getByTestId('claim-response');
  assert.equal(await response.count(), 1);
  assert.equal(await response.isVisible(), true, 'the response shows without opening the sources');
  assert.equal((await response.textContent())?.trim(), RESPONSE);
  await panel.screenshot({ path: screenshotPath('path-hop-ohchr-response.png') });
  assert.deepEqual(errors, []);
  await page.close();
});

test("a screening of Ahava flags the settlements with the response beside the flag, and the printable report lists it", async () => {
  const { page, errors } = await openAppPage(browser, api.url, '/', { width: 1500, height: 900 });
  await page.getByTestId('open-screening').click();
  const panel = page.getByTestId('screening-panel');
  const csv = ['name,weight', 'Ahava Dead Sea Laboratories Ltd,10', 'Fictional Widgets Inc.,5'].join('\n');
  await panel.getByTestId('screening-file').setInputFiles({ name: 'holdings.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await panel.getByTestId('screening-name').fill('listed-fund');
  await panel.getByTestId('screening-run').click();
  await panel.getByTestId('screening-done').waitFor();
  await page.getByTestId('holding-row').filter({ hasText: 'Ahava' }).getByRole('button').first().click();
  const flag = page.getByTestId('flag').filter({ hasText: 'Israeli settlements' });
  await flag.getByTestId('path-responses').waitFor();
  assert.equal(
    (await flag.getByTestId('claim-response').textContent())?.trim(),
    `Ahava – Dead Sea Laboratories Ltd. → Israeli settlements in the Occupied Palestinian Territory, including East Jerusalem: ${RESPONSE}`,
  );
  await page.getByTestId('screening-panel').screenshot({ path: screenshotPath('screening-flag-ohchr-response.png') });
  const [file] = await Promise.all([page.waitForEvent('download'), panel.getByTestId('export-html').click()]);
  const html = await readFile((await file.path())!, 'utf8');
  assert.match(html, /<ul class="responses"><li>Company response \(23 September 2025, responded\) — Office of the United Nations High Commissioner for Human Rights \(OHCHR\)<\/li><\/ul>/);
  assert.deepEqual(errors, []);
  await page.close();
});

test("the scenario panel shows a fictional company's denial beside the claim its withdrawal ends and on the path it cuts", async () => {
  const editor = await createToken(db, 'responses-browser-editor', 'editor');
  const file = {
    sources: [
      { id: 'src-fictional-monitor', publisher: 'Example Monitor', title: 'A fictional report on checkpoint cameras', url: 'https://example.org/monitor' },
      { id: 'src-fictional-reply', publisher: 'Fictional Optics Ltd', title: '[Statement in reply]', url: 'https://example.org/reply', kind: 'company' },
    ],
    entities: [
      { id: 'fictional-optics', type: 'Company', name: 'Fictional Optics Ltd' },
      { id: 'fictional-checkpoint-cameras', type: 'Infrastructure', name: 'Fictional checkpoint cameras', kind: 'surveillance-system' },
      { id: 'fictional-occupation', type: 'Conflict', name: 'Occupation of Fictional Province (Ruritania)' },
    ],
    relations: [
      { from: 'fictional-optics', type: 'OPERATES', to: 'fictional-checkpoint-cameras', status: 'reported', summary: 'Example Monitor reports that Fictional Optics Ltd runs the cameras.', sources: ['src-fictional-monitor'],
        responses: [{ kind: 'denied', date: '2025-06-02', text: 'We sold the cameras and do not run them.', sources: ['src-fictional-reply'] }] },
      { from: 'fictional-checkpoint-cameras', type: 'ALLEGEDLY_USED_IN', to: 'fictional-occupation', status: 'alleged', summary: 'Example Monitor reports the cameras are used at checkpoints.', sources: ['src-fictional-monitor'] },
    ],
  };
  const imported = await api.gql(`mutation($content: String!) { importData(format: JSON, fileName: "fictional.json", content: $content) { applied problems { reason } } }`, { content: JSON.stringify(file) }, editor);
  assert.equal(imported.data?.importData.applied, true, JSON.stringify(imported));

  const { page, errors } = await openAppPage(browser, api.url, '/', { width: 1500, height: 900 });
  await page.getByTestId('open-scenario').click();
  const panel = page.getByTestId('scenario-panel');
  await panel.getByTestId('scenario-company').fill('Fictional Optics');
  await panel.getByTestId('search-suggestion').filter({ hasText: /^Fictional Optics Ltd/ }).first().click();
  await panel.getByTestId('scope-all').check();
  await panel.getByTestId('scenario-mode').selectOption('SHUTDOWN');
  await panel.getByTestId('scenario-run').click();
  await panel.getByTestId('scenario-summary').waitFor();
  const DENIAL = 'Company response (2 June 2025, denied) — Fictional Optics Ltd“We sold the cameras and do not run them.”';
  const ended = panel.getByTestId('scenario-removed').filter({ hasText: 'operates' });
  assert.equal((await ended.getByTestId('claim-response').textContent())?.trim(), DENIAL);
  const cut = panel.getByTestId('scenario-cut').getByTestId('scenario-path').first();
  assert.equal((await cut.getByTestId('claim-response').textContent())?.trim(), `Fictional Optics Ltd → Fictional checkpoint cameras: ${DENIAL}`);
  assert.equal(await cut.getByTestId('scenario-path-contested').count(), 1, 'the denial contests the path');
  await panel.screenshot({ path: screenshotPath('scenario-denied-response.png') });
  assert.deepEqual(errors, []);
  await page.close();
});
