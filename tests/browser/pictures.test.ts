// Pictures are evidence: the PNG and SVG exports hold the WHOLE graph fitted to the frame, even
// after zooming into a corner, with a title, the legend of what is drawn, the filters in
// words, the date and the publishers of the sources; in headless Chromium on the seeded app.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { STATUS_STYLES, TYPE_COLORS } from '../../api/domain/appearance.ts';
import type { TestApi } from '../support/api.ts';
import { openAppPage, openSuggestion, screenshotPath } from '../support/browser.ts';
import { downloadFrom, pngColours, pngSize, readSvg, renderSvg, savePicture } from '../support/pictures.ts';
import { startSeededBrowser } from '../support/seeded.ts';

let api: TestApi;
let browser: Browser;
let close = async () => {};

before(async () => ({ api, browser, close } = await startSeededBrowser()));
after(() => close());

const VIEWPORT = { width: 1300, height: 850 };

async function openNimbus(): Promise<{ page: Page; errors: string[] }> {
  const { page, errors } = await openAppPage(browser, api.url, '/', VIEWPORT);
  await openSuggestion(page, 'Project Nimbus', 'Project Nimbus', 'contract-nimbus');
  await page.waitForFunction(() => document.querySelector('[data-testid=graph-canvas]')?.getAttribute('data-layout') === 'settled');
  // Closing the panel clears the selection, so nothing is greyed.
  await page.locator('[data-testid=details-panel] .close').click();
  return { page, errors };
}

/** Zooms far into the graph's top left corner with the mouse wheel, as a person would. */
async function zoomIntoCorner(page: Page): Promise<void> {
  const box = (await page.getByTestId('graph-canvas').boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.15, box.y + box.height * 0.15);
  for (let i = 0; i < 6; i++) {
    const before = await page.evaluate(() => (window as any).conflictLinks.camera().ratio);
    await page.mouse.wheel(0, -400);
    await page.waitForFunction((r) => (window as any).conflictLinks.camera().ratio < r, before);
  }
}

/** The nodes drawn outside the viewport: what a crop of it would leave out. */
async function offScreen(page: Page): Promise<string[]> {
  return page.evaluate(({ width, height }) => {
    const links = (window as any).conflictLinks;
    return (links.nodes() as string[]).filter((id) => {
      const p = links.nodePosition(id);
      return p.x < 0 || p.y < 0 || p.x > width || p.y > height;
    });
  }, (await page.getByTestId('graph-canvas').boundingBox())!);
}

/** The publishers of the sources of the claims drawn, from the API. */
async function publishersOfDrawnClaims(page: Page): Promise<Set<string>> {
  const drawn = new Set<string>(await page.evaluate(() => (window as any).conflictLinks.claims()));
  const { data } = await api.gql(`{ neighborhood(id: "contract-nimbus", depth: 1, limit: 200) { edges { id sources { publisher } } } }`);
  const edges = (data as { neighborhood: { edges: { id: string; sources: { publisher: string }[] }[] } }).neighborhood.edges;
  return new Set(edges.filter((e) => drawn.has(e.id)).flatMap((e) => e.sources.map((s) => s.publisher)));
}

test('after zooming into a corner, the SVG still holds every node inside its frame, with title, legend, filters, date and credits', async () => {
  const { page, errors } = await openNimbus();
  await page.getByTestId('filter-status-denied').uncheck();
  await page.waitForFunction(() => location.hash.includes('st='));
  await page.waitForFunction(() => document.querySelector('[data-testid=graph-canvas]')?.getAttribute('data-layout') === 'settled');
  await zoomIntoCorner(page);
  const hidden = await offScreen(page);
  const nodes: string[] = await page.evaluate(() => (window as any).conflictLinks.nodes());
  assert.ok(hidden.length > 0, 'zoomed in: some nodes are off screen');
  await page.screenshot({ path: screenshotPath('picture-viewport-zoomed.png') });

  const file = await downloadFrom(page, 'export-svg');
  assert.equal(file.name, 'conflict-links-view.svg');
  const svg = file.bytes.toString('utf8');
  const picture = readSvg(svg);
  assert.deepEqual(picture.viewBox, [0, 0, picture.width, picture.height]);
  assert.deepEqual([...picture.nodes.keys()].sort(), [...nodes].sort(), 'every node drawn, none left out');
  for (const [id, n] of picture.nodes) {
    assert.ok(n.x - n.r >= 0 && n.y - n.r >= 0 && n.x + n.r <= picture.width && n.y + n.r <= picture.height, `${id} inside the viewBox`);
    assert.ok(n.x + n.r < picture.legend.left, `${id} left of the legend, never under it`);
  }
  assert.equal(picture.nodes.get('google')?.fill, TYPE_COLORS.Company);

  const text = picture.texts.join('\n');
  assert.ok(picture.texts.includes('Project Nimbus and its neighbours'), 'the title names what is drawn');
  assert.match(text, new RegExp(`${nodes.length} entities and \\d+ relationships\\. Exported on \\d{1,2} [A-Z][a-z]+ \\d{4} from conflict-links\\.`));
  assert.match(text, /Filters: claims of any time, undated claims included; every status but denied; any confidence\./);
  const footer = picture.texts.join(' ');
  const publishers = await publishersOfDrawnClaims(page);
  assert.ok(publishers.size > 0);
  for (const publisher of publishers) assert.ok(footer.includes(publisher), `credits ${publisher}`);
  assert.match(footer, /Sources of the claims shown, by publisher: /);
  // The legend says what is drawn: the types on screen, no scenario marks without a scenario.
  const legend = picture.legend.entries;
  assert.ok(legend.some((e) => e.kind === 'entity' && e.label === 'Company'));
  assert.ok(legend.some((e) => e.kind === 'claim' && e.label === STATUS_STYLES.reported.label));
  assert.equal(legend.filter((e) => e.kind === 'scenario').length, 0);
  assert.ok(!legend.some((e) => e.key === 'Population'), 'no type that is not drawn');
  assert.doesNotMatch(text, /\b[A-Z]{3,}_[A-Z]+\b|\bCOMPANY_CONFIRMED\b|\bStateBody\b|\d\.\d{4,}/, 'no enum names or raw floats');
  await page.getByTestId('status').filter({ hasText: /^Saved a picture of the whole graph \(\d+ entities\) as SVG\.$/ }).waitFor();
  await renderSvg(browser, svg, screenshotPath('picture-svg.png'));
  assert.deepEqual(errors, []);
  await page.close();
});

