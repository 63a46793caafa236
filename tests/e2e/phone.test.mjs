// The therapist's snippet on her own site, and the patient reading it on a phone
// (issue 24): the builder's snippet pasted into a page on another origin, with and
// without the CORS header its host must send; the call to action as a button where
// the reader decides; Back through the explainer's screens; the first screens of a
// 375 × 667 phone.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage, stage } from './support.mjs';

const PHONE = { width: 375, height: 667 };
const ACCENT = 'rgb(138, 59, 92)';

let site;
let open;
let closed;
let wasmClosed;
let host;
let browser;
before(async () => {
  site = await stage();
  const cors = { 'access-control-allow-origin': '*' };
  // The explainer's files from a host that sends the header, one that does not,
  // and one that sends it for all but the wasm (a misconfigured server).
  open = await serve(site.dir, () => cors);
  closed = await serve(site.dir);
  wasmClosed = await serve(site.dir, (path) => (path.endsWith('.wasm') ? {} : cors));
  browser = await launch();
});
after(async () => {
  await browser?.close();
  for (const server of [open, closed, wasmClosed, host]) await server?.close();
  await site?.remove();
});

/** The snippet the builder on `server` writes for a therapist: her brand colour,
 * UK numbers, a "Book a massage" button to her own booking page. */
async function builderSnippet(server) {
  const { page } = await openPage(browser.context, server.origin);
  await page.goto(`${server.origin}/embed-builder/`);
  await page.locator('#contrast', { hasText: 'Readable' }).waitFor();
  await page.locator('#region').selectOption('uk');
  await page.locator('#theme').selectOption('light');
  await page.locator('#colour-accent-hex').fill('#8a3b5c');
  await page.locator('#cta-text').fill('Book a massage');
  await page.locator('#cta-link').fill('/book');
  await page.locator('#cta-link').blur();
  const text = await page.locator('#snippet').inputValue();
  await page.close();
  return text;
}

/** Her page, on an origin of its own, with `snippet` pasted after an opening paragraph. */
async function hostPage(snippet) {
  await host?.close();
  const pages = await stage({});
  const { writeFile } = await import('node:fs/promises');
  await writeFile(`${pages.dir}/back-pain.html`, `<!doctype html><html lang="en"><head><meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1"><title>Back pain · Maya's massage</title>
    <link rel="icon" href="data:,"></head><body><h1>Back pain</h1><p>What the research says, before you book.</p>
    ${snippet}</body></html>`);
  host = await serve(pages.dir);
  host.pages = pages;
  return `${host.origin}/back-pain.html`;
}

/**
 * Her page, with the snippet the builder on `server` writes, opened on a phone
 * (a page that may load from the explainer's origins); `listen(page)` runs before
 * it loads. `ready: false` does not wait for the widget.
 */
async function herPageOnAPhone(server, { ready = true, listen = () => {} } = {}) {
  const url = await hostPage(await builderSnippet(server));
  const opened = await openPage(browser.context, 'http://never');
  await opened.page.unroute('**/*');
  await opened.page.setViewportSize(PHONE);
  listen(opened.page);
  await opened.page.goto(url, { ready });
  return { ...opened, widget: opened.page.locator('massage-explainer') };
}

/** Closes the page and takes her page down. */
async function leave(page) {
  await page.close();
  await host.pages.remove();
}

test('without CORS on its host, the pasted snippet shows its fallback link, and the browser says why', async () => {
  // The browser refuses the module and says why in the console.
  let refused;
  const { page } = await herPageOnAPhone(closed, {
    ready: false,
    listen: (p) => {
      refused = new Promise((resolve) => p.on('console', (message) => {
        if (/Access-Control-Allow-Origin/.test(message.text())) resolve(message.text());
      }));
    },
  });
  assert.match(await refused, /embed\.js/);
  const fallback = page.locator('massage-explainer a[slot=fallback]');
  assert.equal(await fallback.getAttribute('href'), `${closed.origin}/`);
  assert.match(await fallback.textContent(), /Read the explainer/);
  assert.ok((await fallback.boundingBox()).height > 0, 'the link is shown');
  assert.equal(await page.evaluate(() => customElements.get('massage-explainer')), undefined, 'no widget');
  await leave(page);
});

