// Signing in to the explorer where reads need a token (REQUIRE_READ_TOKEN): the page asks for
// one, a reader's token reads without editing controls, an editor's adds them, a bad one is
// refused with the reason. And where reads are open, the top bar's sign-in stays as it was.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { projectRoot } from '../../api/config.ts';
import { createToken } from '../../api/auth/tokens.ts';
import type { Database } from '../../api/db/database.ts';
import { startTestApi, type TestApi } from '../support/api.ts';
import { launchBrowser, openAppPage } from '../support/browser.ts';
import { openTestDatabase, resetToSeed } from '../support/database.ts';
import { closeAll } from '../support/seeded.ts';

let db: Database | undefined;
let locked: TestApi | undefined;
let open: TestApi | undefined;
let browser: Browser | undefined;
let readerToken = '';
let editorToken = '';

const screenshots = join(projectRoot, 'tests/browser/screenshots');
const screenshot = (page: Page, name: string) => page.screenshot({ path: join(screenshots, `sign-in-${name}.png`) });

before(async () => {
  db = await openTestDatabase();
  await resetToSeed(db);
  locked = await startTestApi(db, { requireReadToken: true });
  open = await startTestApi(db);
  browser = await launchBrowser();
  readerToken = await createToken(db, 'browser-reader', 'reader');
  editorToken = await createToken(db, 'browser-gate-editor', 'editor');
  mkdirSync(screenshots, { recursive: true });
});
after(() => closeAll(browser, open, locked, db));

async function signIn(page: Page, token: string): Promise<void> {
  await page.getByTestId('token-input').fill(token);
  await page.getByTestId('sign-in').click();
}

async function openNimbus(page: Page): Promise<void> {
  await page.getByTestId('search-input').fill('Nimbus');
  await page.getByTestId('search-suggestion').filter({ hasText: /^Project NimbusContract/ }).click();
  await page.getByTestId('details-name').filter({ hasText: 'Project Nimbus' }).waitFor();
  await page.waitForFunction(() => Number(document.querySelector('[data-testid=graph-canvas]')?.getAttribute('data-nodes')) > 1);
}

const editingControls = (page: Page) => page.getByTestId('details-panel').locator('button.edit').count();

test('reads need a token: the page asks for one, and a bad token is refused with the reason', async () => {
  const { page, errors } = await openAppPage(browser!, locked!.url);
  const gate = page.getByTestId('sign-in-gate');
  await gate.waitFor();
  assert.match((await gate.textContent()) ?? '', /Sign in to read.*This server needs a token to read the graph/);
  assert.equal(await gate.getByTestId('token-input').getAttribute('placeholder'), 'Token');
  assert.equal(await gate.getByTestId('sign-in').textContent(), 'Sign in');
  assert.equal(await page.getByTestId('token-input').count(), 1, 'one sign-in form, in the notice');
  await screenshot(page, 'gate');

  await signIn(page, 'cl_not-a-real-token');
  await gate.getByTestId('sign-in-error').filter({ hasText: 'Not signed in: That token is not known or has been revoked: ask whoever runs this server for a new one.' }).waitFor();
  assert.ok(await gate.isVisible(), 'still asking for a token');
  await screenshot(page, 'bad-token');
  assert.deepEqual(errors, []);
  await page.close();
});

test('a reader signs in, searches and reads the graph, with no editing controls', async () => {
  const { page, errors } = await openAppPage(browser!, locked!.url);
  await page.getByTestId('sign-in-gate').waitFor();
  await signIn(page, readerToken);
  await page.getByTestId('signed-in-as').filter({ hasText: 'Reading as browser-reader' }).waitFor();
  assert.equal(await page.getByTestId('sign-in-gate').isVisible(), false);

  await openNimbus(page);
  const panel = page.getByTestId('details-panel');
  assert.match((await panel.textContent()) ?? '', /Government of Israel/);
  await panel.getByTestId('source-link').first().waitFor();
  assert.equal(await panel.getByTestId('add-claim').count(), 0);
  assert.equal(await editingControls(page), 0);
  await screenshot(page, 'reader');

  // The token stays with this tab: a reload keeps the reader signed in; it is never in the link.
  await page.reload();
  await page.getByTestId('signed-in-as').filter({ hasText: 'Reading as browser-reader' }).waitFor();
  assert.equal(page.url().includes(readerToken), false);
  assert.equal(await page.evaluate(() => localStorage.length), 0);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a shared link opened where reads need a token draws its view once the reader signs in', async () => {
  const { page, errors } = await openAppPage(browser!, locked!.url, '/#e=google');
  await page.getByTestId('sign-in-gate').waitFor();
  await signIn(page, readerToken);
  await page.waitForFunction(() => (window as any).conflictLinks.nodes().includes('google'));
  assert.ok(((await page.evaluate(() => (window as any).conflictLinks.nodes())) as string[]).length > 1);
  assert.deepEqual(errors, []);
  await page.close();
});

test('an editor signs in where reads need a token and gets the editing controls; signing out asks again', async () => {
  const { page, errors } = await openAppPage(browser!, locked!.url);
  await page.getByTestId('sign-in-gate').waitFor();
  await signIn(page, editorToken);
  await page.getByTestId('signed-in-as').filter({ hasText: 'Editing as browser-gate-editor' }).waitFor();
  await openNimbus(page);
  const panel = page.getByTestId('details-panel');
  await panel.getByTestId('add-claim').waitFor();
  assert.ok((await editingControls(page)) > 1, '"Add a claim" and a Correct / Retract per claim');
  await screenshot(page, 'editor');

  await page.getByTestId('sign-out').click();
  await page.getByTestId('sign-in-gate').waitFor();
  assert.equal(await page.evaluate(() => sessionStorage.length), 0);
  assert.deepEqual(errors, []);
  await page.close();
});

test('where reads are open: no notice, anonymous reads, and "Sign in" in the top bar', async () => {
  const { page, errors } = await openAppPage(browser!, open!.url);
  await openNimbus(page);
  assert.equal(await page.getByTestId('sign-in-gate').isVisible(), false);
  assert.equal(await editingControls(page), 0);
  assert.equal(await page.getByTestId('sign-in').textContent(), 'Sign in');
  await screenshot(page, 'open-anonymous');

  await signIn(page, 'cl_not-a-real-token');
  await page.getByTestId('sign-in-error').filter({ hasText: /not known or has been revoked/ }).waitFor();
  assert.equal(await page.getByTestId('sign-in-gate').isVisible(), false, 'a bad token does not lock an open server');
  await screenshot(page, 'open-bad-token');
  assert.deepEqual(errors, []);
  await page.close();
});
