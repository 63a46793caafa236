// Content before the wasm: every view is prerendered at build time (src/bin/
// prerender.rs), readable with JavaScript off, and the live app replaces it with
// identical markup, with no layout shift; the embed shows its prerendered first
// screen in the shadow root while the wasm loads.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage, stage } from './support.mjs';

let site;
let server;
let browser;
before(async () => {
  site = await stage({
    'host/region.html': `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title>
      <script type="module" src="/embed.js"></script></head>
      <body><massage-explainer id="a" region="uk"></massage-explainer>
      <massage-explainer id="b" view="studies"></massage-explainer></body></html>`,
  });
  server = await serve(site.dir);
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); await site?.remove(); });

test('with JavaScript off, the first page answers the question and names the warning signs; tabs are links', async (t) => {
  const noScript = await launch({ javaScriptEnabled: false });
  // Closed even when an assertion fails: an open browser would keep the test file running.
  t.after(() => noScript.close());
  const page = await noScript.context.newPage();
  await page.goto(`${server.origin}/`);
  const text = await page.locator('main').innerText();
  assert.match(text, /The short answer/);
  assert.match(text, /Does it help\?/);
  assert.match(text, /Back pain of 4 weeks or more: about 10 points lower after massage than other treatments\. Scale 0 to 100, up to 6 months/);
  // The full answer opens without JavaScript too.
  await page.locator('[data-point=about-10-points] summary').click();
  assert.match(await page.locator('[data-point=about-10-points]').innerText(), /about 31 on average, compared with about 41/);
  assert.match(text, /Call your local emergency number now/);
  assert.match(text, /losing control of your bladder or bowels/);
  // A tab is a link to its view's own page, which also reads without JavaScript.
  const href = await page.locator('a[role=tab]', { hasText: 'Safety' }).getAttribute('href');
  assert.equal(href, 'safety.html');
  await page.locator('a[role=tab]', { hasText: 'Safety' }).click();
  await page.waitForURL(/safety\.html$/);
  assert.match(await page.locator('main').innerText(), /See a doctor today, or call a nurse advice line/);
  assert.match(await page.title(), /^Safety · /);
});

/**
 * Before any script of the page runs: remembers the prerendered root's nodes and
 * text, and records layout shifts (`window.__shiftsSoFar()` resolves to those of
 * every frame rendered so far).
 */
async function watchTakeover(page) {
  await page.addInitScript(() => {
    window.__shifts = [];
    // Shifts right after the reader's input are the page answering them, not CLS.
    const keep = (entries) => { for (const entry of entries) if (!entry.hadRecentInput) window.__shifts.push(entry.value); };
    const observer = new PerformanceObserver((list) => keep(list.getEntries()));
    observer.observe({ type: 'layout-shift', buffered: true });
    // Every shift of the frames rendered so far: a shift is recorded as its frame
    // renders, so after two more frames it is in the observer, delivered or not.
    window.__shiftsSoFar = () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => {
      keep(observer.takeRecords());
      done(window.__shifts);
    })));
    // Before any script of the page runs: remember the prerendered nodes and text.
    document.addEventListener('DOMContentLoaded', () => {
      const root = document.getElementById('massage-explainer-app');
      window.__before = {
        all: [...root.querySelectorAll('*')],
        nodes: ['.mx-reviewed', '.mx-notice', '.mx-answer-summary', '.mx-answer-point dd', '[role=tab]']
          .map((s) => root.querySelector(s)),
        text: root.innerText,
      };
    });
  });
}

