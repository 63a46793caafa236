// The embed path under a strict Content Security Policy: no inline script or style,
// wasm allowed, nothing from another origin.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage } from './support.mjs';

const POLICY = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

let server;
let browser;
before(async () => {
  server = await serve(undefined, () => ({ 'content-security-policy': POLICY }));
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); });

test(`the demo works with zero violations under ${POLICY}`, async () => {
  const { page, offOrigin, consoleErrors } = await openPage(browser.context, server.origin);
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__violations.push(`${e.effectiveDirective} ${e.blockedURI}`);
    });
  });
  const response = await page.goto(`${server.origin}/demo/`);
  assert.equal(response.headers()['content-security-policy'], POLICY);
  await page.locator('#explainer .mx-answer-point').first().waitFor();
  await page.locator('#safety .mx-safety').first().waitFor();

  // Working: styled by the adopted sheet, and interactive.
  const styled = await page.locator('#explainer .mx-tabs').evaluate((el) => getComputedStyle(el).display);
  assert.equal(styled, 'flex');
  await page.locator('#explainer [role=tab]', { hasText: 'How it helps' }).click();
  await page.locator('#explainer [data-term=blood-flow] .mx-card-button').click();
  await page.locator('#explainer .mx-detail').waitFor();
  await page.locator('#safety [role=tab]', { hasText: 'Sources' }).click();
  await page.locator('#safety .mx-source').first().waitFor();
  await page.evaluate(() => {
    document.getElementById('explainer').setAttribute('theme', 'dark');
  });
  assert.equal(await page.locator('#explainer .mx-root').getAttribute('data-theme'), 'dark');
  // Printing a sheet adds the page-level print rule (a constructed stylesheet).
  await page.locator('#safety [role=tab]', { hasText: 'Safety' }).click();
  await page.locator('#safety .mx-panel .mx-print').click();
  assert.equal(await page.evaluate(() => document.adoptedStyleSheets.length), 1);

  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(consoleErrors, []);
  assert.deepEqual(offOrigin, []);

  // The policy is in force: an inline style is refused and reported.
  await page.evaluate(() => {
    const style = document.createElement('style');
    style.textContent = 'body { outline: 1px solid red; }';
    document.head.append(style);
  });
  await page.waitForFunction(() => window.__violations.length > 0);
  assert.deepEqual(await page.evaluate(() => window.__violations), ['style-src-elem inline']);
  await page.close();
});

const SCOPES = { '/demo/': '#explainer ', '/embed-builder/': '#preview ', '/frame.html': 'massage-explainer ' };
for (const path of ['/', '/studies.html', '/demo/', '/embed-builder/', '/frame.html']) {
  test(`${path} has no inline script or style anywhere, and works under the strict policy`, async () => {
    const { page, offOrigin, consoleErrors } = await openPage(browser.context, server.origin);
    await page.addInitScript(() => {
      window.__violations = [];
      document.addEventListener('securitypolicyviolation', (e) => {
        window.__violations.push(`${e.effectiveDirective} ${e.blockedURI}`);
      });
    });
    await page.goto(`${server.origin}${path}`);
    const inline = await page.evaluate(() => ({
      scripts: [...document.querySelectorAll('script')].filter((s) => !s.src).length,
      styles: document.querySelectorAll('style, [style]').length,
    }));
    assert.deepEqual(inline, { scripts: 0, styles: 0 });
    // Interactive: the live app answers a click.
    const scope = SCOPES[path] ?? '';
    await page.locator(`${scope}[role=tab]`, { hasText: 'Safety' }).click();
    await page.locator(`${scope}[role=tabpanel][data-view=safety]`).waitFor();
    assert.deepEqual(await page.evaluate(() => window.__violations), []);
    assert.deepEqual(consoleErrors, []);
    assert.deepEqual(offOrigin, []);
    await page.close();
  });
}
