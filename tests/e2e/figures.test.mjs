// The short answer's numbers as pictures (#23): four figures drawn as SVG when the
// claim base is built (src/draw/figure.rs). They are in the prerendered page, so
// they show before the wasm and without JavaScript; each is an image with a text
// alternative that names its values; once the app is live they fit their box,
// with every word inside the picture, in Chromium, Firefox and WebKit, on a wide
// screen and at 320 px; and the take-home sheet prints them, compact.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ENGINES, PROBE, launchEngine } from './engines.mjs';
import { launch, openPage, readPdf, serve, stage } from './support.mjs';

/** The kinds, in the order the short answer shows them, and the values each text alternative names. */
const VALUES = {
  course: ['52', '6', '51', '23'],
  scale: ['31', '41'],
  icons: ['33', '67'],
  range: ['1.5', '25'],
};

/** `value` as a number of its own in `text` ("6" in "at 6 weeks", not in "26" or "6.5"). */
const names = (text, value) => new RegExp(`(?<![\\d.])${value.replace('.', '\\.')}(?!\\d|\\.\\d)`).test(text);

/**
 * Runs in the page (every engine): each figure of the short answer (or of the
 * sheet, `where = '.mx-sheet'`) in the document, or in the document of the frame
 * with id `frame`: its kind, its text alternative and caption, its rendered width
 * against its figure's content box and the viewport, what of its drawing lies
 * outside its viewBox, which words collide (their letters overlap) and which lines
 * run through a word, and its smallest text as drawn. Sizes in CSS px; drawing in
 * the SVG's user units.
 */
/**
 * Opens every answer's "Read more", as a reader would (in the page, or in the
 * frame of id `frame`): the app draws the pictures once one is opened.
 */
function openAnswers(frame) {
  const doc = frame ? document.getElementById(frame).contentDocument : document;
  for (const more of doc.querySelectorAll('details.mx-point')) more.open = true;
  return true;
}

/** Whether the four pictures are drawn under the answers (in the frame `frame`). */
function answersDrawn(frame) {
  const doc = frame ? document.getElementById(frame).contentDocument : document;
  return doc.querySelectorAll('.mx-answer-point dd .mx-figure svg').length === 4;
}

function figureLayout(where, frame) {
  const doc = frame ? document.getElementById(frame).contentDocument : document;
  const view = doc.defaultView;
  const selector = where === '.mx-sheet' ? '.mx-sheet .mx-figure' : '.mx-answer-point dd .mx-figure';
  return [...doc.querySelectorAll(selector)].map((figure) => {
    const svg = figure.querySelector(':scope > svg');
    const style = view.getComputedStyle(figure);
    const px = (p) => parseFloat(style[p]) || 0;
    const content = figure.getBoundingClientRect().width
      - px('paddingLeft') - px('paddingRight') - px('borderLeftWidth') - px('borderRightWidth');
    const rect = svg?.getBoundingClientRect();
    const vb = svg?.viewBox.baseVal;
    const outside = [];
    const collisions = [];
    const crossings = [];
    let smallest = Infinity;
    if (svg && vb) {
      const inside = (b, slack) => b.x >= vb.x - slack && b.y >= vb.y - slack
        && b.x + b.width <= vb.x + vb.width + slack && b.y + b.height <= vb.y + vb.height + slack;
      // Shapes: half a marker's stroke of slack (getBBox leaves strokes out).
      for (const shape of svg.querySelectorAll('path, rect, line, circle')) {
        const b = shape.getBBox();
        if (!inside(b, 1.5)) outside.push(`${shape.getAttribute('class')} at ${[b.x, b.y, b.width, b.height].map((v) => v.toFixed(1))}`);
      }
      // Words: the whole of each one's box, as this engine lays out its font.
      const words = [...svg.querySelectorAll('text')].map((text) => {
        const b = text.getBBox();
        const size = parseFloat(view.getComputedStyle(text).fontSize);
        const ys = text.y.baseVal;
        const baseline = ys.numberOfItems > 0 ? ys.getItem(0).value : b.y + b.height;
        smallest = Math.min(smallest, size * rect.width / vb.width);
        if (!inside(b, 0.5)) outside.push(`"${text.textContent}" at ${[b.x, b.y, b.width, b.height].map((v) => v.toFixed(1))}`);
        // Its letters: from the baseline up to about a capital's height.
        return { text: text.textContent, x0: b.x, x1: b.x + b.width, y0: baseline - 0.7 * size, y1: baseline };
      });
      // Lines that carry the picture (data lines, tracks, axes, range bars; not the
      // faint grid) do not run through a word.
      for (const path of svg.querySelectorAll('path')) {
        const kind = path.getAttribute('class') ?? '';
        if (!/\bmx-fig-(line\d|track|axis|bar|gap)\b/.test(kind)) continue;
        const length = path.getTotalLength();
        for (const w of words) {
          for (let at = 0; at <= length; at += 0.5) {
            const p = path.getPointAtLength(at);
            if (p.x > w.x0 + 0.5 && p.x < w.x1 - 0.5 && p.y > w.y0 + 0.5 && p.y < w.y1 - 0.5) {
              crossings.push(`${kind} through "${w.text}"`);
              break;
            }
          }
        }
      }
      for (const [i, a] of words.entries()) {
        for (const b of words.slice(i + 1)) {
          const across = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
          const down = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
          if (across > 0.5 && down > 0.5) collisions.push(`"${a.text}" and "${b.text}"`);
        }
      }
    }
    return {
      kind: figure.dataset.figure,
      role: svg?.getAttribute('role') ?? null,
      label: svg?.getAttribute('aria-label') ?? '',
      title: figure.querySelector('.mx-figure-title')?.textContent.trim() ?? '',
      says: figure.querySelector('.mx-figure-says')?.textContent.trim() ?? null,
      certainty: figure.querySelector('.mx-figure-certainty')?.textContent.trim() ?? null,
      width: rect?.width ?? 0,
      content,
      right: rect?.right ?? 0,
      viewport: doc.documentElement.clientWidth,
      outside,
      collisions,
      crossings,
      smallest: Number.isFinite(smallest) ? Math.round(smallest * 10) / 10 : null,
    };
  });
}

