// The npm package: `npm pack` on the release build, unpacked into a fresh folder
// and served from a second origin (as a CDN would, with CORS), embedded by a host
// page on the first origin with one script tag.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { serve, launch, openPage, stage, DIST } from './support.mjs';

let dir;
let cdn;
let host;
let site;
let browser;
let files;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mx-package-'));
  const tarball = execFileSync('npm', ['pack', DIST, '--pack-destination', dir, '--silent'], { encoding: 'utf8' }).trim().split('\n').pop();
  execFileSync('tar', ['-xzf', join(dir, tarball), '-C', dir]);
  const unpacked = join(dir, 'package');
  files = execFileSync('find', ['.', '-type', 'f'], { cwd: unpacked, encoding: 'utf8' }).trim().split('\n').map((f) => f.slice(2)).sort();
  // What a CDN sends: CORS on everything, and the right types (serve() does those).
  cdn = await serve(unpacked, () => ({ 'access-control-allow-origin': '*' }));
  site = await stage({
    'host/cdn.html': `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title><link rel="icon" href="data:,">
      <script type="module" src="${cdn.origin}/embed.js"></script></head>
      <body><h1>Host</h1><massage-explainer id="a" region="uk"></massage-explainer></body></html>`,
  });
  host = await serve(site.dir);
  browser = await launch();
});
after(async () => {
  await browser?.close(); await cdn?.close(); await host?.close(); await site?.remove();
  if (dir) await rm(dir, { recursive: true, force: true });
});

test('the package is the release build the embed needs, named and versioned from Cargo.toml', async () => {
  const pkg = JSON.parse(await readFile(join(dir, 'package', 'package.json'), 'utf8'));
  const cargo = await readFile(resolve(import.meta.dirname, '../../Cargo.toml'), 'utf8');
  assert.equal(pkg.name, 'massage-explainer');
  assert.equal(pkg.version, cargo.match(/^version = "([^"]+)"/m)[1]);
  assert.equal(pkg.license, 'MIT OR Apache-2.0');
  for (const wanted of ['embed.js', 'frame.html', 'frame.js', 'frame-resize.js', 'package.json', 'README.md']) {
    assert.ok(files.includes(wanted), `${wanted} in ${files.join(', ')}`);
  }
  assert.ok(files.some((f) => /^massage-explainer-[0-9a-f]+_bg\.wasm$/.test(f)), 'the wasm');
  assert.ok(files.some((f) => /^massage-explainer-[0-9a-f]+\.js$/.test(f)), 'the glue');
  assert.ok(files.some((f) => /^styles-[0-9a-f]+\.css$/.test(f)), 'the stylesheet');
  assert.ok(files.some((f) => f.startsWith('prerender/')), 'the prerendered first screens');
  assert.ok(files.some((f) => f.startsWith('icons/')), 'the icons');
  for (const f of files) assert.ok(!/^(demo|embed-builder|tests)\/|^sw\.js$|^index\.html$/.test(f), `${f} does not belong in the package`);
  // Every file embed.js names is in the package.
  const embed = await readFile(join(dir, 'package', 'embed.js'), 'utf8');
  const named = JSON.parse(embed.match(/const FILES = \/\* build:files \*\/ (\{.*?\});/)[1]);
  for (const file of [named.glue, named.wasm, named.css]) assert.ok(files.includes(file), file);
  assert.ok(files.some((f) => f.startsWith(named.prerender)), named.prerender);
});

test('a host page on another origin embeds it from the package with one script tag', async () => {
  const { page, consoleErrors } = await openPage(browser.context, host.origin);
  await page.unroute('**/*');
  const origins = new Set();
  page.on('request', (r) => origins.add(new URL(r.url()).origin));
  await page.goto(`${host.origin}/host/cdn.html`);
  const widget = page.locator('#a');
  await widget.locator('.mx-answer-point').first().waitFor();
  assert.match(await widget.locator('.mx-notice').textContent(), /Call 999 now/);
  await widget.locator('[role=tab]', { hasText: 'Studies' }).click();
  await widget.locator('.mx-study').first().waitFor();
  assert.deepEqual([...origins].sort(), [cdn.origin, host.origin].sort(), 'nothing from anywhere else');
  assert.deepEqual(consoleErrors, []);
  await page.close();
});
