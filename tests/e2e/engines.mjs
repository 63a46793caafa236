// One small driver over the three browser engines patients use, so that one set of
// tests (engines.test.mjs) runs in each: Debian's Chromium and Firefox ESR through
// puppeteer-core (DevTools protocol and WebDriver BiDi), and WebKitGTK's MiniBrowser
// through WebKitWebDriver (classic WebDriver, under Xvfb). What a page reports
// (errors, CSP violations, readiness) comes from engine-probe.js in the page itself,
// the same in every engine.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { Builder, Key } from 'selenium-webdriver';
import { CHROMIUM, CHROMIUM_ARGS } from './support.mjs';

/** The probe's text, for `serve(root, headers, { probe: PROBE })`. */
export const PROBE = await readFile(new URL('./engine-probe.js', import.meta.url), 'utf8');

/** The engines, or those named in MX_ENGINES (e.g. `MX_ENGINES=firefox`). */
export const ENGINES = (process.env.MX_ENGINES ?? 'chromium,firefox,webkit').split(',');

/** Thrown by a driver that cannot do something in its engine; the test says so and skips. */
export class Unsupported extends Error {}

const TIMEOUT = 15_000;

/** Polls `check()` until it returns something truthy, which it returns; fails after 15 s. */
async function until(check, what) {
  const start = Date.now();
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() - start > TIMEOUT) throw new Error(`timed out after ${TIMEOUT} ms waiting for ${what}`);
    await new Promise((ok) => setTimeout(ok, 50));
  }
}

