// Search everything on the seeds: the header box, results grouped by kind with
// matches marked, the keyboard, and each result opening its screen.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage } from './support.mjs';

let server;
let browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const groups = (page) => page.locator('.mx-found-group').evaluateAll((gs) => gs.map((g) => g.dataset.kind));

test('typing shows results grouped by kind, marked, folded, as a shareable URL', async () => {
  const { page, consoleErrors, offOrigin } = await openPage(browser.context, server.origin);
  await page.goto(`${server.origin}/#view=map`);
  await page.locator('.mx-find input').pressSequentially('CIRCUL');
  await page.waitForFunction(() => location.hash === '#view=search&q=CIRCUL');
  assert.deepEqual(await groups(page), ['claims', 'terms', 'studies', 'articles']);
  assert.match(await page.locator('.mx-found [role=status]').textContent(), /^\d+ results for “CIRCUL”/);
  // Matches are <mark>s around the typed prefix, in text, never HTML.
  const marks = await page.locator('.mx-hit mark').allTextContents();
  assert.ok(marks.length > 5 && marks.every((m) => /^circul$/i.test(m)), marks.join());
  // Accents and case fold: "círcul" finds the same.
  await page.locator('.mx-find input').fill('círcul');
  await page.locator('.mx-find [role=status], .mx-found [role=status]').first().waitFor();
  await page.waitForFunction(() => document.querySelector('.mx-found [role=status]')?.textContent.includes('círcul'));
  assert.deepEqual(await groups(page), ['claims', 'terms', 'studies', 'articles']);
  // "Show more" reveals the rest of a group.
  const articles = page.locator('.mx-found-group[data-kind=articles]');
  const total = Number((await articles.locator('h3 .mx-count').textContent()).match(/\d+/)[0]);
  assert.equal(await articles.locator('.mx-hit').count(), Math.min(total, 5));
  if (total > 5) {
    await articles.locator('.mx-more').focus();
    await page.keyboard.press('Enter');
    assert.equal(await articles.locator('.mx-hit').count(), total);
    // The button is gone: focus is on the first result it revealed.
    await page.waitForFunction(() => {
      const hits = [...document.querySelectorAll('.mx-found-group[data-kind=articles] .mx-hit')];
      return hits.indexOf(document.activeElement) === 5;
    });
  }
  // Nothing found says so, and suggests what to try.
  await page.locator('.mx-find input').fill('qqqzzz');
  await page.waitForFunction(() => document.querySelector('.mx-found [role=status]')?.textContent.startsWith('Nothing found'));
  assert.equal(await page.locator('.mx-hit').count(), 0);
  assert.deepEqual(offOrigin, []);
  assert.deepEqual(consoleErrors, []);
  await page.close();
});

test('the keyboard: / focuses the box, arrows move through results, Enter opens one', async () => {
  const { page, consoleErrors } = await openPage(browser.context, server.origin);
  await page.goto(`${server.origin}/`);
  await page.locator('body').press('/');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'mx-find');
  await page.keyboard.type('red flag');
  await page.locator('.mx-hit').first().waitFor();
  // `/` typed in a field is just a character.
  await page.keyboard.type(' /');
  assert.equal(await page.locator('.mx-find input').inputValue(), 'red flag /');
  await page.locator('.mx-find input').fill('numbness');
  await page.locator('.mx-found-group[data-kind=safety] .mx-hit').first().waitFor();
  await page.keyboard.press('ArrowDown');
  const first = await page.evaluate(() => document.activeElement?.className);
  assert.equal(first, 'mx-hit');
  await page.keyboard.press('End');
  const last = await page.evaluate(() => [...document.querySelectorAll('.mx-hit')].indexOf(document.activeElement));
  assert.equal(last, await page.locator('.mx-hit').count() - 1);
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowUp');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'mx-find', 'up from the first result is the box');
  // A safety result opens the safety view at that item, marked.
  await page.locator('.mx-found-group[data-kind=safety] .mx-hit').first().focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => location.hash.startsWith('#view=safety&safety='));
  const item = page.locator('.mx-safety li.mx-selected');
  assert.match(await item.textContent(), /numbness/i);
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.safety !== undefined), true, 'focus moves to it');
  // The box keeps the search; Back returns to the results.
  assert.equal(await page.locator('.mx-find input').inputValue(), 'numbness');
  await page.goBack();
  await page.waitForFunction(() => location.hash === '#view=search&q=numbness');
  await page.locator('.mx-hit').first().waitFor();
  assert.deepEqual(consoleErrors, []);
  await page.close();
});

test('every kind of result opens its screen', async () => {
  const { page, consoleErrors } = await openPage(browser.context, server.origin);
  for (const [query, kind, hash, shown] of [
    ['lactic', 'claims', /^#view=answer&claim=/, '.mx-claim'],
    ['endorphin', 'terms', /^#view=mechanisms&item=endorphins$/, '.mx-detail'],
    ['cherkin', 'studies', /^#view=studies&study=cherkin-/, '.mx-study-selected'],
    ['NICE', 'guidelines', /^#view=answer&guideline=/, '.mx-guideline.mx-selected'],
    ['lactic', 'articles', /^#view=sources&source=.+&at=\d+-\d+$/, '.mx-mark-current'],
  ]) {
    await page.goto(`${server.origin}/#view=search&q=${query}`);
    await page.locator(`.mx-found-group[data-kind=${kind}] .mx-hit`).first().click();
    await page.waitForFunction((re) => new RegExp(re).test(location.hash), hash.source);
    await page.locator(shown).first().waitFor();
  }
  assert.deepEqual(consoleErrors, []);
  await page.close();
});
