// The reader's flows in the three engines patients use: Chromium, Firefox (ESR) and
// WebKit (WebKitGTK, the engine of every iPhone browser). One set of tests over
// engines.mjs's driver; where an engine's automation cannot run a flow, the test
// is skipped with the reason. The deeper Chromium-only suites are the other files.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { ENGINES, PROBE, Unsupported, launchEngine } from './engines.mjs';
import { readPdf, serve, stage } from './support.mjs';

const POLICY = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

for (const name of ENGINES) {
  describe(name, () => {
    let engine;
    let server;
    let page;
    before(async () => {
      engine = await launchEngine(name);
      server = await serve(undefined, () => ({ 'content-security-policy': POLICY }), { probe: PROBE });
      process.stdout.write(`# ${name}: ${engine.version}\n`);
    });
    after(async () => { await page?.close().catch(() => {}); await engine?.close(); await server?.close(); });

    /** A fresh page for each test (the previous one is closed), at `path` on `origin`. */
    async function open(path, { origin = server.origin, ...options } = {}) {
      await page?.close().catch(() => {});
      page = await engine.newPage();
      await page.goto(`${origin}${path}`, options);
      return page;
    }

    /** The PDF Firefox's silent print writes, once it is whole: ended, and no longer growing. */
    async function printedFile() {
      let last = -1;
      for (const start = Date.now(); Date.now() - start < 15_000;) {
        const bytes = await readFile(engine.printed).catch(() => null);
        const ended = bytes !== null && bytes.subarray(-16).toString('latin1').includes('%%EOF');
        if (ended && bytes.length === last) return readPdf(engine.printed);
        last = bytes?.length ?? -1;
        await new Promise((ok) => setTimeout(ok, 100));
      }
      throw new Error(`nothing whole printed to ${engine.printed}`);
    }

    /** Skips the rest of a test where the engine's automation cannot do `step`. */
    async function where(t, step) {
      try {
        return await step();
      } catch (error) {
        if (!(error instanceof Unsupported)) throw error;
        t.skip(`${name}: ${error.message}`);
        return null;
      }
    }

    test(`${name}: the prerendered answer shows first, and the app takes over the same nodes where they were`, async () => {
      await open('/');
      const check = await page.eval(() => {
        const { before: then } = window.__probe;
        const now = window.__probe.snapshot();
        return {
          before: then.text,
          takenBeforeTheApp: then.ready === 0,
          sameNodes: now.nodes.every((node, i) => node !== null && node === then.nodes[i]),
          sameText: now.text === then.text,
          moved: now.rects.filter((rect, i) => rect !== then.rects[i]),
          live: window.__probe.ready >= 1,
        };
      });
      assert.equal(check.takenBeforeTheApp, true, 'the page as it was before the app started');
      assert.match(check.before, /The short answer/, 'the answer is in the page before the app');
      assert.match(check.before, /Call your local emergency number now/, 'and the emergency signs');
      assert.equal(check.sameNodes, true, 'the app took over the prerendered nodes');
      assert.equal(check.sameText, true, 'with the same text');
      assert.deepEqual(check.moved, [], 'nothing moved (no layout shift)');
      assert.equal(check.live, true);
      assert.deepEqual(await page.violations(), []);
      assert.deepEqual(await page.errors(), []);
    });

    test(`${name}: the tabs follow the arrow keys, Home and End, and each view is in the URL`, async () => {
      await open('/');
      await page.eval(() => document.getElementById('mx-tab-answer').focus());
      for (const [key, view] of [['ArrowRight', 'options'], ['ArrowRight', 'mechanisms'], ['End', 'safety'], ['ArrowRight', 'answer'], ['ArrowLeft', 'safety'], ['Home', 'answer']]) {
        await page.press(key);
        await page.waitFor((v) => document.activeElement?.id === `mx-tab-${v}`
          && document.querySelector(`[role=tabpanel][data-view=${v}]`) !== null
          && document.querySelector('[role=tab][aria-selected=true]')?.id === `mx-tab-${v}`, view);
      }
      await page.press('ArrowRight');
      await page.waitFor(() => location.hash === '#view=options');
      await page.press('ArrowRight');
      await page.waitFor(() => location.hash === '#view=mechanisms');
      // A card opens its detail; Back returns to the list.
      await page.click('[role=tabpanel] .mx-card-button');
      await page.waitFor(() => /^#view=mechanisms&item=/.test(location.hash) && document.querySelector('.mx-detail') !== null);
      await page.back();
      await page.waitFor(() => location.hash === '#view=mechanisms' && document.querySelector('.mx-card') !== null);
      assert.deepEqual(await page.errors(), []);
    });

    test(`${name}: an island still waiting for its turn answers the first tap or key aimed at it`, async (t) => {
      // The page is live (mx-ready) once its root is taken over; here the islands
      // after the first few are held back (engine-probe.js) and wait, as they may
      // for a moment on a slow phone.
      const compare = { css: '[role=tabpanel] .mx-button', text: 'Compare your options' };
      const ways = {
        tap: () => page.click(compare),
        key: async () => {
          await page.eval((target) => window.__probe.find(target).focus(), compare);
          await page.press('Enter');
        },
      };
      for (const [way, act] of Object.entries(ways)) {
        await open('/?hold-islands');
        if (!await page.eval((target) => window.__probe.waiting(target), compare)) {
          // The first few took every island: this engine ran them all in the
          // root's task, and none waits.
          t.skip(`${name}: every island was taken over in the root's task`);
          return;
        }
        await act();
        await page.waitFor(() => location.hash === '#view=options'
          && document.querySelector('[role=tabpanel][data-view=options] .mx-options') !== null);
        // The rest, released, show the new view too: then the change is announced.
        await page.eval(() => window.__probe.releaseIslands());
        await page.waitFor(() => window.__probe.changes === 1
          && document.querySelector('[role=tab][aria-selected=true]')?.id === 'mx-tab-options');
        assert.deepEqual(await page.errors(), [], way);
      }
    });

    test(`${name}: search everything finds results grouped by kind, and one opens its screen`, async () => {
      await open('/#view=map');
      await page.press('/');
      await page.waitFor(() => document.activeElement?.id === 'mx-find');
      await page.type('numbness');
      await page.waitFor(() => location.hash === '#view=search&q=numbness'
        && document.querySelector('.mx-found-group[data-kind=safety] .mx-hit') !== null);
      const marks = await page.eval(() => [...document.querySelectorAll('.mx-found-group[data-kind=safety] .mx-hit mark')].map((m) => m.textContent));
      assert.ok(marks.length > 0 && marks.every((m) => /^numbness$/i.test(m)), `matches marked: ${marks.join()}`);
      await page.click('.mx-found-group[data-kind=safety] .mx-hit');
      await page.waitFor(() => location.hash.startsWith('#view=safety&safety=')
        && /numbness/i.test(document.querySelector('.mx-safety li.mx-selected')?.textContent ?? ''));
      await page.back();
      await page.waitFor(() => location.hash === '#view=search&q=numbness' && document.querySelector('.mx-hit') !== null);
      assert.deepEqual(await page.errors(), []);
    });

    test(`${name}: the study list's filters live in the URL: reload, Back and Forward`, async () => {
      await open('/#view=studies');
      const shown = () => page.eval(() => [...document.querySelectorAll('.mx-study')].map((c) => c.dataset.study));
      assert.equal((await shown()).length, 10, 'the first page of the list');
      await page.click('[data-facet=status] input[data-value=identified]');
      await page.waitFor(() => location.hash.includes('status=identified'));
      await page.click('.mx-study-search input');
      await page.type('cherkin');
      await page.waitFor(() => location.hash === '#view=studies&q=cherkin&status=identified'
        && document.querySelectorAll('.mx-study').length === 3);
      const list = await shown();
      assert.deepEqual([...list].sort(), ['cherkin-2001', 'cherkin-2003', 'cherkin-2011']);
      await page.reload();
      await page.waitFor(() => document.querySelectorAll('.mx-study').length === 3);
      assert.deepEqual(await shown(), list, 'the URL brings back the same list');
      assert.equal(await page.eval(() => document.querySelector('.mx-study-search input').value), 'cherkin');
      // Back undoes the search as one step (not one per key), Forward brings it back.
      await page.back();
      await page.waitFor(() => location.hash === '#view=studies&status=identified'
        && document.querySelector('.mx-study-search input').value === '');
      await page.forward();
      await page.waitFor(() => location.hash.includes('q=cherkin') && document.querySelectorAll('.mx-study').length === 3);
      assert.deepEqual(await page.errors(), []);
    });

    test(`${name}: a citation opens its record in place, and Close hands focus back`, async () => {
      await open('/');
      await page.click('[data-point=weak-evidence] summary');
      await page.click({ css: '[data-point=weak-evidence] .mx-cite-link', text: 'Furlan 2015' });
      await page.waitFor(() => /Furlan/.test(document.querySelector('[data-point=weak-evidence] .mx-cite-peek')?.textContent ?? ''));
      assert.equal(await page.eval(() => location.hash), '', 'no new screen');
      await page.click('.mx-cite-peek .mx-back');
      await page.waitFor(() => document.querySelector('.mx-cite-peek') === null
        && document.activeElement?.textContent === 'Furlan 2015'
        && document.activeElement.getAttribute('aria-expanded') === 'false');
      assert.deepEqual(await page.errors(), []);
    });

    test(`${name}: a snippet whose files another site will not share shows its fallback link`, async () => {
      // The explainer's files from a host that sends no Access-Control-Allow-Origin.
      const files = await serve();
      const pages = await stage({
        'host.html': `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title><link rel="icon" href="data:,">
          <script type="module" src="${files.origin}/embed.js"></script></head><body><h1>Host</h1>
          <massage-explainer><a slot="fallback" href="${files.origin}/">Read the explainer</a></massage-explainer></body></html>`,
      });
      const host = await serve(pages.dir, () => ({}), { probe: PROBE });
      try {
        await open('/host.html', { origin: host.origin, ready: false });
        // Module scripts run (or fail) before the document completes.
        await page.waitFor(() => document.readyState === 'complete');
        assert.equal(await page.eval(() => customElements.get('massage-explainer') === undefined), true, 'the module was refused');
        assert.ok(await page.eval(() => document.querySelector('a[slot=fallback]').getBoundingClientRect().height > 0), 'the link is shown');
      } finally {
        await host.close();
        await files.close();
        await pages.remove();
      }
    });

    test(`${name}: the embed demo: two instances in shadow roots, attributes, the JS API, a strict CSP`, async () => {
      await open('/demo/');
      const shape = await page.eval(() => [...document.querySelectorAll('massage-explainer')].map((el) => ({
        id: el.id,
        view: el.shadowRoot?.querySelector('[role=tabpanel]')?.dataset.view,
        theme: el.shadowRoot?.querySelector('.mx-root')?.dataset.theme,
        adopted: el.shadowRoot?.adoptedStyleSheets.length,
        notice: el.shadowRoot?.querySelector('.mx-notice')?.textContent.includes('Call 999 now'),
      })));
      assert.deepEqual(shape, [
        { id: 'explainer', view: 'answer', theme: 'light', adopted: 1, notice: true },
        { id: 'safety', view: 'safety', theme: 'dark', adopted: 1, notice: true },
      ]);
      // A tab in one instance leaves the other alone, and the host's URL too.
      await page.click({ css: '#explainer >> [role=tab]', text: 'Studies' });
      await page.waitFor(() => document.getElementById('explainer').shadowRoot.querySelector('[role=tabpanel][data-view=studies]') !== null);
      assert.equal(await page.eval(() => document.getElementById('safety').shadowRoot.querySelector('[role=tabpanel]').dataset.view), 'safety');
      assert.equal(await page.eval(() => location.hash), '');
      // An attribute change is followed.
      await page.eval(() => document.getElementById('safety').setAttribute('view', 'sources'));
      await page.waitFor(() => document.getElementById('safety').shadowRoot.querySelector('[role=tabpanel][data-view=sources] .mx-source') !== null);
      // The JS API mounts, updates and destroys an instance.
      await page.eval(() => {
        const slot = document.createElement('div');
        slot.id = 'api';
        document.body.append(slot);
        return window.MassageExplainer.mount(slot, { view: 'map' }).then((handle) => { window.__handle = handle; });
      });
      await page.waitFor(() => document.getElementById('api').shadowRoot?.querySelector('[role=tabpanel][data-view=map]') instanceof Element);
      await page.eval(() => window.__handle.update({ view: 'safety' }));
      await page.waitFor(() => document.getElementById('api').shadowRoot.querySelector('[role=tabpanel][data-view=safety]') !== null);
      await page.eval(() => window.__handle.destroy());
      await page.waitFor(() => document.getElementById('api').shadowRoot.childElementCount === 0);
      assert.deepEqual(await page.violations(), [], `no violation of ${POLICY}`);
      assert.deepEqual(await page.errors(), []);
    });

    test(`${name}: the take-home sheet prints on paper`, async (t) => {
      await open('/#view=safety');
      await page.waitFor(() => document.querySelector('.mx-sheet-footer')?.textContent.includes('Printed on'));
      const pdf = await where(t, () => page.pdf({ format: 'A4' }));
      if (!pdf) return;
      const path = join(tmpdir(), `mx-${name}-sheet.pdf`);
      await writeFile(path, pdf);
      const { pages, text } = readPdf(path);
      await rm(path);
      assert.ok(pages >= 1 && pages <= 2, `${pages} pages`);
      for (const wanted of ['The short answer', 'Call your local emergency number now', 'Questions to ask a massage therapist']) {
        assert.ok(text.includes(wanted), `"${wanted}" printed`);
      }
      assert.ok(!text.includes('Search everything'), 'nothing of the screen');
      assert.deepEqual(await page.errors(), []);
    });

    test(`${name}: an embed's Print button prints its own sheet alone, start to end`, async (t) => {
      if (!engine.printed) {
        t.skip(`${name}: its automation cannot complete a page's own print() (it waits on a print dialog); Firefox prints it to a file`);
        return;
      }
      await open('/demo/');
      await page.waitFor(() => document.getElementById('explainer').shadowRoot.querySelector('.mx-sheet-footer')?.textContent.includes('Printed on'));
      // What each print event sees: which elements carry the mark.
      await page.eval(() => {
        window.__prints = [];
        const marked = () => [...document.querySelectorAll('[data-mx-printing]')].map((el) => el.id);
        addEventListener('beforeprint', () => window.__prints.push(['before', marked()]));
        addEventListener('afterprint', () => window.__prints.push(['after', marked()]));
      });
      for (const [id, other] of [['explainer', 'safety'], ['safety', 'explainer']]) {
        await rm(engine.printed, { force: true });
        await page.eval(() => { window.__prints = []; });
        await page.click(`#${id} >> .mx-panel .mx-print`);
        await page.waitFor(() => window.__prints.length === 2);
        assert.deepEqual(await page.eval(() => window.__prints), [['before', [id]], ['after', []]], `${id}: marked from beforeprint to afterprint`);
        // The file is written once the print has ended.
        const printed = await printedFile();
        assert.equal(printed.text.split('Call 999 now').length - 1, 1, `${id}: one sheet`);
        // The whole sheet, to its end: nothing cut off by the host's box.
        for (const part of ['Questions to ask a massage therapist', 'Looking after your back', 'Printed on']) {
          assert.ok(printed.text.includes(part), `${id}: "${part}" printed`);
        }
        for (const unwanted of ['Harbourside Massage Therapy', 'Before your first visit']) {
          assert.ok(!printed.text.includes(unwanted), `${id}: "${unwanted}" of the host page is not printed`);
        }
        assert.equal(await page.eval((o) => document.getElementById(o).hasAttribute('data-mx-printing'), other), false);
      }
      // The browser's own Print prints the host page whole, with both sheets.
      const whole = await page.pdf({ format: 'A4' });
      const path = join(tmpdir(), `mx-${name}-whole.pdf`);
      await writeFile(path, whole);
      const { text } = readPdf(path);
      await rm(path);
      assert.ok(text.includes('Harbourside Massage Therapy'));
      // Both widgets' warning signs. Text extracted from a whole page can run a line of
      // the host's into a widget's ("Call 999 Massage now"), so count the number alone.
      assert.equal(text.split('Call 999').length - 1, 2);
      assert.deepEqual(await page.errors(), []);
    });

    test(`${name}: after one visit the app works offline`, async (t) => {
      const site = await serve(undefined, () => ({}), { probe: PROBE });
      try {
        await open('/', { origin: site.origin });
        const worker = await page.eval(() => 'serviceWorker' in navigator);
        if (!worker) {
          t.skip(`${name}: no service workers under this engine's automation`);
          return;
        }
        // The worker installs, takes control and has cached the app.
        await page.waitFor(() => navigator.serviceWorker.controller !== null
          && caches.keys().then(async (names) => {
            const paths = [];
            for (const cache of names) for (const r of await (await caches.open(cache)).keys()) paths.push(new URL(r.url).pathname);
            return paths.some((p) => p.endsWith('.wasm')) && paths.includes('/index.html');
          }));
        site.setOffline(true);
        await page.reload();
        await page.click('#mx-tab-safety');
        await page.waitFor(() => document.querySelector('[role=tabpanel][data-view=safety] .mx-safety') !== null);
        assert.match(await page.eval(() => document.querySelector('.mx-notice').textContent), /emergency/i);
        assert.deepEqual(await page.errors(), []);
      } finally {
        await site.close();
      }
    });
  });
}
