// Screenshots of the release build in headless Chromium, for looking at the pages and
// for the README's embed section:
//   node tests/e2e/screenshot.mjs                 www/demo-screenshot.png (the demo, 1280 px)
//   node tests/e2e/screenshot.mjs OUT_DIR         every page at 375 and 1280 px, light and dark
//   node tests/e2e/screenshot.mjs OUT_DIR PATH..  those pages instead (e.g. '/#view=safety')
import { join, resolve } from 'node:path';
import { mkdir } from 'node:fs/promises';
import { serve, launch, openPage } from './support.mjs';

const PAGES = { standalone: '/', demo: '/demo/' };

async function shoot(context, origin, path, file, { width, height = 900, fullPage = false, dark = false }) {
  const { page, offOrigin, consoleErrors } = await openPage(context, origin);
  await page.setViewportSize({ width, height });
  await page.emulateMedia({ colorScheme: dark ? 'dark' : 'light' });
  await page.goto(`${origin}${path}`);
  await page.locator('.mx-panel').first().waitFor();
  if (path.includes('demo')) await page.locator('massage-explainer >> nth=1 >> .mx-panel').waitFor();
  await page.screenshot({ path: file, fullPage });
  await page.close();
  if (offOrigin.length || consoleErrors.length) console.warn(file, { offOrigin, consoleErrors });
}

const [out, ...paths] = process.argv.slice(2);
const pages = paths.length
  ? Object.fromEntries(paths.map((path) => [path.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '') || 'root', path]))
  : PAGES;
const server = await serve();
const browser = await launch();
try {
  if (!out) {
    const file = resolve(import.meta.dirname, '../../www/demo-screenshot.png');
    await shoot(browser.context, server.origin, PAGES.demo, file, { width: 1280, height: 1000 });
    console.log(`wrote ${file}`);
  } else {
    await mkdir(out, { recursive: true });
    for (const [name, path] of Object.entries(pages)) {
      for (const width of [375, 1280]) {
        for (const dark of [false, true]) {
          const file = join(out, `${name}-${width}${dark ? '-dark' : ''}.png`);
          await shoot(browser.context, server.origin, path, file, { width, dark, fullPage: true });
          console.log(`wrote ${file}`);
        }
      }
    }
  }
} finally {
  await browser.close();
  await server.close();
}
