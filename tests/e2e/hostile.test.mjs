// A hostile host page (aggressive global CSS, the widget's own ids and class names
// on host elements) leaves the widget looking exactly as on a plain page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage, stage, compareScreenshots } from './support.mjs';

const page = (head, body) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Host</title>
<script type="module" src="/embed.js"></script>${head}</head>
<body>${body}<massage-explainer id="widget"></massage-explainer></body></html>`;

// Everything a careless or hostile stylesheet might do to the page and the element.
const HOSTILE_CSS = `
* { all: unset; }
*, *::before, *::after { box-sizing: content-box !important; }
div { display: none !important; }
body, massage-explainer {
  font: italic 700 30px/3 "Comic Sans MS", cursive; color: red; letter-spacing: 3px;
  word-spacing: 12px; text-transform: uppercase; text-align: center; text-indent: 40px;
  text-shadow: 2px 2px lime; white-space: pre; font-variant: small-caps; cursor: crosshair;
  --accent: red; --bg: black;
}
button, a, h1, h2, h3, p, ul, li, span, strong, blockquote, figure, table, td, th, nav, footer, header {
  margin: 40px !important; padding: 20px !important; border: 5px dashed red !important;
  background: pink !important; color: green !important; font-size: 40px !important;
}
.mx-app, .mx-root, .mx-panel, .mx-card, .mx-tab, .mx-notice { display: none !important; background: black !important; }
#mx1-panel, #mx1-tab-mechanisms, [role=tabpanel], [role=tab] { display: none !important; }
@media (prefers-color-scheme: light) { :root { filter: none; } }
`;

// Host elements with the ids and classes the widget uses inside its shadow root.
const CONFLICTS = `
<p id="mx1-panel" class="mx-panel mx-app">host paragraph with the widget's ids</p>
<span id="mx1-tab-mechanisms" role="tab" class="mx-tab">host tab</span>
<section id="mx-panel" class="mx-root"><h2>host section</h2></section>`;

let site;
let server;
let browser;
before(async () => {
  site = await stage({
    'hostile/plain.html': page('', ''),
    'hostile/hostile.html': page('<link rel="stylesheet" href="hostile.css">', CONFLICTS),
    'hostile/hostile.css': HOSTILE_CSS,
  });
  server = await serve(site.dir);
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); await site?.remove(); });

/** A screenshot of the widget (its .mx-app) on `path`, at a view where `act` leaves it. */
async function shoot(path, act = async () => {}) {
  const { page: tab, offOrigin, consoleErrors } = await openPage(browser.context, server.origin);
  await tab.setViewportSize({ width: 1280, height: 900 });
  await tab.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
  await tab.goto(`${server.origin}${path}`);
  await tab.locator('#widget .mx-answer-point').first().waitFor();
  await act(tab);
  const shot = await tab.locator('#widget .mx-app').screenshot({ animations: 'disabled', caret: 'hide' });
  await tab.close();
  return { shot, offOrigin, consoleErrors };
}

const SCREENS = {
  'the default view': async () => {},
  'a detail': async (tab) => {
    await tab.locator('#widget [role=tab]', { hasText: 'How it helps' }).click();
    await tab.locator('#widget [data-term=blood-flow] .mx-card-button').click();
    await tab.locator('#widget .mx-detail').waitFor();
  },
  'the map': async (tab) => {
    await tab.locator('#widget [role=tab]', { hasText: 'Map' }).click();
    await tab.locator('#widget .mx-map').waitFor();
  },
};

for (const [name, act] of Object.entries(SCREENS)) {
  test(`hostile CSS and conflicting ids leave ${name} looking the same, with no errors`, async () => {
    const plain = await shoot('/hostile/plain.html', act);
    const hostile = await shoot('/hostile/hostile.html', act);
    const diff = compareScreenshots(plain.shot, hostile.shot);
    assert.ok(diff.sameSize && diff.height > 500, `same size: ${JSON.stringify(diff)}`);
    // Identical but for anti-aliasing noise on a few rounded corners: the widget
    // sits at another page offset, so other corners fall on Chromium's 256 px
    // raster tile edges (the differing rows line up with them). Seen: up to 135
    // pixels, each channel off by at most 48. A style that got through (a font, a
    // colour, a margin) moves or recolours far more, and far more strongly.
    const noise = diff.maxDelta <= 64 && diff.differing <= (diff.width * diff.height) / 5000;
    assert.ok(noise, `${name} differs: ${JSON.stringify(diff)}`);
    assert.deepEqual([...plain.consoleErrors, ...hostile.consoleErrors], []);
    assert.deepEqual([...plain.offOrigin, ...hostile.offOrigin], []);
  });
}

test('the comparison sees a real change: one custom property set by the host', async () => {
  const plain = await shoot('/hostile/plain.html');
  const themed = await shoot('/hostile/plain.html', (tab) => tab.evaluate(() => {
    document.getElementById('widget').style.setProperty('--mx-accent', 'rebeccapurple');
  }));
  const diff = compareScreenshots(plain.shot, themed.shot);
  // Only the selected tab's underline changes colour, and that is caught.
  assert.ok(diff.sameSize && diff.maxDelta > 24, JSON.stringify(diff));
});

test('the hostile stylesheet does apply to the host page', async () => {
  const { page: tab } = await openPage(browser.context, server.origin);
  await tab.goto(`${server.origin}/hostile/hostile.html`);
  await tab.locator('#widget .mx-answer-point').first().waitFor();
  const host = await tab.evaluate(() => ({
    paragraph: getComputedStyle(document.querySelector('p#mx1-panel')).display,
    element: getComputedStyle(document.getElementById('widget')).display,
    color: getComputedStyle(document.body).color,
  }));
  assert.deepEqual(host, { paragraph: 'none', element: 'inline', color: 'rgb(255, 0, 0)' });
  await tab.close();
});
