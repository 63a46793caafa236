// The embed path: <massage-explainer> on host pages, the demo with two instances,
// attributes, events, the JS API, the cta slot, and opting in to the URL hash.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { serve, launch, openPage, stage } from './support.mjs';

const AXE = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** A bare host page: the snippet and whatever `body` holds. */
const hostPage = (body, head = '') => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Host</title>
<script type="module" src="/embed.js"></script>${head}</head>
<body>${body}</body></html>`;

let site;
let server;
let browser;
before(async () => {
  site = await stage({
    'host/plain.html': hostPage('<main><h1>Host</h1><massage-explainer id="a"></massage-explainer></main>'),
    'host/empty.html': hostPage('<main><h1>Host</h1><div id="slot"></div></main>'),
    'host/hash.html': hostPage(`<main><h1 id="section">Host</h1>
      <massage-explainer id="a" hash="a"></massage-explainer>
      <massage-explainer id="b" hash="b" view="safety"></massage-explainer></main>`),
    // The globals a page has before any script of ours: compared with after.
    'host/globals.html': `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Globals</title></head>
      <body><h1>Host</h1></body></html>`,
  });
  server = await serve(site.dir);
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); await site?.remove(); });

/** Opens `path` and records console warnings and the widget events each element receives. */
async function open(path) {
  const opened = await openPage(browser.context, server.origin);
  const warnings = [];
  opened.page.on('console', (msg) => { if (msg.type() === 'warning') warnings.push(msg.text()); });
  await opened.page.addInitScript(() => {
    window.__events = [];
    for (const type of ['mx-ready', 'mx-change']) {
      document.addEventListener(type, (event) => {
        window.__events.push({ type, id: event.target.id, detail: { ...event.detail } });
      });
    }
  });
  await opened.page.goto(`${server.origin}${path}`);
  return { ...opened, warnings };
}

const events = (page) => page.evaluate(() => window.__events);
const viewOf = (page, id) => page.locator(`#${id} [role=tabpanel]`).getAttribute('data-view');

test('the demo renders two independent instances in open shadow roots', async () => {
  const { page, offOrigin, consoleErrors } = await open('/demo/');
  await page.locator('#explainer .mx-answer-point').first().waitFor();
  await page.locator('#safety .mx-safety').first().waitFor();

  // Open shadow roots, each with the adopted stylesheet and nothing in the document.
  const shape = await page.evaluate(() => [...document.querySelectorAll('massage-explainer')].map((el) => ({
    open: el.shadowRoot !== null,
    adopted: el.shadowRoot.adoptedStyleSheets.length,
    styleElements: el.shadowRoot.querySelectorAll('style, link').length,
    panelId: el.shadowRoot.querySelector('[role=tabpanel]').id,
    controlsResolve: [...el.shadowRoot.querySelectorAll('[role=tab]')]
      .every((tab) => el.shadowRoot.getElementById(tab.getAttribute('aria-controls')) !== null),
    labelResolves: el.shadowRoot.getElementById(el.shadowRoot.querySelector('[role=tabpanel]')
      .getAttribute('aria-labelledby')) !== null,
  })));
  assert.equal(shape.length, 2);
  for (const s of shape) {
    assert.equal(s.open, true);
    assert.equal(s.adopted, 1);
    assert.equal(s.styleElements, 0);
    assert.ok(s.controlsResolve && s.labelResolves, 'ARIA references resolve inside each instance');
  }
  assert.notEqual(shape[0].panelId, shape[1].panelId, 'ids differ between instances');
  // The widget's CSS stays in its shadow roots: the document has only the host's sheet.
  const documentSheets = await page.evaluate(() => [...document.styleSheets].map((s) => s.href?.split('/').pop()));
  assert.deepEqual(documentSheets, ['demo.css']);

  // Attributes: the first shows the default view, the second safety, dark and compact.
  assert.equal(await viewOf(page, 'explainer'), 'answer');
  assert.equal(await viewOf(page, 'safety'), 'safety');
  assert.equal(await page.locator('#safety .mx-root').getAttribute('data-theme'), 'dark');
  assert.equal(await page.locator('#safety .mx-root').getAttribute('data-compact'), '');
  assert.equal(await page.locator('#explainer .mx-root').getAttribute('data-compact'), null);
  // The short answer opens the default view; the emergency tier, with the UK's number
  // (region="uk"), is on both, the compact sidebar included.
  assert.ok(await page.locator('#explainer .mx-answer-point').count() >= 5);
  for (const id of ['explainer', 'safety']) {
    assert.match(await page.locator(`#${id} .mx-notice`).textContent(), /Call 999 now/);
  }
  assert.match(await page.locator('#safety .mx-tier-same-day h4').textContent(), /call 111/);

  // Navigating one leaves the other alone, and only the first tells the host.
  await page.locator('#explainer [role=tab]', { hasText: 'Map' }).click();
  assert.equal(await viewOf(page, 'explainer'), 'map');
  assert.equal(await viewOf(page, 'safety'), 'safety');
  await page.locator('#safety [role=tab]', { hasText: 'Techniques' }).click();
  assert.equal(await viewOf(page, 'safety'), 'techniques');
  assert.equal(await viewOf(page, 'explainer'), 'map');
  const seen = await events(page);
  const byId = (a, b) => a.id.localeCompare(b.id);
  assert.deepEqual(seen.filter((e) => e.type === 'mx-ready').sort(byId), [
    { type: 'mx-ready', id: 'explainer', detail: { view: 'answer', state: 'view=answer' } },
    { type: 'mx-ready', id: 'safety', detail: { view: 'safety', state: 'view=safety' } },
  ]);
  assert.deepEqual(seen.filter((e) => e.type === 'mx-change'), [
    { type: 'mx-change', id: 'explainer', detail: { view: 'map', state: 'view=map' } },
    { type: 'mx-change', id: 'safety', detail: { view: 'techniques', state: 'view=techniques' } },
  ]);
  // The demo host reacts to the first instance's event.
  assert.equal(await page.locator('#topic').textContent(), 'the technique map');
  // The URL is the host's: no instance here opted in to the hash.
  assert.equal(await page.evaluate(() => location.hash), '');

  assert.deepEqual(offOrigin, []);
  assert.deepEqual(consoleErrors, []);
  await page.close();
});

