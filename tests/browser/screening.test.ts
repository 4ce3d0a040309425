// Portfolio screening in headless Chromium against the real server and Neo4j with the seed
// data: upload a CSV, watch the progress, confirm a weak match, read the summary, sort and
// filter the table, open a flag's paths in the explorer, export the printable report, and a
// malformed file refused with its lines.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { projectRoot } from '../../api/config.ts';
import type { TestApi } from '../support/api.ts';
import { startSeededBrowser } from '../support/seeded.ts';
import { openAppPage } from '../support/browser.ts';

let api: TestApi;
let browser: Browser;
let close = async () => {};

before(async () => ({ api, browser, close } = await startSeededBrowser()));
after(() => close());

const PORTFOLIO = ['name,weight', 'Google LLC,30', 'TELENOR ASA,20', 'Microsfot,10', 'Fictional Widgets Inc.,40'].join('\n');

/** Opens the screening panel and screens `csv` as the portfolio `name`, uploaded as a file. */
async function screen(page: Page, name: string, csv: string) {
  await page.getByTestId('open-screening').click();
  const panel = page.getByTestId('screening-panel');
  await panel.getByTestId('screening-file').setInputFiles({ name: 'holdings.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await panel.getByTestId('screening-name').fill(name);
  await panel.getByTestId('screening-run').click();
  return panel;
}

/** Each shown row's cells, joined by spaces. */
const rowTexts = (page: Page) =>
  page.getByTestId('holding-row').evaluateAll((rows) => rows.map((r) => [...(r as HTMLTableRowElement).cells].map((c) => (c.textContent ?? '').trim()).join(' ')));

test('upload to report: progress, review, summary, table, a flag opened in the explorer, exports', async () => {
  const { page, errors } = await openAppPage(browser, api.url, '/', { width: 1500, height: 900 });
  const panel = await screen(page, 'browser-fund', PORTFOLIO);
  await panel.getByTestId('screening-done').waitFor();
  // Progress: the last report is of the two entities matched without review (Google, Telenor), all done.
  const bar = panel.getByTestId('screening-progress').locator('progress');
  assert.deepEqual([await bar.getAttribute('value'), await bar.getAttribute('max')], ['2', '2']);
  assert.match(await panel.getByTestId('screening-progress').textContent() ?? '', /Screening matched entities: 2 of 2/);

  // The misspelt holding is not screened: it waits for a person.
  const review = panel.getByTestId('screening-review');
  assert.match(await review.textContent() ?? '', /Matches to review \(1\).*Line 4: Microsfot/s);
  await review.getByTestId('review-confirm').filter({ hasText: 'This is Microsoft' }).click();
  await review.getByTestId('screening-rerun').filter({ hasText: 'with 1 choice' }).click();
  await page.waitForFunction(() => document.querySelector('[data-testid=screening-review]')?.textContent === '');

  // Summary weighted by the weight column: Google, Telenor and Microsoft exposed (60 of 100).
  const summary = panel.getByTestId('screening-summary');
  assert.match(await summary.textContent() ?? '', /4 holdings, 3 exposed: 60\.0% of the portfolio by weight/);
  assert.match(await panel.getByTestId('summary-conflicts').textContent() ?? '', /Israel-Gaza war \(2023-\): 40\.0% \(2 holdings\)/);

  // The table: most severe first by default; sorted by line on request; filtered.
  const rows = await rowTexts(page);
  assert.equal(rows.length, 4);
  assert.match(rows[0]!, /Google LLC matched Google .*high 0\.417/);
  assert.match(rows.find((r) => r.includes('Microsfot'))!, /confirmed Microsoft/);
  await panel.getByTestId('sort-line').click();
  assert.deepEqual((await rowTexts(page)).map((r) => r.split(' ')[0]), ['2', '3', '4', '5']);
  await panel.getByTestId('results-filter').fill('telenor');
  assert.deepEqual((await rowTexts(page)).map((r) => r.split(' ')[0]), ['3']);
  await panel.getByTestId('results-filter').fill('');
  await panel.getByTestId('results-level').selectOption('HIGH');
  assert.deepEqual((await rowTexts(page)).map((r) => r.split(' ')[0]).sort(), ['2', '4'], 'Google and Microsoft are high');
  await panel.getByTestId('results-level').selectOption('');
  await panel.getByTestId('results-harm').selectOption('abuse-myanmar-intercept');
  assert.match((await rowTexts(page)).join('|'), /^3 TELENOR ASA/);
  await panel.getByTestId('results-harm').selectOption('');

  // A holding opened shows its flags, and their paths once loaded: the Gaza war through Project Nimbus.
  await page.getByTestId('holding-row').filter({ hasText: 'Google LLC' }).getByRole('button', { name: 'Google LLC' }).click();
  await page.waitForFunction(() =>
    [...document.querySelectorAll('[data-testid=flag]')].some((li) => /^0\.417 Israel-Gaza war \(2023-\) via Project Nimbus cloud services/.test(li.textContent ?? '')),
  );

  // Exports: the CSV has a row per holding; the report lists each flag with its sources.
  const download = async (testid: string) => {
    const [file] = await Promise.all([page.waitForEvent('download'), panel.getByTestId(testid).click()]);
    return { name: file.suggestedFilename(), text: await readFile((await file.path())!, 'utf8') };
  };
  const csv = await download('export-csv');
  assert.equal(csv.name, 'browser-fund-screening.csv');
  assert.equal(csv.text.trim().split('\n').length, 5);
  const html = await download('export-html');
  assert.match(html.text, /<h1>Screening of browser-fund<\/h1>/);
  // Each flag's path cites its claims by number; the claims are listed under the holding with their sources.
  assert.match(html.text, /<td>Junta demands for intercept surveillance of telecom users in Myanmar<\/td><td>0\.053<\/td><td>Telenor Group → Telenor Myanmar → Telenor Myanmar mobile network → [^<]+<span class="cite">\[1\] \[2, undated\] \[\d+\]<\/span>/);
  assert.match(html.text, /<ol class="claims"><li>owns \(reported; [^)]*\): [^<]+<ul><li><a href="https:\/\/[^"]+">/);
  assert.equal(await panel.getByTestId('export-status').textContent(), '', 'the paths were loaded');

  // A flag opens its paths in the explorer: the path finder lists them and the graph draws them.
  // (The opened holding stays open as the table is sorted again.)
  await panel.getByTestId('sort-severity').click();
  await panel.getByTestId('open-flag').filter({ hasText: 'Israel-Gaza war', visible: true }).click();
  const paths = page.getByTestId('paths-panel');
  await paths.getByTestId('path').first().waitFor();
  assert.equal(await page.getByTestId('screening-panel').isHidden(), true);
  assert.match(await paths.getByTestId('path').first().textContent() ?? '', /^0\.417 Google → Project Nimbus cloud services .* → Israel-Gaza war/);
  await page.waitForFunction(() => Number(document.querySelector('[data-testid=graph-canvas]')?.getAttribute('data-nodes')) >= 3);
  // The screening keeps its results when opened again.
  await page.getByTestId('open-screening').click();
  assert.equal((await rowTexts(page)).length, 4);
  assert.deepEqual(errors, []);
});

test("a reader's choice is remembered for the next run of the same portfolio in this browser", async () => {
  const context = await browser.newContext({ viewport: { width: 1500, height: 900 } });
  const page = await context.newPage();
  await page.goto(api.url);
  let panel = await screen(page, 'remembered-fund', PORTFOLIO);
  await panel.getByTestId('screening-done').waitFor();
  await panel.getByTestId('review-reject').click();
  await page.reload();
  panel = await screen(page, 'remembered-fund', PORTFOLIO);
  await panel.getByTestId('screening-done').waitFor();
  assert.equal(await panel.getByTestId('screening-review').textContent(), '', 'nothing left to review');
  assert.match((await rowTexts(page)).join('|'), /4 Microsfot rejected/);
  // Another portfolio name starts afresh.
  panel = await screen(page, 'other-fund', PORTFOLIO);
  await panel.getByTestId('screening-done').filter({ hasText: 'other-fund' }).waitFor();
  assert.match(await panel.getByTestId('screening-review').textContent() ?? '', /Microsfot/);
  await context.close();
});

test('a malformed file is refused whole, with each problem by line', async () => {
  const { page, errors } = await openAppPage(browser, api.url);
  const panel = await screen(page, 'bad-fund', ['name,isin,weight', 'Google,,30', 'Telenor,NOT-AN-ISIN,20', 'Meta,,lots'].join('\n'));
  const problems = panel.getByTestId('screening-problems');
  await problems.waitFor();
  const text = await problems.textContent() ?? '';
  assert.match(text, /line 3: "NOT-AN-ISIN" is not a valid ISIN/);
  assert.match(text, /line 4: weight "lots"/);
  assert.match(await panel.getByTestId('screening-messages').textContent() ?? '', /Nothing was screened/);
  assert.equal(await page.getByTestId('holding-row').count(), 0);
  assert.deepEqual(errors, []);
});

test('the most-hops control screens within that many hops, as the API does', async () => {
  const content = 'name\nTelenor ASA\n';
  const flagsWithin = async (maxHops: number) => {
    const res = await api.gql(`mutation($c: String!, $h: Int) { screenPortfolio(portfolio: "hops-api", content: $c, maxHops: $h) { holdings { exposure { harmCount } } } }`, { c: content, h: maxHops });
    assert.equal(res.errors, undefined, JSON.stringify(res.errors));
    return res.data!.screenPortfolio.holdings[0].exposure.harmCount as number;
  };
  const [two, four] = [await flagsWithin(2), await flagsWithin(4)];
  assert.ok(two < four, `Telenor reaches fewer harms within 2 hops (${two}) than 4 (${four})`);
  const { page, errors } = await openAppPage(browser, api.url, '/', { width: 1500, height: 900 });
  const flagsShown = async (hops: string) => {
    await page.getByTestId('open-screening').click();
    const panel = page.getByTestId('screening-panel');
    await panel.getByTestId('screening-paste').fill(content);
    await panel.getByTestId('screening-name').fill(`hops-${hops}`);
    await panel.getByTestId('screening-hops').selectOption(hops);
    await panel.getByTestId('screening-run').click();
    await panel.getByTestId('screening-done').filter({ hasText: `hops-${hops}` }).waitFor();
    return page.getByTestId('holding-row').first().evaluate((r) => Number((r as HTMLTableRowElement).cells[5]!.textContent));
  };
  assert.equal(await flagsShown('2'), two);
  assert.equal(await flagsShown('4'), four);
  assert.deepEqual(errors, []);
});

test('a long portfolio draws its table 500 rows at a time; filters start again from the first page', async () => {
  const names = ['Google', 'Microsoft', 'Telenor ASA', 'Fictional Widgets Inc.'];
  const content = ['name', ...Array.from({ length: 1100 }, (_, i) => names[i % names.length])].join('\n');
  const { page, errors } = await openAppPage(browser, api.url, '/', { width: 1500, height: 900 });
  await page.getByTestId('open-screening').click();
  const panel = page.getByTestId('screening-panel');
  await panel.getByTestId('screening-paste').fill(content);
  await panel.getByTestId('screening-name').fill('long-fund');
  await panel.getByTestId('screening-run').click();
  await panel.getByTestId('screening-done').waitFor();
  const rows = () => page.getByTestId('holding-row').count();
  const count = () => panel.getByTestId('results-count').textContent();
  assert.equal(await rows(), 500);
  assert.equal(await count(), '500 of 1,100 holdings shown.');
  await panel.getByTestId('results-more').click();
  assert.equal(await rows(), 1000);
  assert.equal(await panel.getByTestId('results-more').textContent(), 'Show 100 more');
  await panel.getByTestId('results-more').click();
  assert.equal(await rows(), 1100);
  assert.equal(await panel.getByTestId('results-more').isHidden(), true);
  // 275 of each name: a filter shows the first 275 Telenor rows, and no more to show.
  await panel.getByTestId('results-filter').fill('telenor');
  assert.equal(await rows(), 275);
  assert.equal(await count(), '275 of the 275 holdings that pass the filters shown (1,100 in all).');
  assert.equal(await panel.getByTestId('results-more').isHidden(), true);
  await panel.getByTestId('results-filter').fill('');
  assert.equal(await rows(), 500, 'a new filter starts from the first page');
  assert.deepEqual(errors, []);
});

test('a file that is part of a fund: both shares, what was not screened with its weight, the settings, contested evidence, in the panel and the exports', async () => {
  // 60 % of a fund: Google 30 and Shwe Byain Phyu 10 match; Microsfot 10 is weak; Fictional Widgets 10 matches nothing.
  const content = ['name,weight', 'Google LLC,30', 'Shwe Byain Phyu Group,10', 'Microsfot,10', 'Fictional Widgets Inc.,10'].join('\n');
  const { page, errors } = await openAppPage(browser, api.url, '/', { width: 1500, height: 1000 });
  await page.getByTestId('open-screening').click();
  const panel = page.getByTestId('screening-panel');
  await panel.getByTestId('screening-paste').fill(content);
  await panel.getByTestId('screening-name').fill('part-fund');
  await panel.getByTestId('screening-hops').selectOption('3');
  await panel.getByTestId('screening-run').click();
  await panel.getByTestId('screening-done').filter({ hasText: 'part-fund' }).waitFor();
  // Matching is said as looking up: a weak or unmatched holding is not "matched".
  assert.match(await panel.getByTestId('screening-progress').textContent() ?? '', /Screening matched entities: 2 of 2/);

  const summary = (await panel.getByTestId('screening-summary').locator('p').first().textContent()) ?? '';
  assert.equal(
    summary,
    '4 holdings, 2 exposed: 66.7% of the file (40.0% of the whole portfolio) by weight. Not screened: 1 not matched, 16.7% of the file (10.0% of the whole portfolio); ' +
      '1 match to review, 16.7% of the file (10.0% of the whole portfolio).',
  );
  assert.match(await panel.getByTestId('screening-note').allTextContents().then((t) => t.join(' ')), /Note: the weights add up to 60\.0% of the portfolio \(read as percentages\), not 100%/);
  assert.match(await panel.getByTestId('screening-settings').textContent() ?? '', /^Settings: Most hops: 3\. As of: any date \(no time filter\)\. Undated claims: included \(on a date, only while both their ends exist\)\. Statuses: all\. Minimum confidence: none\. Scoring: hop decay 0\.85; /);
  assert.match(await panel.getByTestId('summary-conflicts').textContent() ?? '', /Israel-Gaza war \(2023-\): 50\.0% of the file \(30\.0% of the whole\) \(1 holding\)/);
  const weights = await page.getByTestId('holding-row').evaluateAll((rows) => rows.map((r) => [(r as HTMLTableRowElement).cells[1]!.textContent, (r as HTMLTableRowElement).cells[3]!.textContent]));
  assert.deepEqual(Object.fromEntries(weights), {
    'Google LLC': '50.0% of the file (30.0% of the whole)',
    'Shwe Byain Phyu Group': '16.7% of the file (10.0% of the whole)',
    Microsfot: '16.7% of the file (10.0% of the whole)',
    'Fictional Widgets Inc.': '16.7% of the file (10.0% of the whole)',
  });

  // Shwe Byain Phyu's flag goes through its tie to the military, which a company representative denied.
  await page.getByTestId('holding-row').filter({ hasText: 'Shwe Byain Phyu' }).getByRole('button', { name: 'Shwe Byain Phyu Group' }).click();
  const contested = page.getByTestId('flag').filter({ has: page.getByTestId('flag-contested') }).first();
  await contested.waitFor();
  assert.match(await contested.textContent() ?? '', /via Myanmar military contested evidence.*Shwe Byain Phyu Group is linked to Myanmar military: Its sources record a response: "a company representative denied links to the military"/);
  mkdirSync(join(projectRoot, 'tests/browser/screenshots'), { recursive: true });
  await page.screenshot({ path: join(projectRoot, 'tests/browser/screenshots/screening-part-of-fund.png'), fullPage: true });

  const download = async (testid: string) => {
    const [file] = await Promise.all([page.waitForEvent('download'), panel.getByTestId(testid).click()]);
    return readFile((await file.path())!, 'utf8');
  };
  const csv = (await download('export-csv')).trim().split('\n');
  assert.equal(csv.length, 5);
  assert.match(csv[0]!, /,weight,value,weight_pct_of_file,weight_pct_of_whole,match_status,.*,best_path_contested,review_options,exposure_unknown,max_hops,as_of,undated_included,statuses,min_confidence,scoring$/);
  assert.match(csv.find((r) => r.startsWith('5,'))!, /^5,Fictional Widgets Inc\.,,,,10,,16\.7,10\.0,UNMATCHED,.*,3,,yes,,0,"hop decay 0\.85;/);
  assert.match(csv.find((r) => r.startsWith('4,'))!, /^4,Microsfot,,,,10,,16\.7,10\.0,WEAK,/);
  assert.match(csv.find((r) => r.startsWith('3,'))!, /,"Shwe Byain Phyu Group is linked to Myanmar military: Its sources record a response: ""a company representative denied links to the military""\.",/);
  const html = await download('export-html');
  assert.match(html, /2 exposed: 66\.7% of the file \(40\.0% of the whole portfolio\) by weight\. Not screened: 1 not matched/);
  assert.match(html, /<h2>Matches to review \(1\)<\/h2><ul><li>Line 4 "Microsfot" \(weight 16\.7% of the file \(10\.0% of the whole\)\), weak:/);
  assert.match(html, /<h2>Not matched \(1\)<\/h2><ul><li>Line 5 "Fictional Widgets Inc\." \(weight 16\.7% of the file \(10\.0% of the whole\)\): no entity in the graph matches it/);
  assert.match(html, /<li>Most hops: 3<\/li><li>As of: any date \(no time filter\)<\/li>/);
  assert.match(html, /Shwe Byain Phyu Group → Myanmar military → [^<]+<span class="cite">\[1, contested, undated\] \[\d+\]<\/span> <strong class="contested">contested evidence<\/strong>/);
  assert.match(html, /<p class="contested"><strong>Contested\.<\/strong> Its sources record a response: &quot;a company representative denied links to the military&quot;\.<\/p>/);

  // The flag opened in the path finder: the path, its hop and "why this score" say it is contested.
  await contested.getByTestId('open-flag').click();
  const paths = page.getByTestId('paths-panel');
  const first = paths.getByTestId('path').first();
  await first.waitFor();
  assert.equal(await first.getByTestId('path-contested').count(), 1);
  assert.equal(await first.getByTestId('hop-contested').count(), 1);
  await first.getByTestId('path-why').locator('summary').click();
  assert.match(await first.getByTestId('why-contested').textContent() ?? '', /^Hop 1 \(Shwe Byain Phyu Group[^)]* is linked to Myanmar military\) is contested: Its sources record a response: "a company representative denied links to the military"\. The score counts it at the confidence above\.$/);
  assert.match(await first.getByTestId('path-why').textContent() ?? '', /0\.50 \(alleged\), contested/);
  await page.screenshot({ path: join(projectRoot, 'tests/browser/screenshots/paths-contested-why.png') });
  assert.deepEqual(errors, []);
});
