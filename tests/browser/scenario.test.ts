// The disengagement scenario panel in headless Chromium against the real server and Neo4j
// with the seed data: Telenor leaving Myanmar by shutdown and by sale, the before/after
// toggle, saving, the shared link and comparing two saved scenarios.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { createToken } from '../../api/auth/tokens.ts';
import { projectRoot } from '../../api/config.ts';
import type { Database } from '../../api/db/database.ts';
import type { TestApi } from '../support/api.ts';
import { startSeededBrowser } from '../support/seeded.ts';
import { openAppPage } from '../support/browser.ts';

let db: Database;
let api: TestApi;
let browser: Browser;
let close = async () => {};

before(async () => ({ db, api, browser, close } = await startSeededBrowser()));
after(() => close());

async function openPage(path = '/'): Promise<{ page: Page; errors: string[] }> {
  return openAppPage(browser, api.url, path, { width: 1400, height: 900 });
}

/** Opens the panel and sets up Telenor leaving Myanmar just before the sale closed. */
async function telenorInMyanmar(page: Page, mode: 'SHUTDOWN' | 'SALE') {
  await page.getByTestId('open-scenario').click();
  const panel = page.getByTestId('scenario-panel');
  await panel.getByTestId('scenario-company').fill('Telenor');
  await panel.getByTestId('search-suggestion').filter({ hasText: /^Telenor Group/ }).first().click();
  await panel.getByTestId('scope-country-MM').check();
  await panel.getByTestId('scenario-mode').selectOption(mode);
  await panel.getByTestId('scenario-as-of').fill('2022-02-15');
  return panel;
}

const screenshots = join(projectRoot, 'tests/browser/screenshots');

const canvasData = async (page: Page, name: string) => Number(await page.getByTestId('graph-canvas').getAttribute(`data-${name}`));

test('Telenor shutting down in Myanmar: summary, cut paths, the subscribers who lose the service, before and after', async () => {
  const { page, errors } = await openPage();
  const panel = await telenorInMyanmar(page, 'SHUTDOWN');
  await panel.getByTestId('scenario-run').click();
  const summary = panel.getByTestId('scenario-summary');
  await summary.waitFor();
  assert.match(await summary.textContent() ?? '', /cuts 4 paths of Telenor Group; none remain\. Telenor Myanmar subscribers lose the service \(18 million people\)/);
  assert.match(await panel.getByTestId('scenario-population').first().textContent() ?? '', /Telenor Myanmar subscribers \(18,000,000\)/);
  // The intercept demands and (since the December 2026 seed) the 2021 shutdowns, each with its conflict.
  assert.equal(await panel.getByTestId('scenario-cut').getByTestId('scenario-path').count(), 4);

  // Before: the ended claims are drawn greyed and dashed; after: they are gone.
  await page.waitForFunction(() => Number(document.querySelector('[data-testid=graph-canvas]')?.getAttribute('data-removed-edges')) > 0);
  const drawnBefore = await canvasData(page, 'edges');
  await panel.getByTestId('scenario-after').click();
  await page.waitForFunction(() => document.querySelector('[data-testid=graph-canvas]')?.getAttribute('data-removed-edges') === '0');
  assert.ok((await canvasData(page, 'edges')) < drawnBefore, 'the after view drops the ended claims');
  assert.equal(await panel.getByTestId('scenario-after').getAttribute('aria-pressed'), 'true');
  assert.deepEqual(errors, []);
  await page.close();
});

