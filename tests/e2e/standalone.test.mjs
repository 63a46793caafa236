// The standalone page, built by `trunk build --release`, in headless Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage } from './support.mjs';

let server;
let browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const VIEWS = ['answer', 'mechanisms', 'techniques', 'map', 'studies', 'sources', 'safety'];

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
  assert.match(await page.locator('.mx-reviewed').textContent(), /Evidence reviewed 22 November 2026; 5 sources/);

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