test("the host's call to action sits where the reader decides, on every view", async () => {
  const { page, consoleErrors } = await open('/demo/');
  await page.locator('#explainer .mx-answer-point').first().waitFor();
  // What comes just before the slot on each view, and what just after.
  const places = {
    'Short answer': ['mx-options-brief', 'mx-print'],
    'Your options': ['mx-option-list', 'mx-course'],
    Map: ['mx-answer-mini', 'mx-nav'],
    Safety: ['mx-answer-mini', 'mx-nav'],
  };
  for (const [view, [before, after]] of Object.entries(places)) {
    await page.locator('#explainer [role=tab]', { hasText: view }).click();
    await page.locator(`#explainer [role=tab][aria-selected=true]:has-text("${view}")`).waitFor();
    const placement = await page.evaluate(() => {
      const host = document.getElementById('explainer');
      const slots = host.shadowRoot.querySelectorAll('slot[name=cta]');
      const box = slots[0]?.parentElement;
      const link = host.querySelector('[slot=cta]');
      // An island's two wrappers (display: contents, src/app/islands.rs) are
      // seen through: what the reader sees is what they hold.
      const shown = (el, last) => {
        while (el && /\bmx-island/.test(el.className)) el = last ? el.lastElementChild : el.firstElementChild;
        return el;
      };
      return {
        slots: slots.length,
        assigned: slots[0]?.assignedElements().map((e) => e.textContent),
        before: shown(box?.previousElementSibling, true)?.className,
        after: shown(box?.nextElementSibling, false)?.className,
        height: link.getBoundingClientRect().height,
        // The host's own rule wins over the widget's: the demo's button colour.
        background: getComputedStyle(link).backgroundColor,
        radius: getComputedStyle(link).borderRadius,
      };
    });
    assert.equal(placement.slots, 1, view);
    assert.deepEqual(placement.assigned, ['Book a back massage'], view);
    assert.ok(placement.before.split(' ').includes(before), `${view}: after ${before}, not ${placement.before}`);
    assert.ok(placement.after.split(' ').includes(after), `${view}: before ${after}, not ${placement.after}`);
    assert.ok(placement.height >= 44, `${view}: ${placement.height} px high`);
    assert.equal(placement.background, 'rgb(138, 59, 92)');
    assert.equal(placement.radius, '999px', "the host's own shape");
  }
  // Light-DOM content without a slot (the loading text) is not shown once mounted.
  assert.equal(await page.locator('#explainer > p').isVisible(), false);
  assert.deepEqual(consoleErrors, []);
  await page.close();
});