test('Telenor selling to Investcom: new paths through the buyer, the owner’s tie to the military as a risk', async () => {
  const { page, errors } = await openPage();
  const panel = await telenorInMyanmar(page, 'SALE');
  // A sale without a buyer says what is missing.
  await panel.getByTestId('scenario-run').click();
  await panel.getByText('A sale needs a buyer').waitFor();
  await panel.getByTestId('scenario-buyer').fill('Investcom');
  await panel.getByTestId('search-suggestion').filter({ hasText: /^Investcom/ }).first().click();
  await panel.getByTestId('scenario-run').click();
  await panel.getByTestId('scenario-summary').waitFor();
  assert.match(await panel.getByTestId('scenario-summary').textContent() ?? '', /No population recorded as served loses a service/);
  assert.ok((await panel.getByTestId('scenario-created').getByTestId('scenario-path').count()) > 0);
  const risk = panel.getByTestId('scenario-risk').first();
  assert.match(await risk.textContent() ?? '', /Shwe Byain Phyu Group, which owns Investcom Pte Ltd, is linked to Myanmar military \(alleged\)/);
  assert.match((await risk.getByTestId('source-link').first().getAttribute('href')) ?? '', /^https?:\/\//);
  await panel.getByTestId('scenario-after').click();
  await page.waitForFunction(() => document.querySelector('[data-testid=graph-canvas]')?.getAttribute('data-simulated-edges') === '1');
  assert.deepEqual(errors, []);
  await page.close();
});

test('an editor saves two scenarios, opens one from its shared link, and compares them', async () => {
  const token = await createToken(db, 'scenario-browser-editor', 'editor');
  const { page, errors } = await openPage();
  await page.getByTestId('token-input').fill(token);
  await page.getByTestId('sign-in').click();
  const panel = await telenorInMyanmar(page, 'SHUTDOWN');
  await panel.getByTestId('scenario-run').click();
  await panel.getByTestId('scenario-name').fill('Exit Myanmar');
  await panel.getByTestId('scenario-save').click();
  const link = panel.getByTestId('scenario-link');
  await link.waitFor();
  const href = (await link.getAttribute('href'))!;
  assert.match(href, /\?scenario=scn-/);

  await panel.getByTestId('scope-country-MM').uncheck();
  await panel.getByTestId('scope-infrastructure-telenor-mm-network').check();
  await panel.getByTestId('scenario-mode').selectOption('SUSPEND');
  await panel.getByTestId('scenario-run').click();
  await panel.getByTestId('scenario-summary').filter({ hasText: /Suspending Telenor Myanmar mobile network/ }).waitFor();
  await panel.getByTestId('scenario-name').fill('Suspend the network only');
  await panel.getByTestId('scenario-save').click();
  await panel.getByTestId('scenario-link').waitFor();
  await panel.getByTestId('scenario-saved').nth(1).waitFor();
  for (const box of await panel.getByTestId('scenario-saved').locator('input[name=compare]').all()) await box.check();
  await panel.getByTestId('scenario-compare').click();
  const compared = panel.getByTestId('scenario-compare-summary');
  await compared.waitFor();
  assert.match(await compared.textContent() ?? '', /Cut: \d+ by both/);

  // The shared link opens the saved scenario for anyone, no token needed, by its name and the
  // company's name (never their ids), and ?scenario= stays once the view is written after it.
  const shared = await openPage(href.slice(href.indexOf('?') - 1));
  const summary = shared.page.getByTestId('scenario-summary');
  await summary.waitFor();
  assert.match(await summary.textContent() ?? '', /Shutting down Telenor Group's operations in Myanmar \(MM\)/);
  assert.equal(await shared.page.getByTestId('scenario-title').textContent(), 'Withdrawal scenario “Exit Myanmar”: Telenor Group');
  assert.match(await shared.page.getByTestId('scenario-saved-by').textContent() ?? '', /^Saved by scenario-browser-editor on \d{1,2} [A-Z][a-z]+ \d{4}\.$/);
  assert.equal(await shared.page.getByTestId('scenario-company').inputValue(), 'Telenor Group');
  assert.equal(await shared.page.getByTestId('scenario-name').inputValue(), 'Exit Myanmar');
  await shared.page.waitForFunction(() => location.hash.includes('p='));
  const scenarioId = new URL(href).searchParams.get('scenario');
  assert.equal(new URL(shared.page.url()).searchParams.get('scenario'), scenarioId);
  await shared.page.waitForFunction(() => document.querySelector('[data-testid=graph-canvas]')?.getAttribute('data-layout') === 'settled');
  await shared.page.screenshot({ path: join(screenshots, 'links-scenario.png') });

  // Its address, opened elsewhere, draws the same scenario with its nodes where they were.
  await shared.page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: api.url });
  await shared.page.getByTestId('export-menu').click();
  await shared.page.getByTestId('copy-link').click();
  await shared.page.getByTestId('status').filter({ hasText: /^Link copied: .*node positions\.$/ }).waitFor();
  const address: string = await shared.page.evaluate(() => navigator.clipboard.readText());
  assert.equal(new URL(address).searchParams.get('scenario'), scenarioId);
  const placed = await shared.page.evaluate(() => (window as any).conflictLinks.placements());
  const again = await openPage(address.slice(api.url.length));
  await again.page.getByTestId('scenario-title').filter({ hasText: 'Exit Myanmar' }).waitFor();
  await again.page.waitForFunction((n) => (window as any).conflictLinks.nodes().length === n, placed.length);
  const replaced: { id: string; x: number; y: number }[] = await again.page.evaluate(() => (window as any).conflictLinks.placements());
  const all = placed.flatMap((p: { x: number; y: number }) => [p.x, p.y]);
  const tolerance = (Math.max(...all) - Math.min(...all)) / 1000 + 1e-9;
  for (const p of placed) {
    const q = replaced.find((r) => r.id === p.id)!;
    assert.ok(Math.abs(q.x - p.x) <= tolerance && Math.abs(q.y - p.y) <= tolerance, p.id);
  }
  assert.deepEqual([...errors, ...shared.errors, ...again.errors], []);
  await again.page.close();
  await shared.page.close();
  await page.close();
});