/** The checks every figure passes wherever it is shown: `at` names the place. */
function assertDrawn(figures, at) {
  assert.deepEqual(figures.map((f) => f.kind), Object.keys(VALUES), `${at}: the four pictures, in the short answer's order`);
  for (const f of figures) {
    assert.equal(f.role, 'img', `${at}: the ${f.kind} picture is an image`);
    assert.ok(f.title.length > 0, `${at}: the ${f.kind} picture has a title`);
    assert.ok(f.label.startsWith(f.title), `${at}: the ${f.kind} picture's text alternative starts with its title: ${f.label}`);
    for (const value of VALUES[f.kind]) {
      assert.ok(names(f.label, value), `${at}: the ${f.kind} picture's text alternative names ${value}: ${f.label}`);
    }
  }
  // How each is drawn: every picture's problems at once, not only the first one's.
  const problems = figures.flatMap((f) => [
    ...(f.width > 0 ? [] : ['not drawn (0 px wide)']),
    ...(f.width <= f.content + 0.5 ? [] : [`${f.width} px wide, in a box of ${f.content} px`]),
    ...(f.right <= f.viewport + 0.5 ? [] : [`ends at ${f.right} px, past the ${f.viewport} px viewport`]),
    ...f.outside.map((o) => `outside its viewBox: ${o}`),
    ...f.collisions.map((c) => `words overlap: ${c}`),
    ...f.crossings.map((c) => `a line runs through a word: ${c}`),
  ].map((problem) => `${f.kind}: ${problem}`));
  assert.deepEqual(problems, [], `${at}: each picture fits its box, every word inside it and clear of its lines and other words`);
}