test('attribute changes update a live instance; invalid ones warn once and show defaults', async () => {
  const { page, warnings, consoleErrors } = await open('/host/plain.html');
  await page.locator('#a .mx-answer-point').first().waitFor();
  const set = (name, value) => page.evaluate(([n, v]) => {
    const el = document.getElementById('a');
    if (v === null) el.removeAttribute(n); else el.setAttribute(n, v);
  }, [name, value]);
  const background = () => page.locator('#a .mx-root').evaluate((el) => getComputedStyle(el).backgroundColor);

  await set('view', 'studies');
  await page.locator('#a [role=tabpanel][data-view=studies]').waitFor();
  // Initial filters: the study list's search and facets, as its URL hash writes them.
  await set('state', 'q=cherkin&status=identified');
  await page.locator('#a .mx-count[data-count="3"]').waitFor();
  assert.equal(await page.locator('#a .mx-study-search input').inputValue(), 'cherkin');
  await set('state', 'view=map&cell=deep-tissue~muscle-tension');
  await page.locator('#a .mx-cell-detail').waitFor();

  const light = await background();
  await set('theme', 'dark');
  assert.equal(await page.locator('#a .mx-root').getAttribute('data-theme'), 'dark');
  assert.notEqual(await background(), light, 'dark theme changes the colours');
  await set('compact', '');
  assert.equal(await page.locator('#a .mx-root').getAttribute('data-compact'), '');
  const summarySize = () => page.locator('#a .mx-header .mx-answer-summary').evaluate((e) => getComputedStyle(e).fontSize);
  const compactSize = await summarySize();
  assert.equal(await page.locator('#a .mx-header .mx-answer-summary').isVisible(), true, 'compact keeps the short answer');
  await set('compact', null);
  assert.notEqual(await summarySize(), compactSize, 'compact sets the short answer smaller');

  // Invalid: the defaults for that attribute, one clear warning, a working widget.
  assert.deepEqual(warnings, []);
  await set('theme', 'blue');
  assert.equal(await page.locator('#a .mx-root').getAttribute('data-theme'), 'auto');
  await set('compact', ''); // another change, the bad theme still there: not repeated
  await set('state', null);
  await set('view', '<img src=x onerror=alert(1)>');
  await page.locator('#a [role=tabpanel][data-view=answer]').waitFor();
  const ours = warnings.filter((w) => w.startsWith('massage-explainer:'));
  assert.deepEqual(ours, [
    'massage-explainer: ignoring theme="blue" (expected one of light, dark, auto); using the defaults instead.',
    'massage-explainer: ignoring view="<img src=x onerror=alert(1)>" (expected one of answer, options, mechanisms, techniques, map, studies, sources, safety, search); theme="blue" (expected one of light, dark, auto); using the defaults instead.',
  ]);
  await page.locator('#a [role=tab]', { hasText: 'Sources' }).click();
  assert.equal(await viewOf(page, 'a'), 'sources', 'still works');
  assert.equal(await page.locator('#a img').count(), 0);
  assert.deepEqual(consoleErrors, []);
  await page.close();
});

test('removing the element destroys the instance; adding it again mounts a new one', async () => {
  const { page, consoleErrors } = await open('/host/plain.html');
  await page.locator('#a .mx-answer-point').first().waitFor();
  const after = await page.evaluate(async () => {
    const el = document.getElementById('a');
    const parent = el.parentElement;
    el.remove();
    const emptied = el.shadowRoot.childElementCount === 0;
    // Removed before it finished loading: never mounts.
    const quick = document.createElement('massage-explainer');
    parent.append(quick);
    quick.remove();
    // Added again after `quick` started: once it is ready, `quick` would have been too.
    const ready = new Promise((ok, fail) => {
      el.addEventListener('mx-ready', ok, { once: true });
      setTimeout(() => fail(new Error('not mounted again within 10 s')), 10_000);
    });
    parent.append(el);
    await ready;
    return { emptied, quickMounted: quick.shadowRoot?.childElementCount ?? 0, remounted: el.shadowRoot.querySelectorAll('.mx-app').length };
  });
  assert.deepEqual(after, { emptied: true, quickMounted: 0, remounted: 1 });
  await page.locator('#a [role=tab]', { hasText: 'Studies' }).click();
  assert.equal(await viewOf(page, 'a'), 'studies');
  assert.deepEqual(consoleErrors, []);
  await page.close();
});

