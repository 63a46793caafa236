// The standalone page, built by `trunk build --release`, in headless Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage } from './support.mjs';

let server;
let browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

test('the standalone page lists all five source articles and makes no off-origin request', async () => {
  const { page, offOrigin, consoleErrors } = await openPage(browser.context, server.origin);
  await page.goto(`${server.origin}/`);
  await page.locator('.mx-source').first().waitFor();

  const titles = await page.locator('.mx-source-title').allTextContents();
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

  assert.deepEqual(offOrigin, [], 'no request may leave the serving origin');
  assert.deepEqual(consoleErrors, []);
  await page.close();
});