describe('before the wasm', () => {
  let server;
  let browser;
  before(async () => { server = await serve(); browser = await launch({ javaScriptEnabled: false }); });
  after(async () => { await browser?.close(); await server?.close(); });

  test('with JavaScript off, each answer opens its numbers in words; the pictures are left to the app', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.origin}/`);
    // Drawn once a reader opens one (the page need not carry what may stay shut).
    assert.equal(await page.locator('.mx-answer-point .mx-figure').count(), 0);
    for (const [point, words] of [['helps-short-term', /from 52 to 23 in 6 weeks\. On this scale, 0 is no pain and 100 the worst/], ['about-10-points', /about 31 on average, compared with about 41/], ['mild-side-effects', /fewer than 2 in 100 people in some trials to 25 in 100/]]) {
      await page.locator(`[data-point=${point}] summary`).click();
      assert.match(await page.locator(`[data-point=${point}] .mx-point-text`).innerText(), words, point);
    }
    await page.close();
  });
});

for (const name of ENGINES) {
  describe(name, () => {
    let engine;
    let site;
    let server;
    let page;
    before(async () => {
      // A page that shows the app in a frame 320 px wide: a phone's viewport in every
      // engine (WebKitGTK's window under WebDriver has a minimum width).
      site = await stage({
        'narrow.html': '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>320 px</title><link rel="icon" href="data:,"></head>'
          + '<body style="margin: 0"><iframe id="f" src="/" title="The explainer at 320 px" style="width: 320px; height: 800px; border: 0"></iframe></body></html>',
      });
      engine = await launchEngine(name);
      server = await serve(site.dir, () => ({}), { probe: PROBE });
      process.stdout.write(`# ${name}: ${engine.version}\n`);
    });
    after(async () => {
      await page?.close().catch(() => {});
      await engine?.close();
      await server?.close();
      await site?.remove();
    });

    async function open(path, options) {
      await page?.close().catch(() => {});
      page = await engine.newPage();
      await page.goto(`${server.origin}${path}`, options);
      return page;
    }

    test(`${name}: once the app is live, each picture fits its box, every word inside it and clear of its lines`, async (t) => {
      await open('/');
      await page.eval(openAnswers);
      await page.waitFor(answersDrawn);
      const figures = await page.eval(figureLayout);
      assertDrawn(figures, `${name}, live`);
      t.diagnostic(`smallest text as drawn: ${Math.min(...figures.map((f) => f.smallest))} px`);
      assert.deepEqual(await page.errors(), []);
    });

    test(`${name}: at 320 px wide, each picture fits its box, every word inside it and clear of its lines`, async (t) => {
      await open('/narrow.html', { ready: false });
      await page.waitFor(() => {
        const inner = document.getElementById('f').contentWindow;
        return inner.__probe !== undefined && inner.__probe.ready >= 1 && inner.innerWidth === 320;
      });
      await page.eval(openAnswers, 'f');
      await page.waitFor(answersDrawn, 'f');
      const figures = await page.eval(figureLayout, '', 'f');
      assertDrawn(figures, `${name}, 320 px`);
      t.diagnostic(`smallest text as drawn at 320 px: ${Math.min(...figures.map((f) => f.smallest))} px`);
      // Nothing wider than the phone, and no error in the app's document or the page's.
      const sideways = await page.eval(() => {
        const html = document.getElementById('f').contentDocument.documentElement;
        return { scroll: html.scrollWidth, client: html.clientWidth };
      });
      assert.ok(sideways.scroll <= sideways.client, `the page at 320 px scrolls sideways: ${sideways.scroll} > ${sideways.client} px`);
      assert.deepEqual(await page.eval(() => document.getElementById('f').contentWindow.__probe.errors), []);
      assert.deepEqual(await page.errors(), []);
    });
  });
}

describe('on paper', () => {
  let server;
  let browser;
  let dir;
  before(async () => { server = await serve(); browser = await launch(); dir = await mkdtemp(join(tmpdir(), 'mx-figures-')); });
  after(async () => { await browser?.close(); await server?.close(); if (dir) await rm(dir, { recursive: true, force: true }); });

  test('the take-home sheet prints the four pictures, compact: title, picture and certainty, without the words beside them', async () => {
    const { page, consoleErrors } = await openPage(browser.context, server.origin);
    await page.goto(`${server.origin}/`);
    await page.locator('.mx-sheet-footer', { hasText: 'Printed on' }).waitFor({ state: 'attached' });
    assert.equal(await page.locator('.mx-sheet .mx-figure-says').count(), 0, 'no caption in words on the sheet');
    await page.emulateMedia({ media: 'print' });
    const figures = await page.evaluate(figureLayout, '.mx-sheet');
    assertDrawn(figures, 'the sheet');
    const pdf = join(dir, 'sheet.pdf');
    await writeFile(pdf, await page.pdf({ format: 'A4' }));
    const { pages, text } = readPdf(pdf);
    assert.ok(pages >= 1 && pages <= 2, `${pages} pages`);
    for (const f of figures) assert.ok(text.includes(f.title), `"${f.title}" printed`);
    // The pictures' own words are text on paper too.
    for (const wanted of ['about 31', 'about 41', '67 in 100', '1.5 to 25 in 100']) {
      assert.ok(text.includes(wanted), `"${wanted}" printed`);
    }
    assert.deepEqual(consoleErrors, []);
    await page.close();
  });
});