test('the JS API mounts, updates and destroys, with checked options', async () => {
  const { page, warnings, consoleErrors } = await open('/host/empty.html');
  await page.waitForFunction(() => window.MassageExplainer);
  const result = await page.evaluate(async () => {
    const host = document.getElementById('slot');
    const seen = [];
    host.addEventListener('mx-ready', (e) => seen.push(e.detail.view));
    /** Each frame until `check()` holds (a re-render is asynchronous); fails after 5 s. */
    const until = (check) => new Promise((done, fail) => {
      const start = performance.now();
      const poll = () => {
        if (check()) done();
        else if (performance.now() - start > 5000) fail(new Error(`timed out: ${check}`));
        else requestAnimationFrame(poll);
      };
      poll();
    });
    const view = () => host.shadowRoot.querySelector('[role=tabpanel]')?.dataset.view;
    const handle = await window.MassageExplainer.mount(host, { view: 'studies', theme: 'dark' });
    await until(() => view() !== undefined);
    const first = view();
    handle.update({ view: 'safety' });
    await until(() => view() !== first);
    const second = view();
    const theme = host.shadowRoot.querySelector('.mx-root').dataset.theme; // absent → default
    handle.update({ view: 3, compact: true }); // a wrong type: its default and a warning
    // (compact is set on the root at once; the view re-renders after.)
    await until(() => view() !== second);
    const third = view();
    handle.update({ veiw: 'map' }); // a typo is named
    handle.destroy();
    handle.destroy(); // twice is harmless
    const left = host.shadowRoot.childElementCount;
    // Mounting again into the same element replaces the instance there.
    await window.MassageExplainer.mount(host, { view: 'map' });
    const again = await window.MassageExplainer.mount(host, { view: 'sources' });
    // The mount that replaced it says it is ready (the replaced one may have gone
    // before its first render, and then says nothing).
    await until(() => seen.includes('sources'));
    const remounted = [...host.shadowRoot.querySelectorAll('[role=tabpanel]')].map((p) => p.dataset.view);
    again.destroy();
    return { seen, first, second, theme, third, left, remounted, finally: host.shadowRoot.childElementCount };
  });
  assert.deepEqual(result, {
    seen: result.seen.includes('map') ? ['studies', 'map', 'sources'] : ['studies', 'sources'], first: 'studies', second: 'safety', theme: 'auto', third: 'answer',
    left: 0, remounted: ['sources'], finally: 0,
  });
  const ours = warnings.filter((w) => w.startsWith('massage-explainer:'));
  assert.equal(ours.length, 2, ours.join('\n'));
  assert.equal(ours[0], 'massage-explainer: ignoring view=3 (expected a string); using the defaults instead.');
  assert.match(ours[1], /unknown option `veiw`/);
  assert.deepEqual(consoleErrors, []);
  await page.close();
});

test('an instance opted in to the hash keeps its screen under its own key, beside the host', async () => {
  const { page, consoleErrors } = await open('/host/hash.html#section');
  await page.locator('#a .mx-answer-point').first().waitFor();
  await page.locator('#a [role=tab]', { hasText: 'Map' }).click();
  await page.locator('#b [role=tab]', { hasText: 'Studies' }).click();
  assert.equal(await page.evaluate(() => location.hash), '#section&mx-a=view%3Dmap&mx-b=view%3Dstudies');
  // Back: only b moves back; forward again; then a reload restores both.
  await page.goBack();
  await page.locator('#b [role=tabpanel][data-view=safety]').waitFor();
  assert.equal(await viewOf(page, 'a'), 'map');
  await page.goForward();
  await page.locator('#b [role=tabpanel][data-view=studies]').waitFor();
  await page.reload();
  await page.locator('#a [role=tabpanel][data-view=map]').waitFor();
  assert.equal(await viewOf(page, 'b'), 'studies');
  assert.equal(await page.evaluate(() => location.hash.split('&')[0]), '#section');
  assert.deepEqual(consoleErrors, []);
  await page.close();
});

