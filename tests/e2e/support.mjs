// Shared helpers for the end-to-end tests: a static server for dist/ on loopback,
// and Debian's Chromium driven by playwright-core (never a downloaded browser).
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { tmpdir } from 'node:os';
import { execFileSync } from 'node:child_process';
import { inflateSync } from 'node:zlib';
import { chromium } from 'playwright-core';

export { DIST } from './support-paths.mjs';
import { DIST } from './support-paths.mjs';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

/**
 * Serves `root` on 127.0.0.1 at a free port (or `port`, to bring a server back on the
 * same origin). `headers(path)` adds response headers. `probe` (a script's text) is
 * served as /__probe.js and loaded first in the head of every HTML page, before any
 * script of the page: instrumentation that works the same in every engine.
 */
export async function serve(root = DIST, headers = () => ({}), { port = 0, probe = null } = {}) {
  let offline = false;
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url, 'http://127.0.0.1');
      // Offline, as a reader's phone with no signal: the connection fails (the
      // probe, which is the test's and not the site's, still loads).
      if (offline && url.pathname !== '/__probe.js') { req.socket.destroy(); return; }
      if (probe !== null && url.pathname === '/__probe.js') {
        res.writeHead(200, { 'content-type': TYPES['.js'], 'cache-control': 'no-store', ...headers(url.pathname) });
        res.end(probe);
        return;
      }
      let path = normalize(join(root, decodeURIComponent(url.pathname)));
      if (!path.startsWith(root)) { res.writeHead(403).end(); return; }
      if ((await stat(path)).isDirectory()) path = join(path, 'index.html');
      let body = await readFile(path);
      if (probe !== null && extname(path) === '.html') {
        // First in the head: after `<head>`, or (a minified page leaves out the
        // optional tags) after `<html>` or the doctype, where the parser opens the
        // head. Fragments (the embed's prerendered screens) are not documents.
        const html = body.toString('utf8');
        const head = html.slice(0, html.search(/<body[\s>]/i) >>> 0);
        const at = [/<!doctype html>/i, /<html(\s[^>]*)?>/i, /<head(\s[^>]*)?>/i].map((re) => head.match(re)).filter(Boolean)
          .sort((a, b) => (b.index + b[0].length) - (a.index + a[0].length))[0];
        if (at) body = `${html.slice(0, at.index + at[0].length)}<script src="/__probe.js"></script>${html.slice(at.index + at[0].length)}`;
      }
      res.writeHead(200, {
        'content-type': TYPES[extname(path)] ?? 'application/octet-stream',
        'cache-control': 'no-store',
        ...headers(url.pathname),
      });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise((ok) => server.listen(port, '127.0.0.1', ok));
  const origin = `http://127.0.0.1:${server.address().port}`;
  const close = () => new Promise((ok) => {
    server.close(ok);
    // Keep-alive connections too: after close() the origin is really gone.
    server.closeAllConnections();
  });
  /** Takes the site off the network (`true`) or back (`false`). */
  const setOffline = (value) => { offline = value; };
  return { origin, port: server.address().port, close, setOffline };
}

/**
 * A copy of dist/ in a temporary directory, plus `files` ({ 'path/in/copy': text }).
 * For test pages next to the build, and for staging a changed deployment.
 */
export async function stage(files = {}) {
  const dir = await mkdtemp(join(tmpdir(), 'mx-dist-'));
  await cp(DIST, dir, { recursive: true });
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), text);
  }
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** Debian's Chromium (or $CHROMIUM), and the flags every test launches it with. */
export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic',
];

/** Launches headless Debian Chromium with a fresh profile (`options`: Playwright's, e.g. `javaScriptEnabled`). */
export async function launch(options = {}) {
  const userDataDir = await mkdtemp(join(tmpdir(), 'mx-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    ...options,
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
  });
  return {
    context,
    close: async () => { await context.close(); await rm(userDataDir, { recursive: true, force: true }); },
  };
}

/**
 * Opens a page that records console errors and every request that leaves `origin`
 * (such requests are aborted, so they also cannot succeed).
 */
