// The study list in the built site: filter, search, sort, reload from the URL,
// and export citations — all in headless Chromium, nothing leaving the origin.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { serve, launch, openPage } from './support.mjs';

let server;
let browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const shown = (page) => page.locator('.mx-study').evaluateAll((cards) => cards.map((c) => c.dataset.study));

test('filter, search and sort; the URL reloads the same list; RIS and CSL-JSON export', async () => {
  const { page, offOrigin, consoleErrors } = await openPage(browser.context, server.origin);
  await page.goto(`${server.origin}/#view=studies`);
  await page.locator('.mx-study').first().waitFor();
  assert.equal((await shown(page)).length, 10, 'the first page of 26');

  await page.locator('[data-facet=status] input[data-value=identified]').check();
  // Typed key by key: the URL follows once typing pauses, as one history entry.
  await page.locator('.mx-study-search input').pressSequentially('cherkin');
  await page.waitForFunction(() => location.hash.includes('q=cherkin'));
  await page.locator('.mx-toolbar select').selectOption('year');
  const list = await shown(page);
  assert.deepEqual(list, ['cherkin-2011', 'cherkin-2003', 'cherkin-2001']);
  assert.match(await page.locator('.mx-count').textContent(), /^3 studies$/);
  assert.ok(await page.locator('[data-study=cherkin-2011] mark').count() > 0, 'matches are marked');
  const url = page.url();
  assert.match(url, /#view=studies&q=cherkin&status=identified&sort=year$/);

  // A fresh page at that URL shows the same list.
  const again = await openPage(browser.context, server.origin);
  await again.page.goto(url);
  await again.page.locator('.mx-study').first().waitFor();
  assert.deepEqual(await shown(again.page), list);
  assert.equal(await again.page.locator('.mx-study-search input').inputValue(), 'cherkin');
  await again.page.close();

  // Back undoes the sort, then the whole search (one entry, not one per key).
  await page.goBack();
  await page.waitForFunction(() => !location.hash.includes('sort=year'));
  assert.deepEqual(await shown(page), ['cherkin-2011', 'cherkin-2001', 'cherkin-2003']);
  await page.goBack();
  await page.waitForFunction(() => !location.hash.includes('q='));
  assert.equal(await page.locator('.mx-study-search input').inputValue(), '');

  // Export the list as RIS and CSL-JSON: files made in the browser.
  await page.goForward();
  await page.waitForFunction(() => location.hash.includes('q=cherkin'));
  const [ris] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('.mx-cite-list button', { hasText: 'Download RIS' }).click(),
  ]);
  assert.equal(ris.suggestedFilename(), 'massage-studies.ris');
  const risText = await readFile(await ris.path(), 'utf8');
  assert.equal((risText.match(/^TY {2}- JOUR/gm) ?? []).length, 3);
  assert.match(risText, /^DO {2}- 10\.7326\/0003-4819-155-1-201107050-00002\r$/m);
  assert.match(risText, /^ER {2}- \r$/m);
  const [csl] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('.mx-cite-list button', { hasText: 'Download CSL-JSON' }).click(),
  ]);
  const items = JSON.parse(await readFile(await csl.path(), 'utf8'));
  assert.deepEqual(items.map((i) => i.id).sort(), ['cherkin-2001', 'cherkin-2003', 'cherkin-2011']);
  assert.equal(items.find((i) => i.id === 'cherkin-2011').author[0].family, 'Cherkin');

  assert.deepEqual(offOrigin, [], 'no request may leave the serving origin');
  assert.deepEqual(consoleErrors, []);
  await page.close();
});

test('copy APA puts the reference on the clipboard', async () => {
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
  const { page, consoleErrors } = await openPage(browser.context, server.origin);
  await page.goto(`${server.origin}/#view=studies&q=furlan`);
  await page.locator('[data-study=furlan-2015] .mx-cite button', { hasText: 'Copy APA' }).click();
  await page.locator('[data-study=furlan-2015] .mx-cite-status', { hasText: 'Copied' }).waitFor();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(copied, /^Furlan, A\. D\., Giraldo, M\., Baskwill, A\., Irvin, E\., & Imamura, M\. \(2015\)\. Massage for low-back pain\. Cochrane Database of Systematic Reviews\(9\), CD001929\. https:\/\/doi\.org\/10\.1002\/14651858\.CD001929\.pub3$/);
  assert.deepEqual(consoleErrors, []);
  await page.close();
});

test('a malformed study filter in the URL falls back to defaults with one warning', async () => {
  const { page, consoleErrors } = await openPage(browser.context, server.origin);
  const warnings = [];
  // Chromium's own notes (e.g. about Trunk's preload links) are not ours.
  page.on('console', (m) => { if (m.type() === 'warning' && m.text().startsWith('massage-explainer')) warnings.push(m.text()); });
  await page.goto(`${server.origin}/#view=studies&design=bogus`);
  await page.locator('.mx-tab').first().waitFor();
  assert.equal(warnings.length, 1, warnings.join('\n'));
  assert.match(warnings[0], /unknown design `bogus`/);
  assert.equal(await page.locator('[role=tabpanel]').getAttribute('data-view'), 'answer');
  assert.deepEqual(consoleErrors, []);
  await page.close();
});

test('the filters fold behind a toggle where the widget is narrow, and stay open where it is wide', async () => {
  const { page, consoleErrors } = await openPage(browser.context, server.origin);
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto(`${server.origin}/studies.html`);
  const body = page.locator('.mx-facets-body');
  const toggle = page.locator('.mx-facets-toggle');
  assert.equal(await body.isVisible(), false, 'folded on a phone, so the list comes first');
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
  assert.equal(await page.locator(`#${await toggle.getAttribute('aria-controls')}`).count(), 1);
  await toggle.click();
  await body.waitFor({ state: 'visible' });
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  // Counting what is ticked, in the toggle's words.
  await page.locator('[data-facet=status] input[data-value=identified]').check();
  await page.locator('.mx-facets-toggle', { hasText: 'Filters (1 active)' }).waitFor();
  const box = await toggle.boundingBox();
  assert.ok(box.height >= 44, `a touch target (${box.height} px)`);
  // Wide: open, with a plain heading and no toggle.
  await page.setViewportSize({ width: 1280, height: 800 });
  assert.equal(await toggle.isVisible(), false);
  assert.equal(await page.locator('.mx-facets-heading').isVisible(), true);
  await toggle.evaluate((el) => el.click());
  assert.equal(await body.isVisible(), true, 'open when wide, whatever the toggle says');
  assert.deepEqual(consoleErrors, []);
  await page.close();
});