test('when a later file fails, embed.js names it in one console error and shows the fallback', async () => {
  const { page, consoleErrors } = await herPageOnAPhone(wasmClosed, { ready: false });
  // The element took over (its shadow root), then showed the fallback slot.
  await page.waitForFunction(() => {
    const slot = document.querySelector('massage-explainer')?.shadowRoot?.querySelector('slot[name=fallback]');
    return slot?.assignedElements().length === 1;
  });
  assert.ok((await page.locator('massage-explainer a[slot=fallback]').boundingBox()).height > 0, 'the link is shown');
  const ours = consoleErrors.filter((e) => e.startsWith('massage-explainer:'));
  assert.equal(ours.length, 1, ours.join('\n'));
  assert.match(ours[0], /could not load http:\/\/127\.0\.0\.1:\d+\/massage-explainer-[0-9a-f]+_bg\.wasm/);
  await leave(page);
});

test('with CORS it is the widget: the call to action a button in her colour after the answers, all within 4 phone screens', async () => {
  const { page, consoleErrors, widget } = await herPageOnAPhone(open);
  assert.equal(await page.locator('massage-explainer a[slot=fallback]').isVisible(), false, 'the fallback gives way');
  const cta = page.locator('massage-explainer a[slot=cta]');
  const style = await cta.evaluate((el) => {
    const s = getComputedStyle(el);
    return { background: s.backgroundColor, height: el.getBoundingClientRect().height, decoration: s.textDecorationLine };
  });
  assert.equal(style.background, ACCENT, 'the accent colour she chose');
  assert.ok(style.height >= 44, `${style.height} px high`);
  assert.equal(style.decoration, 'none', 'a button, not a link');
  // The reader gets every answer, the options and her button within 4 screens.
  const top = (await widget.boundingBox()).y;
  const bottoms = await widget.evaluate((el) => {
    const root = el.shadowRoot;
    const bottom = (node) => node.getBoundingClientRect().bottom + scrollY;
    return {
      answers: bottom(root.querySelector('.mx-answer-points')),
      options: bottom(root.querySelector('.mx-options-brief .mx-button')),
      cta: bottom(el.querySelector('[slot=cta]')),
    };
  });
  for (const [what, bottom] of Object.entries(bottoms)) {
    const screens = (bottom - top) / PHONE.height;
    assert.ok(screens <= 4, `${what} ends ${screens.toFixed(2)} screens below the widget's top`);
  }
  // One row of tabs, which scrolls sideways.
  const tabs = await widget.evaluate((el) => {
    const list = el.shadowRoot.querySelector('[role=tablist]');
    return { rows: new Set([...list.children].map((t) => t.offsetTop)).size, scrolls: list.scrollWidth > list.clientWidth };
  });
  assert.deepEqual(tabs, { rows: 1, scrolls: true });
  // Back after the Studies tab returns to the short answer, on her page.
  await widget.locator('[role=tab]', { hasText: 'Studies' }).click();
  await widget.locator('[role=tabpanel][data-view=studies] .mx-study').first().waitFor();
  assert.equal(await page.evaluate(() => location.hash), '#mx-explainer=view%3Dstudies');
  const tabLeft = await widget.evaluate((el) => {
    const tab = el.shadowRoot.querySelector('[role=tab][aria-selected=true]');
    const list = tab.parentElement;
    return tab.offsetLeft + tab.offsetWidth > list.scrollLeft && tab.offsetLeft < list.scrollLeft + list.clientWidth;
  });
  assert.ok(tabLeft, 'the current tab is scrolled into the row');
  await page.goBack();
  await widget.locator('[role=tabpanel][data-view=answer]').waitFor();
  assert.equal(new URL(page.url()).pathname, '/back-pain.html');
  assert.deepEqual(consoleErrors, []);
  await leave(page);
});

