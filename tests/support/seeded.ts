// What most test files start with: the test database reset to the seed data and the real
// server on it; and one way to close whatever a file opened.
import type { Browser } from 'playwright-core';
import type { Database } from '../../api/db/database.ts';
import { startTestApi, type TestApi } from './api.ts';
import { launchBrowser } from './browser.ts';
import { openTestDatabase, resetToSeed } from './database.ts';
import { loadShippedLists } from '../../seed/shippedLists.ts';

export async function startSeededApi(): Promise<{ db: Database; api: TestApi }> {
  const db = await openTestDatabase();
  await resetToSeed(db);
  const api = await startTestApi(db);
  return { db, api };
}

/** The graph `npm start` serves: the seed, then the shipped official lists. */
export async function startListedApi(): Promise<{ db: Database; api: TestApi }> {
  const opened = await startSeededApi();
  await loadShippedLists(opened.db);
  return opened;
}

/** Closes each in the order given (last opened first), skipping what a failed `before` never opened. */
export async function closeAll(...opened: ({ close(): Promise<void> } | undefined)[]): Promise<void> {
  for (const thing of opened) await thing?.close();
}

/** A browser test file's start: the seeded app, Chromium, and one close for all three. */
export async function startSeededBrowser(): Promise<{ db: Database; api: TestApi; browser: Browser; close(): Promise<void> }> {
  const { db, api } = await startSeededApi();
  const browser = await launchBrowser().catch(async (error: unknown) => {
    await closeAll(api, db);
    throw error;
  });
  return { db, api, browser, close: () => closeAll(browser, api, db) };
}