/** `promise`, or an error once it has taken longer than the 15 s a step may. */
function deadline(promise, what) {
  let timer;
  const late = new Promise((_, fail) => {
    timer = setTimeout(() => fail(new Error(`timed out after ${TIMEOUT} ms waiting for ${what}`)), TIMEOUT);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

/**
 * What every driver's page offers. A subclass gives `run(fn, args)` (runs `fn` in
 * the page and returns its JSON-able result, awaiting a promise), `element(target)`
 * and the input and navigation primitives.
 */
class Page {
  #errors = [];

  /** Runs `fn(...args)` in the page; its result comes back as JSON. */
  eval(fn, ...args) { return this.run(fn, args); }

  /**
   * Waits until `fn(...args)`, run in the page, is truthy, and returns it. `fn`
   * returns JSON (a boolean, not an element: engines bring elements back differently).
   */
  waitFor(fn, ...args) {
    return until(() => this.run(fn, args).catch(() => false), `${fn}${args.length ? ` (${JSON.stringify(args)})` : ''}`);
  }

  /** Waits for the element a target names (see engine-probe.js's `find`). */
  waitForElement(target) {
    return this.waitFor((t) => Boolean(window.__probe?.find(t)), target);
  }

  /** Opens `url`; unless `ready: false`, waits until each widget on it is live (mx-ready). */
  async goto(url, { ready = true } = {}) {
    await this.#collect();
    await this.navigate(url);
    if (ready) await this.whenReady();
  }

  async reload({ ready = true } = {}) {
    await this.#collect();
    await this.run(() => { window.__mxLeaving = true; location.reload(); }, []);
    // The old document goes: wait for a new one, then for its widgets.
    await this.waitFor(() => window.__mxLeaving === undefined && window.__probe !== undefined && document.readyState === 'complete');
    if (ready) await this.whenReady();
  }

  whenReady() {
    return this.waitFor(() => window.__probe !== undefined
      && window.__probe.ready >= document.querySelectorAll('#massage-explainer-app, massage-explainer').length);
  }

  /** The browser's Back and Forward (history traversal; the test waits for what follows). */
  back() { return this.run(() => { history.back(); }, []); }
  forward() { return this.run(() => { history.forward(); }, []); }

  /** Every error the page has reported since it was opened, across navigations. */
  async errors() {
    await this.#collect();
    return [...this.#errors];
  }

  /** CSP violations in the current document. */
  violations() { return this.run(() => window.__probe.violations, []); }

  async #collect() {
    const errors = await this.run(() => {
      const found = window.__probe?.errors ?? [];
      if (window.__probe) window.__probe.errors = [];
      return found;
    }, []).catch(() => []);
    this.#errors.push(...errors);
  }
}

/** A page in Chromium or Firefox, through puppeteer-core. */
class PuppeteerPage extends Page {
  constructor(page) { super(); this.page = page; }
  run(fn, args) { return this.page.evaluate(fn, ...args); }
  async navigate(url) { await this.page.goto(url, { waitUntil: 'load' }); }
  async element(target) {
    await this.waitForElement(target);
    return (await this.page.evaluateHandle((t) => window.__probe.find(t), target)).asElement();
  }
  async click(target) {
    const element = await this.element(target);
    // As a reader would: brought into view first (Firefox's pointer misses an
    // element in a shadow root that is still out of view).
    await element.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await element.click();
  }
  press(key) { return this.page.keyboard.press(key); }
  type(text) { return this.page.keyboard.type(text); }
  setViewport(width, height) { return this.page.setViewport({ width, height }); }
  pdf(options) { return this.page.pdf(options); }
  close() { return this.page.close(); }
}

/** A page in WebKitGTK: a WebDriver session of its own. */
class WebDriverPage extends Page {
  constructor(driver) { super(); this.driver = driver; }
  run(fn, args) { return this.driver.executeScript(`return (${fn}).apply(null, arguments)`, ...args); }
  async navigate(url) { await this.driver.get(url); }
  async element(target) {
    await this.waitForElement(target);
    return this.driver.executeScript('return window.__probe.find(arguments[0])', target);
  }
  async click(target) {
    const element = await this.element(target);
    await this.driver.executeScript('arguments[0].scrollIntoView({ block: "center" })', element);
    // A pointer click at the element's centre: WebDriver's element click refuses an
    // element inside a shadow root in WebKit (the host is what it hit-tests).
    await this.driver.actions().move({ origin: element }).click().perform();
  }
  press(key) { return this.driver.actions().sendKeys(KEYS[key] ?? key).perform(); }
  type(text) { return this.driver.actions().sendKeys(text).perform(); }
  setViewport() { throw new Unsupported('MiniBrowser under WebDriver sizes its window with its toolbar and a minimum width'); }
  pdf() { throw new Unsupported('WebKitWebDriver has no Print Page command'); }
  close() { return this.driver.quit(); }
}

const KEYS = {
  ArrowLeft: Key.ARROW_LEFT, ArrowRight: Key.ARROW_RIGHT, ArrowUp: Key.ARROW_UP, ArrowDown: Key.ARROW_DOWN,
  Home: Key.HOME, End: Key.END, Enter: Key.ENTER, Tab: Key.TAB, Escape: Key.ESCAPE, Backspace: Key.BACK_SPACE,
};

/** A free TCP port on loopback. */
function freePort() {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => { const { port } = server.address(); server.close(() => ok(port)); });
  });
}

/** WebKitGTK's MiniBrowser, wherever this machine's architecture puts it. */
function miniBrowser() {
  if (process.env.WEBKIT_MINIBROWSER) return process.env.WEBKIT_MINIBROWSER;
  const candidates = readdirSync('/usr/lib').map((arch) => `/usr/lib/${arch}/webkit2gtk-4.1/MiniBrowser`);
  const found = candidates.find((path) => existsSync(path));
  if (!found) throw new Error('MiniBrowser not found in /usr/lib/*/webkit2gtk-4.1/ (Debian package libwebkit2gtk-4.1-0)');
  return found;
}

/**
 * Ends `xvfb-run` and what it started: the driver first, so that xvfb-run stops its
 * X server and removes its files itself; the whole group if it is still there.
 */
async function stopDriver(child) {
  if (child.exitCode !== null) return;
  const exited = new Promise((done) => child.once('exit', done));
  try {
    const driver = execFileSync('pgrep', ['-P', String(child.pid), '-x', 'WebKitWebDriver'], { encoding: 'utf8' }).trim();
    if (driver) process.kill(Number(driver), 'SIGTERM');
  } catch { /* no driver left */ }
  const stopped = await Promise.race([exited.then(() => true), new Promise((done) => setTimeout(done, 5000, false))]);
  if (!stopped) {
    try { process.kill(-child.pid, 'SIGKILL'); } catch { /* already gone */ }
  }
}