test('on a phone: what a finger taps is 44 px high, a view switched from deep in the page shows at its top, search results sit under the box', async () => {
  const { page, consoleErrors, widget } = await herPageOnAPhone(open);
  const small = await widget.evaluate((el) => [...el.shadowRoot.querySelectorAll('.mx-tab, .mx-cite-link, .mx-button, .mx-notice .mx-link, .mx-point > summary')]
    .filter((t) => t.getClientRects().length > 0)
    .map((t) => [t.textContent.trim().slice(0, 30), Math.round(t.getBoundingClientRect().height)])
    .filter(([, h]) => h < 44));
  assert.deepEqual(small, []);
  // "Compare your options", a few screens down: the options view shows from its
  // top, and focus moves to it.
  await widget.locator('.mx-options-brief .mx-button').click();
  await widget.locator('[role=tabpanel][data-view=options]').waitFor();
  await page.waitForFunction(() => {
    const root = document.querySelector('massage-explainer').shadowRoot;
    const panel = root.querySelector('[role=tabpanel]');
    const top = panel.getBoundingClientRect().top;
    return top >= -1 && top < 60 && root.activeElement === panel;
  });
  // The search box: results right under it, before the warning signs.
  await widget.locator('#mx1-find').fill('numbness');
  await widget.locator('.mx-panel[data-view=search] .mx-hit').first().waitFor();
  const gap = await widget.evaluate((el) => {
    const root = el.shadowRoot;
    return root.querySelector('.mx-panel').getBoundingClientRect().top - root.querySelector('.mx-find').getBoundingClientRect().bottom;
  });
  assert.ok(gap >= 0 && gap < 40, `${gap} px between the box and its results`);
  assert.deepEqual(consoleErrors, []);
  await leave(page);
});

test('a citation opens its study in place: no history entry, and Close hands focus back', async () => {
  const { page, consoleErrors, widget } = await herPageOnAPhone(open);
  const point = widget.locator('[data-point=weak-evidence]');
  await point.locator('summary').click();
  const history = await page.evaluate(() => [history.length, location.hash]);
  const chip = point.locator('.mx-cite-link', { hasText: 'Furlan 2015' });
  await chip.click();
  const peek = point.locator('.mx-cite-peek');
  await peek.filter({ hasText: 'Furlan' }).waitFor();
  assert.equal(await chip.getAttribute('aria-expanded'), 'true');
  assert.deepEqual(await page.evaluate(() => [history.length, location.hash]), history, 'the reader stays where they are');
  assert.equal(await widget.locator('[role=tabpanel]').getAttribute('data-view'), 'answer');
  await peek.locator('.mx-back', { hasText: 'Close' }).click();
  await page.waitForFunction(() => {
    const root = document.querySelector('massage-explainer').shadowRoot;
    return root.querySelector('.mx-cite-peek') === null && root.activeElement?.textContent === 'Furlan 2015';
  });
  assert.deepEqual(consoleErrors, []);
  await leave(page);
});

test('the demo at phone width: the sidebar instance is part of the page, not a box scrolling inside it', async () => {
  const { page, consoleErrors } = await openPage(browser.context, open.origin);
  await page.setViewportSize(PHONE);
  await page.goto(`${open.origin}/demo/`);
  const safety = await page.locator('#safety').evaluate((el) => ({ scroll: el.scrollHeight - el.clientHeight, overflow: getComputedStyle(el).overflowY }));
  assert.equal(safety.scroll, 0, 'no nested scroll');
  assert.ok(await page.locator('#safety').evaluate((el) => el.hasAttribute('compact')), 'compact');
  await page.setViewportSize({ width: 1280, height: 900 });
  assert.equal(await page.locator('#safety').evaluate((el) => getComputedStyle(el).overflowY), 'auto', 'beside the explainer it scrolls within the window');
  assert.deepEqual(consoleErrors, []);
  await page.close();
});