export async function openPage(context, origin) {
  const page = await context.newPage();
  const offOrigin = [];
  const consoleErrors = [];
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('data:') || url.startsWith('blob:') || new URL(url).origin === origin) {
      return route.continue();
    }
    offOrigin.push(url);
    return route.abort();
  });
  page.on('console', (msg) => { if (msg.type() === 'error') consoleErrors.push(msg.text()); });
  page.on('pageerror', (err) => consoleErrors.push(String(err)));
  // The widget's markup is prerendered, so it shows before the wasm runs; a test
  // drives the live app, so every navigation also waits until each widget on the
  // page has said it is ready (mx-ready).
  await page.addInitScript(() => {
    window.__mxReadyCount = 0;
    document.addEventListener('mx-ready', () => { window.__mxReadyCount += 1; }, { capture: true });
  });
  const goto = page.goto.bind(page);
  // `{ ready: false }` skips the wait (a test of what shows before the wasm).
  page.goto = async (url, { ready = true, ...options } = {}) => {
    const response = await goto(url, options);
    if (ready) await whenReady(page);
    return response;
  };
  const reload = page.reload.bind(page);
  page.reload = async (options) => {
    const response = await reload(options);
    await whenReady(page);
    return response;
  };
  return { page, offOrigin, consoleErrors };
}

/** Waits until every widget on the page (standalone root or element) is live. */
export async function whenReady(page) {
  await page.waitForFunction(() => {
    const widgets = document.querySelectorAll('#massage-explainer-app, massage-explainer').length;
    return window.__mxReadyCount >= widgets;
  }, null, { timeout: 15000 });
}

/**
 * A printed PDF read back with poppler: its page count, and its text with white
 * space folded (line breaks and hyphenation vary with the paper and the engine).
 */
export function readPdf(path) {
  const pages = Number(execFileSync('pdfinfo', [path], { encoding: 'utf8' }).match(/^Pages:\s+(\d+)/m)[1]);
  return { pages, text: execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ') };
}

/** Decodes a PNG (8-bit RGB or RGBA, as Chromium writes them) into its pixels. */
export function decodePng(png) {
  let at = 8;
  let header;
  const data = [];
  while (at < png.length) {
    const length = png.readUInt32BE(at);
    const type = png.toString('ascii', at + 4, at + 8);
    const body = png.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') header = { width: body.readUInt32BE(0), height: body.readUInt32BE(4), depth: body[8], colour: body[9] };
    if (type === 'IDAT') data.push(body);
    at += 12 + length;
  }
  if (!header || header.depth !== 8 || ![2, 6].includes(header.colour)) throw new Error('decodePng: not an 8-bit RGB(A) PNG');
  const bpp = header.colour === 6 ? 4 : 3;
  const stride = header.width * bpp;
  const raw = inflateSync(Buffer.concat(data));
  const pixels = Buffer.alloc(header.height * stride);
  for (let y = 0; y < header.height; y += 1) {
    const filter = raw[y * (stride + 1)];
    for (let x = 0; x < stride; x += 1) {
      const left = x >= bpp ? pixels[y * stride + x - bpp] : 0;
      const up = y > 0 ? pixels[(y - 1) * stride + x] : 0;
      const corner = x >= bpp && y > 0 ? pixels[(y - 1) * stride + x - bpp] : 0;
      let value = raw[y * (stride + 1) + 1 + x];
      if (filter === 1) value += left;
      else if (filter === 2) value += up;
      else if (filter === 3) value += (left + up) >> 1;
      else if (filter === 4) {
        const p = left + up - corner;
        const [pa, pb, pc] = [Math.abs(p - left), Math.abs(p - up), Math.abs(p - corner)];
        value += pa <= pb && pa <= pc ? left : pb <= pc ? up : corner;
      }
      pixels[y * stride + x] = value & 0xff;
    }
  }
  return { width: header.width, height: header.height, bpp, pixels };
}

/**
 * How two screenshots differ: their sizes, how many pixels differ at all, and the
 * largest difference of any colour channel.
 */
export function compareScreenshots(a, b) {
  const [x, y] = [decodePng(a), decodePng(b)];
  const sameSize = x.width === y.width && x.height === y.height;
  let differing = 0;
  let maxDelta = 0;
  if (sameSize) {
    for (let i = 0; i < x.width * x.height; i += 1) {
      let delta = 0;
      for (let c = 0; c < 3; c += 1) delta = Math.max(delta, Math.abs(x.pixels[i * x.bpp + c] - y.pixels[i * y.bpp + c]));
      if (delta > 0) differing += 1;
      maxDelta = Math.max(maxDelta, delta);
    }
  }
  return { sameSize, width: x.width, height: x.height, differing, maxDelta };
}
