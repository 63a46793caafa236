// The installable offline app: manifest and icons, the Workbox service worker, working
// offline after one visit, and picking up a new deployment.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { promisify } from 'node:util';
import { DIST, serve, launch, openPage, stage } from './support.mjs';
import { builtFiles, NOT_PRECACHED, writeEmbed, writeServiceWorker } from '../../www/build/postbuild.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function filesIn(dir) {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) out.push(relative(dir, join(entry.parentPath, entry.name)));
  }
  return out.sort();
}

/** The precache list in a generated sw.js: [{ url, revision }]. */
async function precached(dir) {
  const sw = await readFile(join(dir, 'sw.js'), 'utf8');
  return [...sw.matchAll(/\{url:"([^"]+)",revision:(null|"[0-9a-f]+")\}/g)]
    .map(([, url, revision]) => ({ url, revision: JSON.parse(revision) }));
}

test('the manifest names the app and lists 192 and 512 px icons, maskable too', async () => {
  const manifest = JSON.parse(await readFile(join(DIST, 'manifest.webmanifest'), 'utf8'));
  assert.equal(manifest.name, 'Massage for back pain: does it help?');
  // What a phone shows under the installed icon, and in its install prompt.
  assert.equal(manifest.short_name, 'Massage & back pain');
  assert.equal(manifest.description, 'What articles claim about massage for back pain, the studies behind them, and how strong the evidence is. Works offline.');
  // The installed app is the page it was installed from: the same title.
  assert.ok((await readFile(join(DIST, 'index.html'), 'utf8')).includes(`<title>${manifest.name} · `));
  assert.equal(manifest.start_url, './');
  assert.equal(manifest.display, 'standalone');
  assert.match(manifest.theme_color, /^#[0-9a-f]{6}$/);
  assert.match(manifest.background_color, /^#[0-9a-f]{6}$/);
  const wanted = ['192x192 any', '512x512 any', '192x192 maskable', '512x512 maskable'];
  assert.deepEqual(manifest.icons.map((i) => `${i.sizes} ${i.purpose}`).sort(), wanted.sort());
  for (const icon of manifest.icons) {
    const png = await readFile(join(DIST, icon.src));
    assert.equal(png.toString('ascii', 1, 4), 'PNG', icon.src);
    assert.equal(`${png.readUInt32BE(16)}x${png.readUInt32BE(20)}`, icon.sizes, icon.src);
  }

  // Chromium reads it without complaint from the page that links it.
  const server = await serve();
  try {
    const { page } = await openPage(browser.context, server.origin);
    await page.goto(`${server.origin}/`);
    const cdp = await page.context().newCDPSession(page);
    const { url, errors } = await cdp.send('Page.getAppManifest');
    assert.equal(url, `${server.origin}/manifest.webmanifest`);
    assert.deepEqual(errors, []);
    await page.close();
  } finally {
    await server.close();
  }
});

test('the worker precaches every file of the release build, hashed files by name', async () => {
  const ignored = (f) => NOT_PRECACHED.some((glob) => (glob.endsWith('/**') ? f.startsWith(glob.slice(0, -2)) : f === glob));
  const files = (await filesIn(DIST)).filter((f) => !ignored(f));
  assert.ok(files.includes('frame.html') && !files.includes('package.json'));
  const entries = await precached(DIST);
  assert.deepEqual(entries.map((e) => e.url).sort(), files);
  const { glue, wasm, css } = await builtFiles(DIST);
  for (const entry of entries) {
    const hashed = [glue, wasm, css].includes(entry.url);
    assert.equal(entry.revision === null, hashed, `${entry.url}: revision ${entry.revision}`);
  }
  // Only release builds link the registration.
  assert.match(await readFile(join(DIST, 'index.html'), 'utf8'), /<script type="module" src="\/pwa.js"><\/script>/);
});

test('a debug build (trunk serve) gets embed.js but no worker and no registration', async () => {
  const site = await stage();
  try {
    await rm(join(site.dir, 'sw.js'));
    await rm(join(site.dir, 'pwa.js'));
    const html = (await readFile(join(site.dir, 'index.html'), 'utf8')).replace(/\s*<script type="module" src="\/pwa.js"><\/script>/, '');
    await writeFile(join(site.dir, 'index.html'), html);
    await rm(join(site.dir, 'embed.js'));
    const script = resolve(import.meta.dirname, '../../www/build/postbuild.mjs');
    await promisify(execFile)('node', [script], { env: { ...process.env, TRUNK_STAGING_DIR: site.dir, TRUNK_PROFILE: 'debug' } });
    // embed.js points at this build's own files, each of which is there.
    const files = JSON.parse((await readFile(join(site.dir, 'embed.js'), 'utf8')).match(/\/\* build:files \*\/ (\{[^}]*\})/)[1]);
    assert.deepEqual(files, { ...await builtFiles(site.dir), prerender: null });
    for (const file of [files.glue, files.wasm, files.css]) await stat(join(site.dir, file));
    await assert.rejects(stat(join(site.dir, 'sw.js')));
    assert.doesNotMatch(await readFile(join(site.dir, 'index.html'), 'utf8'), /pwa\.js/);
  } finally {
    await site.remove();
  }
});

/** Every path in the origin's caches, and whether a worker controls the page. */
const cacheState = (page) => page.evaluate(async () => {
  const paths = [];
  for (const name of await caches.keys()) {
    for (const request of await (await caches.open(name)).keys()) paths.push(new URL(request.url).pathname);
  }
  return { controlled: navigator.serviceWorker.controller !== null, paths };
});

/** Polls `cacheState` until `done(state)`; fails after 20 s. */
async function until(page, done, what) {
  for (const start = Date.now(); Date.now() - start < 20_000;) {
    const state = await cacheState(page);
    if (done(state)) return state;
    await new Promise((ok) => setTimeout(ok, 100));
  }
  throw new Error(`timed out waiting for ${what}: ${JSON.stringify(await cacheState(page))}`);
}

test('after one visit the app works offline; a new deployment shows on the next load', async () => {
  const site = await stage();
  let server = await serve(site.dir);
  const { port, origin } = server;
  const { page, offOrigin, consoleErrors } = await openPage(browser.context, origin);
  try {
    const first = await builtFiles(site.dir);
    await page.goto(`${origin}/`);
    await page.locator('.mx-answer-point').first().waitFor();
    await until(page, (s) => s.controlled && s.paths.includes(`/${first.wasm}`), 'the first worker');

    // Offline: the server is gone and the browser knows it.
    await server.close();
    await browser.context.setOffline(true);
    await page.reload();
    await page.locator('.mx-answer-point').first().waitFor();
    await page.locator('#mx-tab-sources').click();
    assert.equal(await page.locator('.mx-source').count(), 5, 'the full widget, offline');
    await page.locator('#mx-tab-map').click();
    await page.locator('.mx-map').waitFor();

    // A new deployment: a changed page, and the stylesheet under a new hashed name.
    const newCss = first.css.replace(/-[0-9a-f]{1,16}\./, '-00000000000000aa.');
    await rename(join(site.dir, first.css), join(site.dir, newCss));
    const html = (await readFile(join(site.dir, 'index.html'), 'utf8'))
      .replace(first.css, newCss)
      .replace('<title>', '<title>v2 · ');
    await writeFile(join(site.dir, 'index.html'), html);
    await writeEmbed(site.dir);
    await writeServiceWorker(site.dir);
    server = await serve(site.dir, undefined, { port });
    await browser.context.setOffline(false);

    // Online, the next load is the new build (on the screen in the URL)...
    await page.reload();
    await page.locator('.mx-map').waitFor();
    assert.match(await page.title(), /^v2 · /);
    // ...and the new worker replaces the precache: the new file in, the old one out.
    const swapped = await until(
      page,
      (s) => s.controlled && s.paths.includes(`/${newCss}`) && !s.paths.includes(`/${first.css}`),
      'the new worker to swap the precache',
    );
    // One versioned cache, every other file kept.
    assert.ok(swapped.paths.includes(`/${first.wasm}`));

    // Offline again: the new build, from the cache.
    await server.close();
    await browser.context.setOffline(true);
    await page.reload();
    await page.locator('.mx-map').waitFor();
    assert.match(await page.title(), /^v2 · /);

    assert.deepEqual(offOrigin, []);
    assert.deepEqual(consoleErrors, []);
  } finally {
    await browser.context.setOffline(false);
    await page.close();
    await server.close();
    await site.remove();
  }
});
