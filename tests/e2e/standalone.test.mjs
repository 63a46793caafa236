// The standalone page, built by `trunk build --release`, in headless Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage } from './support.mjs';

let server;
let browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const VIEWS = ['answer', 'options', 'mechanisms', 'techniques', 'map', 'studies', 'sources', 'safety'];

test('the sources view lists all five articles and no request leaves the origin', async () => {
  const { page, offOrigin, consoleErrors } = await openPage(browser.context, server.origin);
  await page.goto(`${server.origin}/#view=sources`);
  await page.locator('.mx-source').first().waitFor();

  const titles = (await page.locator('.mx-source-title').allTextContents()).map((t) => t.trim());
  assert.equal(titles.length, 5);
  assert.deepEqual(titles.slice(1), [
    'Therapeutic Massage: How Does It Help To Ease Back Pain?',
    'Massage Therapy For Back Pain',
    'The Effectiveness of Massage for Lower Back Pain',
    'Massage therapy for back pain',
  ]);
  // 000 has no title: it is named by its first words.
  assert.match(titles[0], /^“There is no one-size-fits-all answer/);
  assert.match(await page.locator('[data-source="004_0258de91f0d849d6"]').textContent(), /By Barbara Floria, Pure Matters/);
  assert.match(await page.locator('.mx-reviewed').textContent(), /Evidence reviewed 3 December 2026\. We checked 5 web articles about massage against the research\./);

  assert.deepEqual(offOrigin, [], 'no request may leave the serving origin');
  assert.deepEqual(consoleErrors, []);
  await page.close();
});

test('every view renders, keeps the safety notice, and every claim shown has a quote', async () => {
  const { page, offOrigin, consoleErrors } = await openPage(browser.context, server.origin);
  await page.goto(`${server.origin}/`);
  await page.locator('.mx-answer-point').first().waitFor();
  for (const view of VIEWS) {
    await page.locator(`#mx-tab-${view}`).click();
    await page.waitForSelector(`[role=tabpanel][data-view=${view}]`);
    // The default view keeps a clean URL; every other view is in the hash.
    const hash = await page.evaluate(() => location.hash);
    assert.ok(hash === `#view=${view}` || (view === 'answer' && hash === ''), `hash ${hash} for ${view}`);
    assert.equal(await page.locator('.mx-notice').count(), 1, `safety notice on ${view}`);
  }
  // Open every mechanism and technique: each claim shown carries a quote.
  for (const view of ['mechanisms', 'techniques']) {
    await page.locator(`#mx-tab-${view}`).click();
    const count = await page.locator('.mx-card').count();
    for (let i = 0; i < count; i += 1) {
      await page.locator('.mx-card .mx-card-button').nth(i).click();
      await page.locator('.mx-detail').waitFor();
      for (const claim of await page.locator('.mx-claim').all()) {
        assert.ok(await claim.locator('.mx-quote blockquote').count() >= 1, `claim ${await claim.getAttribute('data-claim')} has a quote`);
      }
      await page.goBack();
      await page.locator('.mx-card').first().waitFor();
    }
  }
  assert.deepEqual(offOrigin, []);
  assert.deepEqual(consoleErrors, []);
  await page.close();
});

test('no view is wider than a 375 px phone', async () => {
  const { page, consoleErrors } = await openPage(browser.context, server.origin);
  await page.setViewportSize({ width: 375, height: 800 });
  for (const hash of [...VIEWS.map((v) => `view=${v}`), 'view=search&q=m', 'view=mechanisms&item=blood-flow', 'view=sources&source=004_0258de91f0d849d6']) {
    await page.goto(`${server.origin}/#${hash}`);
    await page.locator('.mx-panel').waitFor();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.equal(width, 375, `#${hash} scrolls sideways`);
  }
  assert.deepEqual(consoleErrors, []);
  await page.close();
});

test('on a phone the first screen answers the question, with the emergency signs right after', async () => {
  const { page, consoleErrors } = await openPage(browser.context, server.origin);
  await page.setViewportSize({ width: 375, height: 667 });
  for (const hash of ['', '#view=studies', '#view=safety']) {
    await page.goto(`${server.origin}/${hash}`);
    await page.locator('.mx-panel').waitFor();
    const summary = await page.locator('.mx-header .mx-answer-summary').boundingBox();
    const notice = await page.locator('.mx-notice').boundingBox();
    assert.ok(summary.y + summary.height <= 667, `${hash || '/'}: the short answer ends at ${Math.round(summary.y + summary.height)} px, past the screen`);
    assert.ok(notice.y > summary.y && notice.y < 667, `${hash || '/'}: the emergency signs start on the first screen, after the answer`);
  }
  assert.deepEqual(consoleErrors, []);
  await page.close();
});

test('a malformed hash shows the defaults with one console warning', async () => {
  const { page, consoleErrors } = await openPage(browser.context, server.origin);
  const warnings = [];
  page.on('console', (msg) => { if (msg.type() === 'warning') warnings.push(msg.text()); });
  await page.goto(`${server.origin}/#view=<script>alert(1)</script>`);
  await page.locator('.mx-answer-point').first().waitFor();
  assert.equal(await page.locator('[role=tabpanel]').getAttribute('data-view'), 'answer');
  assert.equal(warnings.filter((w) => w.includes('massage-explainer')).length, 1);
  assert.deepEqual(consoleErrors, []);
  await page.close();
});

