// `make bench`: size, first render and filter latency of the release build in
// headless Chromium, against the budgets; prints a report and writes it to
// tests/e2e/bench-report.md (the README quotes it). Not a test: nothing here
// fails the build; the report says pass or fail per budget.
//
//   node bench.mjs <dist> <10k-site dist> <twiggy json or -> <claim base build txt>
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { cpus, tmpdir } from 'node:os';
import { serve, launch, openPage } from './support.mjs';
import { sizes } from './sizes.mjs';

const [dist, bigDist, twiggyJson, claimbaseTxt] = process.argv.slice(2).map((p) => p && resolve(p));
const REPORT = resolve(import.meta.dirname, 'bench-report.md');
const BUDGET = { brotliKB: 90, firstRenderMs: 150, filterP95Ms: 8 };
const LOADS = 20;

const lines = [];
const out = (line = '') => { console.log(line); lines.push(line); };
const kb = (n) => (n / 1024).toFixed(1);
const ms = (n) => n.toFixed(2);
const pct = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};
const verdict = (ok) => (ok ? 'pass' : '**FAIL**');

/** The files a page really loads (from Chromium's own record), sized. */
async function loadedFiles(browser, origin, root, path) {
  const { page } = await openPage(browser.context, origin);
  const urls = new Set();
  page.on('requestfinished', (r) => urls.add(new URL(r.url()).pathname));
  await page.goto(`${origin}${path}`);
  await page.waitForFunction(() => window.__mxReady !== undefined, null, { timeout: 30000 });
  await page.close();
  const rows = [];
  for (const url of urls) {
    const file = url.endsWith('/') ? `${url}index.html` : url;
    rows.push(sizes(file.slice(1), await readFile(join(root, decodeURIComponent(file)))));
  }
  return rows.sort((a, b) => b.raw - a.raw);
}

function sizeTable(title, rows) {
  out(`### ${title}`);
  out('| file | raw KB | gzip KB | brotli KB |');
  out('|---|---:|---:|---:|');
  for (const r of rows) out(`| ${r.file} | ${kb(r.raw)} | ${kb(r.gzip)} | ${kb(r.brotli)} |`);
  const total = (k) => rows.reduce((s, r) => s + r[k], 0);
  out(`| **total** | ${kb(total('raw'))} | ${kb(total('gzip'))} | **${kb(total('brotli'))}** |`);
  out();
  return total('brotli') / 1024;
}

/** Records when the widget says it is ready (`mx-ready`, on its root or host). */
const READY_PROBE = () => {
  document.addEventListener('mx-ready', () => {
    if (window.__mxReady === undefined) window.__mxReady = performance.now();
  }, { capture: true });
};

/** Navigation start → ready, over cold loads (a fresh profile each time). */
async function firstRender(root, path) {
  const server = await serve(root);
  const times = [];
  for (let i = 0; i < LOADS; i++) {
    const browser = await launch();
    const page = await browser.context.newPage();
    await page.addInitScript(READY_PROBE);
    await page.goto(`${server.origin}${path}`);
    times.push(await page.waitForFunction(() => window.__mxReady, null, { timeout: 30000 }).then((h) => h.jsonValue()));
    await browser.close();
  }
  await server.close();
  return times;
}

/** Keystroke in the study search → the list updated in the DOM, per key. */
async function filterLatency(root, words) {
  const server = await serve(root);
  const browser = await launch();
  const page = await browser.context.newPage();
  await page.addInitScript(READY_PROBE);
  await page.goto(`${server.origin}/#view=studies`);
  await page.locator('input[type=search]').waitFor();
  const samples = await page.evaluate(async (words) => {
    const input = document.querySelector('input[type=search]');
    const panel = document.querySelector('[role=tabpanel]');
    // One key: set the value as typing does, then wait for the DOM to change
    // (the list carries the query, so every key changes something).
    const key = (text) => new Promise((done) => {
      const start = performance.now();
      const observer = new MutationObserver(() => { observer.disconnect(); done(performance.now() - start); });
      observer.observe(panel, { subtree: true, childList: true, characterData: true, attributes: true });
      input.value = text;
      input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText' }));
    });
    // Type each word and delete it again, key by key.
    const pass = async () => {
      const times = [];
      for (const word of words) {
        for (let n = 1; n <= word.length; n++) times.push(await key(word.slice(0, n)));
        for (let n = word.length - 1; n >= 0; n--) times.push(await key(word.slice(0, n)));
      }
      return times;
    };
    // The first pass right after load pays for JIT tiering of the wasm; it is
    // reported apart. Then three passes make the steady-state figure.
    const cold = await pass();
    const warm = [...await pass(), ...await pass(), ...await pass()];
    return { cold, warm };
  }, words);
  const studies = await page.locator('.mx-count').getAttribute('data-count');
  await browser.close();
  await server.close();
  return { samples: samples.warm, cold: samples.cold, studies: Number(studies) };
}

