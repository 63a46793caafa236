// The iframe fallback: frame.html on one origin, framed by a host page on another.
// It shows the options its address gives, tells the parent its height (the
// parent's resizer sizes the frame), keeps a fixed height and scrolls inside
// without the resizer, warns once about a parameter it does not know, and runs
// under a strict CSP.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serve, launch, openPage, stage, DIST } from './support.mjs';

const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

let app;   // the deployment, framed: its own origin, with a strict CSP
let host;  // the site that frames it
let site;
let browser;
before(async () => {
  app = await serve(DIST, () => ({ 'content-security-policy': CSP }));
  const resizer = await readFile(join(DIST, 'frame-resize.js'), 'utf8');
  const page = (body) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title><link rel="icon" href="data:,"></head><body><h1>Host</h1>${body}</body></html>`;
  const frame = `<iframe id="f" src="${app.origin}/frame.html?view=safety&theme=dark&region=uk" title="Massage for back pain: does it help?" style="width: 100%; height: 900px; border: 0"></iframe>`;
  site = await stage({
    'host/resized.html': page(`${frame}<script src="${app.origin}/frame-resize.js"></script>`),
    'host/fixed.html': page(frame),
    // Another frame on the page claims a height: the resizer leaves it alone.
    'host/other.html': page(`${frame}<iframe id="other" title="Other" style="height: 150px; border: 0" srcdoc="<p>other</p><script>parent.postMessage({ type: 'massage-explainer:height', height: 5000 }, '*')</script>"></iframe><script src="${app.origin}/frame-resize.js"></script>`),
    'host/inline.html': page(`${frame}<script>${resizer}</script>`),
  });
  host = await serve(site.dir);
  browser = await launch();
});
after(async () => { await browser?.close(); await app?.close(); await host?.close(); await site?.remove(); });

/** Opens a host page, recording the messages its window receives. */
async function open(path) {
  const opened = await openPage(browser.context, host.origin);
  // The frame is another origin: let openPage's off-origin guard allow it.
  await opened.page.unroute('**/*');
  await opened.page.addInitScript(() => {
    window.__messages = [];
    addEventListener('message', (e) => window.__messages.push({ origin: e.origin, data: e.data }));
  });
  await opened.page.goto(`${host.origin}${path}`, { ready: false });
  const frame = opened.page.frameLocator('#f');
  await frame.locator('massage-explainer').first().waitFor();
  return { ...opened, frame };
}

const frameHeight = (page) => page.locator('#f').evaluate((f) => f.getBoundingClientRect().height);

for (const path of ['/host/resized.html', '/host/inline.html']) {
  test(`the frame shows its options and the resizer fits it to its content (${path})`, async () => {
    const { page, frame, consoleErrors } = await open(path);
    // The options from the address: the safety view, dark, UK numbers.
    await frame.locator('.mx-panel[data-view=safety]').waitFor();
    assert.equal(await frame.locator('.mx-root').getAttribute('data-theme'), 'dark');
    assert.match(await frame.locator('.mx-notice').textContent(), /Call 999 now/);
    // The frame grows to the document's height: no scrolling inside.
    const content = await frame.locator('html').evaluate((html) => Math.ceil(html.getBoundingClientRect().height));
    assert.ok(content > 900, `the safety view is taller than the frame's first 900 px (${content})`);
    await page.waitForFunction((h) => Math.abs(document.getElementById('f').getBoundingClientRect().height - h) <= 1, content);
    // The only messages are heights, from the app's origin.
    const messages = await page.evaluate(() => window.__messages);
    assert.ok(messages.length >= 1);
    for (const m of messages) {
      assert.equal(m.origin, app.origin);
      assert.deepEqual(Object.keys(m.data).sort(), ['height', 'type']);
      assert.equal(m.data.type, 'massage-explainer:height');
    }
    // Switching to a shorter view shrinks it again.
    await frame.locator('[role=tab]', { hasText: 'Techniques' }).click();
    const shorter = await frame.locator('html').evaluate((html) => Math.ceil(html.getBoundingClientRect().height));
    await page.waitForFunction((h) => Math.abs(document.getElementById('f').getBoundingClientRect().height - Math.max(h, 200)) <= 1, shorter);
    assert.deepEqual(consoleErrors, [], 'no errors, and no CSP violation, in either document');
    await page.close();
  });
}

test("the resizer sizes only the explainer's frame, not another frame's claim", async () => {
  const { page, frame } = await open('/host/other.html');
  await frame.locator('.mx-panel[data-view=safety]').waitFor();
  await page.waitForFunction(() => document.getElementById('f').getBoundingClientRect().height > 900);
  assert.equal(await page.locator('#other').evaluate((f) => f.getBoundingClientRect().height), 150);
  await page.close();
});

test('without the resizer the frame keeps its height and scrolls inside', async () => {
  const { page, frame } = await open('/host/fixed.html');
  await frame.locator('.mx-panel[data-view=safety]').waitFor();
  // The frame has asked for more height, and nothing on this page answers it.
  await page.waitForFunction(() => window.__messages.some((m) => m.data?.type === 'massage-explainer:height' && m.data.height > 900));
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  assert.equal(await frameHeight(page), 900);
  const scrolls = await frame.locator('html').evaluate((html) => html.scrollHeight > html.clientHeight);
  assert.ok(scrolls, 'the content scrolls inside the frame');
  await page.close();
});

test('an unknown frame parameter is named in one warning; the known ones still apply', async () => {
  const { page, consoleErrors } = await openPage(browser.context, app.origin);
  const warnings = [];
  page.on('console', (msg) => { if (msg.type() === 'warning') warnings.push(msg.text()); });
  await page.goto(`${app.origin}/frame.html?veiw=map&theme=dark`, { ready: false });
  await page.locator('massage-explainer .mx-panel[data-view=answer]').waitFor();
  assert.deepEqual(warnings.filter((w) => w.includes('massage-explainer')), [
    'massage-explainer: ignoring unknown frame parameter `veiw` (known: view, state, theme, compact, region, duration)',
  ]);
  assert.equal(await page.locator('massage-explainer .mx-root').getAttribute('data-theme'), 'dark');
  assert.deepEqual(consoleErrors, []);
  await page.close();
});
