// Links reproduce the picture: a link copied after moving nodes opens with the same positions,
// a link pasted into an open tab loads there, and a link with positions that cannot be used
// still loads, saying what it left out. Headless Chromium on the seeded app.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import type { Browser } from 'playwright-core';
import type { TestApi } from '../support/api.ts';
import { openAppPage, openSuggestion, screenshotPath, uncoverPoint } from '../support/browser.ts';
import { startSeededBrowser } from '../support/seeded.ts';

let api: TestApi;
let browser: Browser;
let close = async () => {};

before(async () => ({ api, browser, close } = await startSeededBrowser()));
after(() => close());

type Placement = { id: string; x: number; y: number };

const settled = (page: Page) => page.waitForFunction(() => document.querySelector('[data-testid=graph-canvas]')?.getAttribute('data-layout') === 'settled');
const placements = async (page: Page): Promise<Placement[]> => page.evaluate(() => (window as any).conflictLinks.placements());

async function openEntity(page: Page, text: string, name: string, id?: string): Promise<void> {
  await openSuggestion(page, text, name, id);
  await settled(page);
}

/** Drags a node by this many pixels with the mouse, as a person moves it. */
async function dragNode(page: Page, id: string, dx: number, dy: number): Promise<void> {
  const box = (await page.getByTestId('graph-canvas').boundingBox())!;
  const at = await page.evaluate((node) => (window as any).conflictLinks.nodePosition(node), id);
  await uncoverPoint(page, box.x + at.x, box.y + at.y);
  await page.mouse.move(box.x + at.x, box.y + at.y);
  await page.mouse.down();
  await page.mouse.move(box.x + at.x + dx / 2, box.y + at.y + dy / 2, { steps: 5 });
  await page.mouse.move(box.x + at.x + dx, box.y + at.y + dy, { steps: 5 });
  await page.mouse.up();
}

/** The link "Copy link to this view" gives (the clipboard is granted to the page). */
async function copiedLink(page: Page): Promise<string> {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: api.url });
  await page.getByTestId('export-menu').click();
  await page.getByTestId('copy-link').click();
  await page.getByTestId('status').filter({ hasText: /^Link copied: it restores these entities, filters, camera and node positions\.$/ }).waitFor();
  return page.evaluate(() => navigator.clipboard.readText());
}

/** Same nodes, each within a thousandth of the drawing's extent of where it was. */
function assertSamePlaces(actual: Placement[], expected: Placement[]): void {
  assert.deepEqual(actual.map((p) => p.id).sort(), expected.map((p) => p.id).sort());
  const all = expected.flatMap((p) => [p.x, p.y]);
  const tolerance = (Math.max(...all) - Math.min(...all)) / 1000 + 1e-9;
  const byId = new Map(actual.map((p) => [p.id, p]));
  for (const p of expected) {
    const q = byId.get(p.id)!;
    assert.ok(Math.abs(q.x - p.x) <= tolerance && Math.abs(q.y - p.y) <= tolerance, `${p.id}: ${q.x},${q.y} is not ${p.x},${p.y}`);
  }
}

test('a link copied after moving nodes opens in a new page with the same positions and camera', async () => {
  const first = await openAppPage(browser, api.url);
  await openEntity(first.page, 'Project Nimbus', 'Project Nimbus', 'contract-nimbus');
  const before = await placements(first.page);
  await dragNode(first.page, 'google', 140, -90);
  await first.page.waitForFunction(() => Number(document.querySelector('[data-testid=graph-canvas]')?.getAttribute('data-moved')) > 0);
  const moved = await placements(first.page);
  const google = (list: Placement[]) => list.find((p) => p.id === 'google')!;
  assert.ok(Math.hypot(google(moved).x - google(before).x, google(moved).y - google(before).y) > 1, 'Google was moved by the drag');
  const link = await copiedLink(first.page);
  assert.match(link, /#.*p=[^&]*google:/);
  assert.ok(link.length < 1000, `compact: ${link.length} characters`);
  const camera = await first.page.evaluate(() => (window as any).conflictLinks.camera());
  await first.page.screenshot({ path: screenshotPath('links-original.png') });

  const second = await openAppPage(browser, api.url, link.slice(api.url.length));
  await second.page.waitForFunction((n) => Number(document.querySelector('[data-testid=graph-canvas]')?.getAttribute('data-nodes')) === n, moved.length);
  await settled(second.page);
  assertSamePlaces(await placements(second.page), moved);
  const restored = await second.page.evaluate(() => (window as any).conflictLinks.camera());
  for (const k of ['x', 'y', 'ratio'] as const) assert.ok(Math.abs(restored[k] - camera[k]) < 1e-3, `camera ${k}`);
  await second.page.screenshot({ path: screenshotPath('links-restored.png') });
  assert.deepEqual([...first.errors, ...second.errors], []);
  await first.page.close();
  await second.page.close();
});

test('a link pasted into a tab that has the app open loads there, without a reload', async () => {
  const first = await openAppPage(browser, api.url);
  await openEntity(first.page, 'Google', 'Google', 'google');
  await first.page.getByTestId('filter-status-denied').uncheck();
  await first.page.waitForFunction(() => location.hash.includes('st='));
  await settled(first.page);
  const link = await copiedLink(first.page);
  const expected = await placements(first.page);
  await first.page.close();

  const { page, errors } = await openAppPage(browser, api.url);
  await openEntity(page, 'Project Nimbus', 'Project Nimbus', 'contract-nimbus');
  await page.evaluate(() => ((window as any).notReloaded = true));
  // The address bar gets the link: only the hash differs, so the browser does not reload.
  await page.goto(link);
  // Project Nimbus's neighbourhood has as many nodes as Google's: wait for Google's own.
  const ids = expected.map((p) => p.id).sort();
  await page.waitForFunction((want) => JSON.stringify((window as any).conflictLinks.nodes().sort()) === JSON.stringify(want), ids);
  await settled(page);
  assertSamePlaces(await placements(page), expected);
  assert.equal(await page.evaluate(() => (window as any).notReloaded), true);
  assert.equal(await page.getByTestId('filter-status-denied').isChecked(), false);
  assert.deepEqual(errors, []);
  await page.close();
});

test('positions for entities no longer drawn, or malformed, are left out with a note; the rest loads', async () => {
  const { page, errors } = await openAppPage(browser, api.url, '/#e=google&p=google:10:20,gone-entity:5:5,bad:x:y,google-two');
  const status = page.getByTestId('status');
  await status.filter({ hasText: /Parts of the link were ignored/ }).waitFor();
  const text = (await status.textContent()) ?? '';
  assert.match(text, /ignored 2 node positions that could not be read/);
  assert.match(text, /1 node position is for entities not in the graph any more/);
  await settled(page);
  const drawn = await placements(page);
  assert.ok(drawn.length > 1, 'Google and its neighbours are drawn');
  // Google is held where the link put it; its neighbours, not in the link, were laid out around it.
  const google = drawn.find((p) => p.id === 'google')!;
  assert.deepEqual([google.x, google.y], [10, 20]);
  assert.deepEqual(errors, []);
  await page.close();
});