function crateTable(path) {
  return readFile(path, 'utf8').then((text) => {
    // Name and custom sections, and wasm-bindgen's describe functions, are
    // removed by wasm-bindgen and wasm-opt: they never reach the browser.
    const items = JSON.parse(text).filter((i) => !/^(custom section|"function names"|"local names"|(export ")?__wbindgen_describe|import __wbindgen_placeholder__)/.test(i.name));
    const total = items.reduce((s, i) => s + i.shallow_size, 0);
    const groups = new Map();
    for (const { name, shallow_size: size } of items) {
      let crate;
      if (/^data\[|^data segment/.test(name)) crate = 'data (strings, claim base, tables)';
      else {
        const path = name.replace(/^[<&*\s]+|^(dyn|impl|mut|const)\s+/g, '').replace(/^[<&*\s]+/, '');
        const m = path.match(/^([A-Za-z_][A-Za-z0-9_]*)(\[[0-9a-f]+\])?::/);
        crate = m ? m[1] : (/^(elem|table|type|global|import|export|code|wasm-bindgen|__)/.test(name) ? 'wasm sections and glue' : 'other');
      }
      groups.set(crate, (groups.get(crate) ?? 0) + size);
    }
    const rows = [...groups].sort((a, b) => b[1] - a[1]).slice(0, 14);
    out('### What each crate contributes (twiggy, before wasm-bindgen and wasm-opt; raw bytes)');
    out('| crate | KB | share |');
    out('|---|---:|---:|');
    for (const [crate, size] of rows) out(`| ${crate} | ${kb(size)} | ${((100 * size) / total).toFixed(1)}% |`);
    out();
  }).catch((e) => out(`(twiggy report unavailable: ${e.message})\n`));
}

// ---------------------------------------------------------------- run

const date = new Date().toISOString().slice(0, 10);
out(`# Benchmark report, ${date}`);
out();
out(`Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}; headless Debian Chromium; release build.`);
out();

out('## Size: every file the page loads');
const server = await serve(dist);
const browser = await launch();
await browser.context.addInitScript(READY_PROBE);
const standaloneKB = sizeTable('Standalone page', await loadedFiles(browser, server.origin, dist, '/'));
let embedKB = null;
try {
  await readFile(join(dist, 'demo', 'index.html'));
  embedKB = sizeTable('Embed demo (the host page and two widgets)', await loadedFiles(browser, server.origin, dist, '/demo/'));
} catch { /* no embed demo in this build */ }
await browser.close();
await server.close();
if (twiggyJson && twiggyJson !== resolve('-')) await crateTable(twiggyJson);

out('## First render: navigation start → `mx-ready`');
// What a fresh headless Chromium costs before any app: a one-heading static page
// that says "ready" after its first frame. The budget is measured from the same zero.
const plain = await mkdtemp(join(tmpdir(), 'mx-plain-'));
await writeFile(join(plain, 'index.html'), '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>baseline</title></head>'
  + '<body><h1>How massage may help back pain</h1><p>A static page.</p>'
  + "<script>requestAnimationFrame(() => setTimeout(() => document.dispatchEvent(new Event('mx-ready'))))</script></body></html>");
const baseline = await firstRender(plain, '/');
await rm(plain, { recursive: true, force: true });
const standalone = await firstRender(dist, '/');
out(`| page | loads | median ms | p95 ms |`);
out('|---|---:|---:|---:|');
out(`| baseline: a static one-heading page, first frame | ${LOADS} | ${ms(pct(baseline, 50))} | ${ms(pct(baseline, 95))} |`);
out(`| standalone | ${LOADS} | ${ms(pct(standalone, 50))} | ${ms(pct(standalone, 95))} |`);
let embed = null;
if (embedKB !== null) {
  embed = await firstRender(dist, '/demo/');
  out(`| embed demo (two instances) | ${LOADS} | ${ms(pct(embed, 50))} | ${ms(pct(embed, 95))} |`);
}
out();

out('## Filter latency: keystroke in the study search → list updated in the DOM');
const seeds = await filterLatency(dist, ['cherkin', 'annals', 'massage']);
const big = bigDist ? await filterLatency(bigDist, ['chronic', 'swedish massage', 'schröder', 'report 12', 'acupuncture']) : null;
out('| claim base | studies | keystrokes | p50 ms | p95 ms | max ms | first pass after load: p95 ms |');
out('|---|---:|---:|---:|---:|---:|---:|');
const row = (name, r) => out(`| ${name} | ${r.studies} | ${r.samples.length} | ${ms(pct(r.samples, 50))} | ${ms(pct(r.samples, 95))} | ${ms(Math.max(...r.samples))} | ${ms(pct(r.cold, 95))} |`);
row('seeds', seeds);
if (big) row('generated', big);
out();
out('For scale, on this machine at 10,000 studies (issue #7): List.js 40 ms p95 per keystroke, DataTables 170 ms, a naive hand-written page 14.5 ms.');
out();

if (claimbaseTxt) {
  out('## Claim base build');
  out('```');
  out((await readFile(claimbaseTxt, 'utf8')).trimEnd());
  out('```');
  out();
}

out('## Budgets');
out('| budget | measured | result |');
out('|---|---:|---|');
out(`| total transfer ≤ ${BUDGET.brotliKB} KB brotli (standalone) | ${standaloneKB.toFixed(1)} KB | ${verdict(standaloneKB <= BUDGET.brotliKB)} |`);
out(`| first render median ≤ ${BUDGET.firstRenderMs} ms (standalone) | ${ms(pct(standalone, 50))} ms | ${verdict(pct(standalone, 50) <= BUDGET.firstRenderMs)} |`);
if (embed) out(`| first render median ≤ ${BUDGET.firstRenderMs} ms (embed) | ${ms(pct(embed, 50))} ms | ${verdict(pct(embed, 50) <= BUDGET.firstRenderMs)} |`);
if (big) out(`| filter p95 ≤ ${BUDGET.filterP95Ms} ms at ${big.studies} studies | ${ms(pct(big.samples, 95))} ms | ${verdict(pct(big.samples, 95) <= BUDGET.filterP95Ms)} |`);
out();

await writeFile(REPORT, `${lines.join('\n')}\n`);
console.log(`\nwritten to ${REPORT}`);
