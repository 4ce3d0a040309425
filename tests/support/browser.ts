// Headless Chromium for the browser tests: Debian's package driven by playwright-core, with
// the flags this machine needs (no background networking: the network is closed), and pages
// that fail the test on any request leaving the machine.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { projectRoot } from '../../api/config.ts';
import { chromiumPath } from './chromium.ts';

const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_FLAGS });
}

/** Opens `path` of the app at `baseUrl`; page errors and outside requests are collected in `errors`. */
export async function openAppPage(browser: Browser, baseUrl: string, path = '/', viewport = { width: 1300, height: 850 }): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // Nothing may leave the machine: any request not to our server fails the test.
  await page.route((url) => !url.href.startsWith(baseUrl), (route) => {
    errors.push(`request outside the machine: ${route.request().url()}`);
    return route.abort();
  });
  await page.goto(new URL(path, baseUrl).href);
  return { page, errors };
}

/** Where a browser test saves a picture for people to look at (kept out of git). */
export function screenshotPath(name: string): string {
  const dir = join(projectRoot, 'tests/browser/screenshots');
  mkdirSync(dir, { recursive: true });
  return join(dir, name);
}

/**
 * Types `text` into the search box and opens a suggestion: the one for entity `id` when given
 * (names overlap: "Project Nimbus" and "Project Nimbus cloud services" may rank either way),
 * else the first whose text holds `name`; waits until the panel shows `name`.
 */
export async function openSuggestion(page: Page, text: string, name: string, id?: string): Promise<void> {
  await page.getByTestId('search-input').fill(text);
  const suggestions = page.getByTestId('search-suggestion');
  await (id ? suggestions.and(page.locator(`[data-id="${id}"]`)) : suggestions.filter({ hasText: name }).first()).click();
  await page.getByTestId('details-name').filter({ hasText: name }).waitFor();
}

/**
 * Hides what floats over the graph at the point a test is about to press (the legend, the
 * status line, the hint): the layout may put a node under them, and a person would press the
 * node where it shows.
 */
export async function uncoverPoint(page: Page, x: number, y: number): Promise<void> {
  await page.evaluate(({ x, y }) => {
    for (let i = 0; i < 5; i++) {
      const hit = document.elementFromPoint(x, y);
      if (!hit || hit.closest('[data-testid=graph-canvas]')) return;
      const overlay = [...document.querySelectorAll<HTMLElement>('.graph-area > *')].find((e) => e.contains(hit));
      if (!overlay) return;
      overlay.style.visibility = 'hidden';
    }
  }, { x, y });
}