test('the standalone page announces mx-ready once, with the screen, for timing first render', async () => {
  const { page, consoleErrors } = await openPage(browser.context, server.origin);
  await page.addInitScript(() => {
    window.__ready = [];
    document.addEventListener('mx-ready', (event) => {
      window.__ready.push({ at: performance.now(), target: event.target.id, ...event.detail });
    });
  });
  await page.goto(`${server.origin}/#view=studies`);
  await page.waitForFunction(() => window.__ready.length > 0);
  await page.locator('#mx-tab-map').click();
  const ready = await page.evaluate(() => window.__ready);
  assert.equal(ready.length, 1);
  assert.equal(ready[0].target, 'massage-explainer-app');
  assert.equal(ready[0].view, 'studies');
  assert.equal(ready[0].state, 'view=studies');
  assert.ok(ready[0].at > 0);
  assert.deepEqual(consoleErrors, []);
  await page.close();
});

test('report cards: the table sorts, a cell opens the card at its criterion, quotes and reasons show', async () => {
  const { page, offOrigin, consoleErrors } = await openPage(browser.context, server.origin);
  await page.goto(`${server.origin}/#view=sources`);
  const rows = page.locator('.mx-report tbody tr');
  await rows.first().waitFor();
  assert.equal(await rows.count(), 5);
  const order = () => rows.evaluateAll((trs) => trs.map((tr) => tr.dataset.article));
  const inFileOrder = await order();
  // Sort by "Criteria met": most satisfactory first; again to undo.
  await page.locator('.mx-report thead button', { hasText: 'Criteria met' }).click();
  const scores = await page.locator('.mx-report .mx-score').allTextContents();
  const met = scores.map((s) => Number(s.split(' ')[0]));
  assert.deepEqual(met, [...met].sort((a, b) => b - a), `sorted: ${scores}`);
  assert.equal(await page.locator('.mx-report th[aria-sort=descending]').count(), 1);
  await page.locator('.mx-report thead button', { hasText: 'Criteria met' }).click();
  assert.deepEqual(await order(), inFileOrder);
  // Sort by "Who is behind it": 004, which names its writer and publisher, first.
  await page.locator('.mx-report thead button', { hasText: 'Who is behind it' }).click();
  assert.equal((await order())[0], '004_0258de91f0d849d6');
  // A cell opens that article's card at that criterion, with the reason and quotes.
  await page.locator('[data-article="004_0258de91f0d849d6"] .mx-verdict-cell button').first().click();
  await page.locator('.mx-reader .mx-report-card').waitFor();
  assert.match(page.url(), /#view=sources&source=004_0258de91f0d849d6&criterion=who-is-behind-it$/);
  const open = page.locator('.mx-report-card li[data-criterion=who-is-behind-it] details[open]');
  await open.waitFor();
  assert.match(await open.textContent(), /Our rating:/);
  assert.match(await page.locator('.mx-verdict-line').textContent(), /\S/);
  // A computed criterion says so, with its reason from the claim base.
  await page.locator('li[data-criterion=evidence-mix] summary').click();
  assert.match(await page.locator('li[data-criterion=evidence-mix]').textContent(), /Computed from the claim base: Of its \d+ claims/);
  // The shared link reloads to the same card, criterion open.
  const again = await openPage(browser.context, server.origin);
  await again.page.goto(page.url());
  await again.page.locator('.mx-report-card li[data-criterion=who-is-behind-it] details[open]').waitFor();
  await again.page.close();
  assert.deepEqual(offOrigin, []);
  assert.deepEqual(consoleErrors, []);
  await page.close();
});

test('the report table is a keyboard grid: arrow keys move between verdicts, Enter opens one', async () => {
  const { page, consoleErrors } = await openPage(browser.context, server.origin);
  await page.goto(`${server.origin}/#view=sources`);
  await page.locator('.mx-report tbody tr').first().waitFor();
  // One tab stop in the grid: the first verdict.
  assert.equal(await page.locator('.mx-verdict-cell button[tabindex="0"]').count(), 1);
  await page.locator('.mx-verdict-cell button[tabindex="0"]').focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowDown');
  const at = await page.evaluate(() => [document.activeElement.dataset.row, document.activeElement.dataset.col]);
  assert.deepEqual(at, ['1', '1']);
  const label = await page.evaluate(() => document.activeElement.getAttribute('aria-label'));
  assert.match(label, /^Therapeutic Massage: How Does It Help To Ease Back Pain\?: Names its sources: /);
  await page.keyboard.press('Enter');
  await page.locator('.mx-report-card li[data-criterion=names-sources] details[open]').waitFor();
  assert.deepEqual(consoleErrors, []);
  await page.close();
});

test('every view says who stands behind the guide: the version in the footer, the whole statement one tap away', async () => {
  const { page, consoleErrors } = await openPage(browser.context, server.origin);
  for (const view of ['answer', 'options', 'studies']) {
    await page.goto(`${server.origin}/#view=${view}`);
    const footer = page.locator('.mx-footer');
    await footer.locator('.mx-about summary').waitFor();
    assert.match(await footer.textContent(), /Version \d+\.\d+\.\d+, published 3 December 2026\./);
  }
  // Folded until the reader opens it; then every certification item is there.
  const about = page.locator('.mx-about');
  await about.locator('summary').click();
  await about.locator('h3', { hasText: 'Who pays for it' }).waitFor();
  const text = (await about.textContent()).replace(/\s+/g, ' ');
  for (const wanted of ['How it is written and checked', 'no funder to declare', 'takes no money from massage businesses', 'searched for trials up to August 2014', 'The next review is due by 3 June 2027.']) {
    assert.ok(text.includes(wanted), `"${wanted}" in who stands behind it`);
  }
  assert.deepEqual(consoleErrors, []);
  await page.close();
});
