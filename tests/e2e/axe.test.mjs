// axe-core accessibility audit of every view of the standalone page: zero violations.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { serve, launch, openPage } from './support.mjs';

const AXE = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const SCREENS = [
  '', 'view=mechanisms&item=blood-flow', 'view=techniques', 'view=techniques&item=deep-tissue',
  'view=map', 'view=map&cell=deep-tissue~muscle-tension', 'view=studies', 'view=sources',
  'view=sources&source=004_0258de91f0d849d6', 'view=safety',
];

let server;
let browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

for (const hash of SCREENS) {
  test(`axe-core finds no violations on #${hash || '(default)'}`, async () => {
    const { page, offOrigin } = await openPage(browser.context, server.origin);
    await page.goto(`${server.origin}/#${hash}`);
    await page.locator('.mx-panel').waitFor();
    await page.addScriptTag({ content: AXE });
    const violations = await page.evaluate(async () =>
      // eslint-disable-next-line no-undef
      (await axe.run(document)).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`));
    assert.deepEqual(violations, []);
    assert.deepEqual(offOrigin, []);
    await page.close();
  });
}