test('the live app takes over the prerendered nodes themselves: same nodes, same text, no layout shift', async () => {
  const { page, consoleErrors } = await openPage(browser.context, server.origin);
  await watchTakeover(page);
  await page.goto(`${server.origin}/`);
  const check = await page.evaluate(() => {
    const root = document.getElementById('massage-explainer-app');
    const now = ['.mx-reviewed', '.mx-notice', '.mx-answer-summary', '.mx-answer-point dd', '[role=tab]']
      .map((s) => root.querySelector(s));
    return {
      sameNodes: now.every((node, i) => node !== null && node === window.__before.nodes[i]),
      sameText: root.innerText === window.__before.text,
      length: root.innerText.length,
    };
  });
  assert.ok(check.length > 1000, 'the page has its content');
  assert.equal(check.sameNodes, true, 'the app took over the prerendered nodes');
  assert.equal(check.sameText, true, 'and shows the same text');
  assert.deepEqual(await page.evaluate(() => window.__shiftsSoFar()), [], 'no layout shift while the app took over');
  // It is live: a tab switches the view in place (no page load).
  await page.locator('[role=tab]', { hasText: 'Safety' }).click();
  await page.locator('[role=tabpanel][data-view=safety]').waitFor();
  assert.match(page.url(), /\/#view=safety$/);
  assert.deepEqual(await page.evaluate(() => window.__shiftsSoFar()), [], 'no layout shift');
  assert.deepEqual(consoleErrors, []);
  await page.close();
});

for (const width of [375, 1280]) {
  test(`at ${width} px every view's page is taken over cleanly: every prerendered node kept, the same text, nothing moved, no error`, async () => {
    for (const view of ['answer', 'mechanisms', 'techniques', 'map', 'studies', 'sources', 'safety']) {
      const { page, consoleErrors } = await openPage(browser.context, server.origin);
      await page.setViewportSize({ width, height: 800 });
      await watchTakeover(page);
      await page.goto(`${server.origin}/${view === 'answer' ? '' : `${view}.html`}`);
      const check = await page.evaluate(() => {
        const root = document.getElementById('massage-explainer-app');
        return {
          view: root.querySelector('[role=tabpanel]')?.dataset.view,
          nodes: window.__before.all.length,
          lost: window.__before.all.filter((node) => !node.isConnected).map((node) => node.outerHTML.slice(0, 80)),
          sameText: root.innerText === window.__before.text,
        };
      });
      assert.equal(check.view, view);
      assert.ok(check.nodes > 100, `${view}: prerendered (${check.nodes} elements)`);
      assert.deepEqual(check.lost, [], `${view} at ${width} px: the app kept every prerendered node`);
      assert.equal(check.sameText, true, `${view} at ${width} px: the same text`);
      assert.deepEqual(await page.evaluate(() => window.__shiftsSoFar()), [], `${view} at ${width} px: nothing moved`);
      assert.deepEqual(consoleErrors, [], `${view} at ${width} px`);
      await page.close();
    }
  });
}

test('every view has its own prerendered page, and the app takes over there on that view', async () => {
  for (const view of ['mechanisms', 'techniques', 'map', 'studies', 'sources', 'safety']) {
    const { page, consoleErrors } = await openPage(browser.context, server.origin);
    await page.goto(`${server.origin}/${view}.html`);
    assert.equal(await page.locator('[role=tabpanel]').getAttribute('data-view'), view);
    assert.equal(await page.evaluate(() => location.hash), '', 'its own page keeps a clean URL');
    assert.deepEqual(consoleErrors, []);
    await page.close();
  }
});

test('the embed shows its prerendered first screen before the wasm, for its region; other screens wait', async (t) => {
  // A fresh browser with no service worker, which would serve the wasm from its cache.
  const fresh = await launch({ serviceWorkers: 'block' });
  t.after(() => fresh.close());
  const { page, consoleErrors } = await openPage(fresh.context, server.origin);
  // No wasm at all: what the reader sees is the prerendered screen alone.
  await page.route('**/*.wasm', (route) => route.abort());
  await page.goto(`${server.origin}/host/region.html`, { ready: false });
  const a = page.locator('#a .mx-answer-summary');
  await a.waitFor({ timeout: 10000 });
  assert.match(await a.textContent(), /short time/);
  assert.match(await page.locator('#a .mx-notice').textContent(), /Call 999 now/);
  assert.equal(await page.locator('#a .mx-root').getAttribute('data-theme'), 'auto');
  assert.equal(await page.locator('#b .mx-app').count(), 0, 'a host that asks for another view waits for the wasm');
  assert.ok(consoleErrors.every((e) => /wasm|could not start|Failed to fetch|net::ERR/i.test(e)), consoleErrors.join('\n'));
});