test('comparing a shutdown with a sale shows the paths the sale creates and the buyer risk, its contested claim marked', async () => {
  const token = await createToken(db, 'scenario-compare-editor', 'editor');
  const { page, errors } = await openPage();
  await page.getByTestId('token-input').fill(token);
  await page.getByTestId('sign-in').click();
  let panel = await telenorInMyanmar(page, 'SHUTDOWN');
  await panel.getByTestId('scenario-run').click();
  await panel.getByTestId('scenario-summary').waitFor();
  await panel.getByTestId('scenario-name').fill('Shut down in Myanmar');
  await panel.getByTestId('scenario-save').click();
  await panel.getByTestId('scenario-link').waitFor();

  await panel.getByTestId('scenario-mode').selectOption('SALE');
  await panel.getByTestId('scenario-buyer').fill('Investcom');
  await panel.getByTestId('search-suggestion').filter({ hasText: /^Investcom/ }).first().click();
  await panel.getByTestId('scenario-run').click();
  await panel.getByTestId('scenario-summary').filter({ hasText: /^Selling/ }).waitFor();
  // The buyer's owner's tie to the military is a risk whose claim is contested.
  assert.match(await panel.getByTestId('scenario-risk').first().getByTestId('risk-contested').textContent() ?? '', /^Contested: Its sources record a response: "a company representative denied links to the military"/);
  await panel.getByTestId('scenario-name').fill('Sell to Investcom');
  await panel.getByTestId('scenario-save').click();
  await panel.getByTestId('scenario-link').waitFor();

  const saved = panel.getByTestId('scenario-saved');
  await saved.filter({ hasText: 'Sell to Investcom' }).waitFor();
  for (const name of ['Shut down in Myanmar', 'Sell to Investcom']) await saved.filter({ hasText: name }).locator('input[name=compare]').check();
  await panel.getByTestId('scenario-compare').click();
  const summary = panel.getByTestId('scenario-compare-summary');
  await summary.waitFor();
  const text = (await summary.textContent()) ?? '';
  // Whichever was ticked first is A: each side is said in full either way.
  assert.match(text, /"Shut down in Myanmar" cuts 4 paths, creates no path and raises [^;]+; 18,000,000 people lose a service\./);
  assert.match(text, /"Sell to Investcom" cuts 4 paths, creates 12 new paths \(the strongest 0\.191\) and raises 1 substitution risk \(buyer risk: Shwe Byain Phyu Group, which owns Investcom Pte Ltd, is linked to Myanmar military \(alleged\), [^;]+; the claim of that tie is contested\); no population recorded as served loses a service\./);
  assert.match(text, /Cut: 4 by both/);
  const comparison = panel.getByTestId('scenario-comparison');
  const saleSide = (await comparison.getByTestId('scenario-compare-created-a').textContent())?.includes('Sell to Investcom') ? 'a' : 'b';
  const shutSide = saleSide === 'a' ? 'b' : 'a';
  assert.equal(await comparison.getByTestId(`scenario-compare-created-${saleSide}`).getByTestId('scenario-path').count(), 12);
  assert.equal(await comparison.getByTestId(`scenario-compare-created-${shutSide}`).getByTestId('scenario-path').count(), 0);
  assert.equal(await comparison.getByTestId('scenario-compare-cut-both').getByTestId('scenario-path').count(), 4);
  const saleRisks = comparison.getByTestId(`scenario-compare-risks-${saleSide}`);
  assert.match(await saleRisks.textContent() ?? '', /Shwe Byain Phyu Group, which owns Investcom Pte Ltd, is linked to Myanmar military/);
  assert.equal(await saleRisks.getByTestId('risk-contested').count(), 1);
  mkdirSync(screenshots, { recursive: true });
  await summary.scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(screenshots, 'scenario-compare-summary.png') });
  await comparison.getByTestId(`scenario-compare-created-${saleSide}`).scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(screenshots, 'scenario-compare-created-and-risks.png') });
  assert.deepEqual(errors, []);
  await page.close();
});
