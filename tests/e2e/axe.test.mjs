// axe-core accessibility audit of every view of the standalone page, in light and
// dark colour schemes: zero violations.
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
  'view=studies&q=cherkin&comparator=usual-care&population=chronic', 'view=studies&design=rct&population=acute',
  'view=answer&guideline=nice-ng59', 'view=answer&claim=evidence-is-strong', 'view=studies&status=added&study=furlan-2008',
  'view=sources&source=001_ce4c28c02545595a&criterion=studies-described',
  'view=search&q=circul', 'view=search&q=qqqzzz', 'view=search', 'view=safety&safety=red-flag-bladder-bowel',
];

let server;
let browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

for (const [scheme, hash] of ['light', 'dark'].flatMap((s) => SCREENS.map((h) => [s, h]))) {
  test(`axe-core finds no violations on #${hash || '(default)'} (${scheme})`, async () => {
    const { page, offOrigin } = await openPage(browser.context, server.origin);
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(`${server.origin}/#${hash}`);
    await page.locator('.mx-panel').waitFor();
    await page.addScriptTag({ content: AXE });
    const violations = await page.evaluate(async () =>
      // eslint-disable-next-line no-undef
      (await axe.run(document)).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`));
    assert.deepEqual(violations, []);
    // The scheme really applied (the page background), and links take the accent
    // colour rather than inheriting the text colour.
    const colours = await page.evaluate(() => [
      getComputedStyle(document.querySelector('.mx-root')).backgroundColor,
      getComputedStyle(document.querySelector('.mx-notice .mx-link')).color,
    ]);
    assert.deepEqual(colours, scheme === 'dark'
      ? ['rgb(20, 23, 26)', 'rgb(111, 207, 189)']
      : ['rgb(251, 250, 247)', 'rgb(29, 107, 95)']);
    assert.deepEqual(offOrigin, []);
    await page.close();
  });
}
