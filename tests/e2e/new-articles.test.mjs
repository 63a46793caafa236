// Two articles the seeds never had, written at test time (a trial report and a
// Q&A), dropped into a copy of seeds/ with nothing else edited: the build takes
// them, and the live site finds them through search, in a term's "not yet
// reviewed" section, and in the study list as unreviewed mentions with the size
// and journal the text gives.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { serve, launch, openPage } from './support.mjs';

const ROOT = resolve(import.meta.dirname, '../..');
// Different on every run, so nothing can have been prepared for them.
const people = 100 + (Date.now() % 800);
const word = `zephyrin${(Date.now() % 100000).toString(36)}`;
const journal = 'Journal of Bodywork Research';

const TRIAL = `A new trial of massage for long-lasting back pain

In a randomised controlled trial published in the ${journal} in 2022, ${people} adults with chronic low back pain were randomly assigned to weekly massage or usual care. Those who had massage reported less pain after ten weeks.

The researchers, from the ${word} clinic, say massage may also improve circulation in the back.
`;

const QUESTIONS = `Your questions about massage, answered

Q: Is massage safe for my back?
A: For most people it is. A review of 25 studies found that side effects were mostly mild soreness.

Q: How often should I go?
A: Many therapists suggest once a week at first.
`;

let dir;
let server;
let browser;

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mx-new-articles-'));
  const seeds = join(dir, 'seeds');
  await cp(join(ROOT, 'seeds'), seeds, { recursive: true });
  await writeFile(join(seeds, 'articles', '900_new_trial.txt'), TRIAL);
  await writeFile(join(seeds, 'articles', '901_questions.txt'), QUESTIONS);
  // A release build, as shipped (a debug wasm is 48 MB: too slow to load).
  execFileSync('trunk', ['build', '--release', '--dist', join(dir, 'dist')], {
    cwd: ROOT,
    env: { ...process.env, MX_SEEDS: seeds },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  server = await serve(join(dir, 'dist'));
  browser = await launch();
}, { timeout: 600_000 });

after(async () => {
  await browser?.close();
  await server?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

test('search finds a new article at once, and opens the reader at the passage', async () => {
  const { page, consoleErrors, offOrigin } = await openPage(browser.context, server.origin);
  await page.goto(`${server.origin}/`);
  // `/` focuses the search box from anywhere on the page.
  await page.locator('.mx-tabs [role=tab]').first().focus();
  await page.keyboard.press('/');
  assert.equal(await page.evaluate(() => document.activeElement?.closest('.mx-find') !== null), true);
  await page.keyboard.type(word.slice(0, 6).toUpperCase());
  await page.waitForFunction(() => location.hash.startsWith('#view=search&q='));
  const article = page.locator('.mx-found-group[data-kind=articles] .mx-hit');
  await article.first().waitFor();
  assert.match(await article.first().textContent(), new RegExp(`${word} clinic`));
  assert.match(await article.first().locator('mark').first().textContent(), /^zephyr$/i);
  // Arrow down from the box reaches the result; Enter opens it.
  await page.locator('.mx-find input').press('ArrowDown');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => location.hash.includes('view=sources&source=900_new_trial'));
  const marked = page.locator('.mx-reader .mx-mark-current');
  await marked.waitFor();
  assert.match(await marked.textContent(), new RegExp(word));
  // The search is a link: a fresh page shows the same results.
  const again = await openPage(browser.context, server.origin);
  await again.page.goto(`${server.origin}/#view=search&q=${word}`);
  await again.page.locator('.mx-hit').first().waitFor();
  assert.equal(await again.page.locator('.mx-find input').inputValue(), word);
  assert.equal(await again.page.locator('.mx-found-group[data-kind=articles] .mx-hit').count(), 1);
  await again.page.close();
  assert.deepEqual(consoleErrors, []);
  assert.deepEqual(offOrigin, []);
  await page.close();
});

test('a sentence of the new article shows, ungraded, under the term it mentions', async () => {
  const { page, consoleErrors } = await openPage(browser.context, server.origin);
  await page.goto(`${server.origin}/#view=mechanisms&item=blood-flow`);
  const section = page.locator('.mx-unreviewed');
  await section.waitFor();
  assert.match(await section.locator('h3').textContent(), /not yet reviewed/);
  assert.match(await section.textContent(), new RegExp(`${word} clinic, say massage may also improve circulation`));
  assert.equal(await section.locator('.mx-badge').count(), 0, 'no evidence grade');
  await section.locator('.mx-quote button').first().click();
  await page.waitForFunction(() => location.hash.includes('source=900_new_trial'));
  assert.deepEqual(consoleErrors, []);
  await page.close();
});

test('the study list shows the mentions as unreviewed studies with their size and journal', async () => {
  const { page, consoleErrors } = await openPage(browser.context, server.origin);
  await page.goto(`${server.origin}/#view=studies&status=unreviewed`);
  await page.locator('.mx-study').first().waitFor();
  const ids = await page.locator('.mx-study').evaluateAll((cards) => cards.map((c) => c.dataset.study).sort());
  assert.deepEqual(ids, ['unreviewed-900-new-trial-1', 'unreviewed-901-questions-1'], 'the trial, and the Q&A\'s review');
  const trial = page.locator('[data-study=unreviewed-900-new-trial-1]');
  assert.match(await trial.textContent(), /Not yet reviewed/);
  assert.match(await trial.textContent(), /In a randomised controlled trial published in the Journal of Bodywork Research/);
  // A short list shows every card unfolded; a long one folds the details.
  if (await trial.locator('.mx-details-toggle').count()) await trial.locator('.mx-details-toggle').click();
  const details = await trial.locator('.mx-detected').textContent();
  assert.match(details, new RegExp(`${people} adults`));
  assert.match(details, new RegExp(journal));
  assert.match(details, /2022/);
  const review = page.locator('[data-study=unreviewed-901-questions-1]');
  assert.match(await review.textContent(), /A review of 25 studies/);
  // The facet counts them under their own value.
  assert.match(await page.locator('[data-facet=status] label:has(input[data-value=unreviewed])').textContent(), /2/);
  assert.deepEqual(consoleErrors, []);
  await page.close();
});