/**
 * Starts engine `name` with a fresh profile: `{ name, version, newPage(), printed, close() }`.
 * In Firefox a page's own `print()` prints silently to the file `printed` (a real
 * print, start to end, as a reader's Print button does); elsewhere `printed` is null.
 */
export async function launchEngine(name) {
  const profile = await mkdtemp(join(tmpdir(), `mx-${name}-`));
  if (name === 'chromium' || name === 'firefox') {
    const printed = name === 'firefox' ? join(profile, 'printed.pdf') : null;
    const browser = await puppeteer.launch({
      browser: name === 'firefox' ? 'firefox' : 'chrome',
      executablePath: name === 'firefox' ? (process.env.FIREFOX ?? '/usr/bin/firefox-esr') : CHROMIUM,
      headless: true,
      userDataDir: join(profile, 'profile'),
      defaultViewport: { width: 1280, height: 800 },
      args: name === 'chromium' ? CHROMIUM_ARGS : [],
      extraPrefsFirefox: {
        'print.always_print_silent': true,
        'print.show_print_progress': false,
        print_printer: 'Mozilla Save to PDF',
        'print.printer_Mozilla_Save_to_PDF.print_to_file': true,
        'print.printer_Mozilla_Save_to_PDF.print_to_filename': printed ?? '',
        // Paper with the page alone: no title, address or date in the margins.
        ...Object.fromEntries(['headerleft', 'headercenter', 'headerright', 'footerleft', 'footercenter', 'footerright']
          .map((edge) => [`print.printer_Mozilla_Save_to_PDF.print_${edge}`, ''])),
      },
    });
    const version = await browser.version().catch(async (error) => {
      await browser.close();
      await rm(profile, { recursive: true, force: true });
      throw error;
    });
    return {
      name,
      version,
      printed,
      newPage: async () => {
        const page = await browser.newPage();
        // The reader's tab is the one in front (a tab behind gets no frames).
        await page.bringToFront();
        return new PuppeteerPage(page);
      },
      close: async () => { await browser.close(); await rm(profile, { recursive: true, force: true }); },
    };
  }
  if (name === 'webkit') {
    const capabilities = {
      browserName: 'MiniBrowser',
      'webkitgtk:browserOptions': { binary: miniBrowser(), args: ['--automation'] },
    };
    const port = await freePort();
    // xvfb-run gives the driver (and the MiniBrowser it starts) a display of its own.
    // `-noreset`: by default Xvfb resets once its last client leaves, and a MiniBrowser
    // started in that moment (a test's page right after the last one closed) cannot
    // open the display; WebKitWebDriver then waits for it for ever.
    const driverProcess = spawn('xvfb-run', ['-a', '-s', '-screen 0 1280x1024x24 -noreset', 'WebKitWebDriver', `--port=${port}`], {
      stdio: 'ignore', detached: true,
    });
    const server = `http://127.0.0.1:${port}`;
    // A MiniBrowser that never starts leaves the new-session request unanswered: fail
    // the test, not hang the run.
    const session = () => deadline(new Builder().usingServer(server).withCapabilities(capabilities).build(),
      'WebKitWebDriver to start a MiniBrowser');
    let version;
    try {
      await until(async () => {
        if (driverProcess.exitCode !== null) throw new Error(`xvfb-run WebKitWebDriver exited with ${driverProcess.exitCode}`);
        return fetch(`${server}/status`).then((r) => r.ok, () => false);
      }, 'WebKitWebDriver to listen');
      const first = await session();
      version = `WebKitGTK ${(await first.getCapabilities()).get('browserVersion')}`;
      await first.quit();
    } catch (error) {
      await stopDriver(driverProcess);
      await rm(profile, { recursive: true, force: true });
      throw error;
    }
    return {
      name,
      version,
      printed: null,
      newPage: async () => {
        const driver = await session();
        await driver.manage().window().setRect({ width: 1280, height: 900 });
        return new WebDriverPage(driver);
      },
      close: async () => {
        await stopDriver(driverProcess);
        await rm(profile, { recursive: true, force: true });
      },
    };
  }
  throw new Error(`unknown engine ${name} (MX_ENGINES takes chromium, firefox, webkit)`);
}