test('theming: custom properties set on the element reach inside; nothing else does', async () => {
  const { page, consoleErrors } = await open('/demo/');
  await page.locator('#explainer .mx-answer-point').first().waitFor();
  const colours = await page.evaluate(() => {
    const tab = document.getElementById('explainer').shadowRoot.querySelector('[role=tab][aria-selected=true]');
    const root = document.getElementById('explainer').shadowRoot.querySelector('.mx-root');
    return {
      accent: getComputedStyle(tab).borderBottomColor,
      background: getComputedStyle(root).backgroundColor,
      // The host's serif font does not reach the widget.
      font: getComputedStyle(root).fontFamily,
    };
  });
  assert.deepEqual(colours, {
    accent: 'rgb(138, 59, 92)', // demo.css: --mx-accent: var(--site-brand)
    background: 'rgb(243, 230, 218)', // --mx-bg: var(--site-sand)
    font: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif',
  });
  assert.deepEqual(consoleErrors, []);
  await page.close();
});

test('the embed adds one global and no cookies or storage', async () => {
  const before = await (async () => {
    const { page } = await open('/host/globals.html');
    const names = await page.evaluate(() => Object.getOwnPropertyNames(window));
    await page.close();
    return new Set(names);
  })();
  const { page, consoleErrors } = await open('/demo/');
  await page.locator('#safety .mx-safety').first().waitFor();
  const added = (await page.evaluate(() => Object.getOwnPropertyNames(window)))
    .filter((name) => !before.has(name) && name !== '__events');
  assert.deepEqual(added, ['MassageExplainer']);
  assert.deepEqual(await page.evaluate(() => ({
    cookie: document.cookie, local: localStorage.length, session: sessionStorage.length,
    defined: customElements.get('massage-explainer')?.name,
  })), { cookie: '', local: 0, session: 0, defined: 'MassageExplainerElement' });
  assert.deepEqual(await browser.context.cookies(), []);
  assert.deepEqual(consoleErrors, []);
  await page.close();
});

for (const scheme of ['light', 'dark']) {
  test(`axe-core finds no violations on the demo page, inside either widget, on every screen's kind (${scheme})`, async () => {
    const { page, offOrigin } = await open('/demo/');
    await page.emulateMedia({ colorScheme: scheme });
    await page.locator('#safety .mx-safety').first().waitFor();
    await page.locator('#explainer .mx-answer-point').first().waitFor();
    await page.addScriptTag({ content: AXE });
    const audit = () => page.evaluate(async () =>
      // eslint-disable-next-line no-undef
      (await axe.run(document)).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`));
    assert.deepEqual(await audit(), [], 'the short answer, and safety in the sidebar');
    // The report cards, embedded: the table in the main widget, a card in the compact one.
    await page.evaluate(() => {
      document.getElementById('explainer').setAttribute('view', 'sources');
      document.getElementById('safety').setAttribute('state', 'view=sources&source=004_0258de91f0d849d6&criterion=names-sources');
    });
    await page.locator('#explainer .mx-report tbody tr').first().waitFor();
    await page.locator('#safety .mx-report-card [data-criterion=names-sources] details[open]').waitFor();
    assert.equal(await page.locator('#explainer .mx-report tbody tr').count(), 5, 'a row per article');
    assert.deepEqual(await audit(), [], 'the report table and a card');
    assert.deepEqual(offOrigin, []);
    await page.close();
  });
}

test('each instance searches on its own: / focuses the box of the instance the reader is in', async () => {
  const { page, consoleErrors } = await open('/demo/');
  await page.locator('#safety .mx-tab').first().waitFor();
  const focusedBox = () => page.evaluate(() => {
    const host = document.activeElement;
    return host?.shadowRoot?.activeElement?.closest('.mx-find') ? host.id : null;
  });
  // Outside both, `/` is the host page's: neither takes it.
  await page.locator('body').press('/');
  assert.equal(await focusedBox(), null);
  await page.locator('#safety .mx-tab').first().focus();
  await page.keyboard.press('/');
  assert.equal(await focusedBox(), 'safety');
  await page.keyboard.type('lactic');
  await page.locator('#safety .mx-found-group[data-kind=claims] .mx-hit').first().waitFor();
  assert.equal(await viewOf(page, 'explainer'), 'answer', 'the other instance is untouched');
  assert.equal(await page.locator('#explainer .mx-find input').inputValue(), '');
  // Arrow keys stay within the instance's own results.
  await page.keyboard.press('ArrowDown');
  const inSafety = await page.evaluate(() => document.activeElement?.id === 'safety'
    && document.activeElement.shadowRoot.activeElement?.classList.contains('mx-hit'));
  assert.ok(inSafety);
  assert.deepEqual(consoleErrors, []);
  await page.close();
});
