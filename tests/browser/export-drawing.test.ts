// The explorer's GEXF and GraphML exports open as the view looks: the positions and sizes of
// the nodes on screen, their colours, in headless Chromium against the seeded app.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import Graph from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { DOMParser } from '@xmldom/xmldom';
import type { Browser, Page } from 'playwright-core';
import { TYPE_COLORS, rgb } from '../../api/domain/appearance.ts';
import type { EntityType } from '../../api/domain/model.ts';
import type { TestApi } from '../support/api.ts';
import { openAppPage, openSuggestion } from '../support/browser.ts';
import { startSeededBrowser } from '../support/seeded.ts';

let api: TestApi;
let browser: Browser;
let close = async () => {};

before(async () => ({ api, browser, close } = await startSeededBrowser()));
after(() => close());

type Placement = { id: string; x: number; y: number; size: number };
const thousandth = (v: number) => Math.round(v * 1000) / 1000 + 0;

async function openNimbus(): Promise<{ page: Page; errors: string[]; placements: Placement[] }> {
  const { page, errors } = await openAppPage(browser, api.url);
  await openSuggestion(page, 'Project Nimbus', 'Project Nimbus', 'contract-nimbus');
  await page.waitForFunction(() => document.querySelector('[data-testid=graph-canvas]')?.getAttribute('data-layout') === 'settled');
  const placements = (await page.evaluate(() => (window as any).conflictLinks.placements())) as Placement[];
  return { page, errors, placements };
}

async function download(page: Page, testid: string): Promise<string> {
  await page.getByTestId('export-menu').click();
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testid).click()]);
  return readFile((await file.path())!, 'utf8');
}

test('the GEXF download puts every node where the explorer draws it, at its size and in its colour', async () => {
  const { page, errors, placements } = await openNimbus();
  assert.ok(placements.length >= 4);
  const graph = parseGexf(Graph, await download(page, 'export-gexf'));
  assert.equal(graph.order, placements.length);
  for (const p of placements) {
    const a = graph.getNodeAttributes(p.id);
    assert.deepEqual([a.x, a.y, a.size], [thousandth(p.x), thousandth(p.y), p.size], p.id);
    const { r, g, b } = rgb(TYPE_COLORS[a.type as EntityType]);
    assert.equal(a.color, `rgb(${r},${g},${b})`);
  }
  // The opened entity is drawn larger, and so it is in the file.
  assert.ok(graph.getNodeAttribute('contract-nimbus', 'size') > graph.getNodeAttribute('google', 'size'));
  await page.getByTestId('status').filter({ hasText: /^Exported \d+ entities/ }).waitFor();
  assert.deepEqual(errors, []);
  await page.close();
});

test('the GraphML download carries the same positions as x and y', async () => {
  const { page, errors, placements } = await openNimbus();
  const doc = new DOMParser().parseFromString(await download(page, 'export-graphml'), 'text/xml');
  const name = new Map(Array.from(doc.getElementsByTagName('key')).map((k) => [k.getAttribute('id'), k.getAttribute('attr.name')]));
  const nodes = Array.from(doc.getElementsByTagName('node'));
  assert.equal(nodes.length, placements.length);
  for (const node of nodes) {
    const v = Object.fromEntries(Array.from(node.getElementsByTagName('data')).map((d) => [name.get(d.getAttribute('key')), d.textContent]));
    const p = placements.find((q) => q.id === node.getAttribute('id'))!;
    assert.deepEqual([Number(v.x), Number(v.y), Number(v.size)], [thousandth(p.x), thousandth(p.y), p.size]);
  }
  assert.deepEqual(errors, []);
  await page.close();
});