test('after zooming into a corner, the PNG is the whole picture, not a crop of the viewport', async () => {
  const { page, errors } = await openNimbus();
  await zoomIntoCorner(page);
  const hidden = await offScreen(page);
  assert.ok(hidden.length > 0);
  const svg = readSvg((await downloadFrom(page, 'export-svg')).bytes.toString('utf8'));
  const png = await downloadFrom(page, 'export-png');
  assert.equal(png.name, 'conflict-links-view.png');
  await savePicture(screenshotPath('picture-whole-graph.png'), png.bytes);
  const size = pngSize(png.bytes);
  // Twice the SVG's size: not the viewport's, whatever the window.
  assert.deepEqual(size, { width: svg.width * 2, height: svg.height * 2 });
  assert.notDeepEqual(size, VIEWPORT);

  // Every node is painted in its colour where the picture puts it, those off screen too.
  const ids = [...svg.nodes.keys()];
  const colours = await pngColours(browser, png.bytes, ids.map((id) => ({ x: svg.nodes.get(id)!.x * 2, y: svg.nodes.get(id)!.y * 2 })));
  ids.forEach((id, i) => assert.ok(colours[i]!.includes(svg.nodes.get(id)!.fill), `${id} painted in ${svg.nodes.get(id)!.fill}: ${colours[i]!.slice(0, 3)}`));
  for (const id of hidden) assert.ok(ids.includes(id));

  // Text is drawn: the title's band and the legend's box hold dark pixels on white.
  const [title, legend] = await pngColours(browser, png.bytes, [{ x: 80 * 2, y: 50 * 2 }, { x: (svg.legend.left + 60) * 2, y: 150 * 2 }], 30);
  const dark = (c: string) => parseInt(c.slice(1, 3), 16) < 90 && parseInt(c.slice(3, 5), 16) < 90 && parseInt(c.slice(5, 7), 16) < 90;
  assert.ok(title!.some(dark), 'title text');
  assert.ok(legend!.some(dark), 'legend text');
  await page.getByTestId('status').filter({ hasText: /as PNG\.$/ }).waitFor();
  assert.deepEqual(errors, []);
  await page.close();
});

test('the legend over the graph shows scenario marks only while a scenario is drawn', async () => {
  const { page, errors } = await openNimbus();
  const marks = page.getByTestId('legend').locator('[data-scenario-mark]');
  assert.equal(await marks.count(), 0);
  assert.ok((await page.getByTestId('legend').locator('[data-type]').count()) > 5);
  await page.getByTestId('open-scenario').click();
  const panel = page.getByTestId('scenario-panel');
  await panel.getByTestId('scenario-company').fill('Telenor');
  await panel.getByTestId('search-suggestion').filter({ hasText: /^Telenor Group/ }).first().click();
  await panel.getByTestId('scope-country-MM').check();
  await panel.getByTestId('scenario-as-of').fill('2022-02-15');
  await panel.getByTestId('scenario-run').click();
  await panel.getByTestId('scenario-summary').waitFor();
  await marks.first().waitFor();
  assert.deepEqual(await marks.allTextContents(), ['Ended by the scenario', 'Simulated by the scenario']);
  await page.waitForFunction(() => document.querySelector('[data-testid=graph-canvas]')?.getAttribute('data-layout') === 'settled');
  await page.screenshot({ path: screenshotPath('legend-with-scenario.png') });

  // Its picture has them too, and says whose scenario and which side is drawn.
  const svg = (await downloadFrom(page, 'export-svg')).bytes.toString('utf8');
  const picture = readSvg(svg);
  assert.deepEqual(picture.legend.entries.filter((e) => e.kind === 'scenario').map((e) => e.label), ['Ended by the scenario', 'Simulated by the scenario']);
  assert.ok(picture.texts.includes('Withdrawal scenario: Telenor Group'), picture.texts.slice(0, 3).join(' | '));
  assert.match(picture.texts.join(' '), /Drawn before the withdrawal/);
  await renderSvg(browser, svg, screenshotPath('picture-scenario.png'));

  await panel.locator('.close').click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=legend] [data-scenario-mark]').length === 0);
  assert.deepEqual(errors, []);
  await page.close();
});
