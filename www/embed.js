// massage-explainer as a custom element, for any web page:
//
//   <script type="module" src="https://HOST/PATH/embed.js"></script>
//   <massage-explainer view="studies" theme="auto"></massage-explainer>
//
// Every build writes dist/embed.js from this file (www/build/postbuild.mjs fills in
// FILES with the build's hashed names). Each file is fetched relative to this
// script's own URL, so the build can be served from any static host or path, and no
// request goes anywhere else. Nothing here is inline: it runs under a CSP of
// `script-src 'self' 'wasm-unsafe-eval'; style-src 'self'`.
//
// Global names: the element `massage-explainer` and `window.MassageExplainer`
// (the same `mount` this module exports). No cookies, no storage.

const FILES = /* build:files */ { glue: 'massage-explainer.js', wasm: 'massage-explainer_bg.wasm', css: 'styles.css', prerender: null };

/** The build's files, for the embed builder's check that other sites may load them. */
export { FILES as files };

const TAG = 'massage-explainer';
/** The embed options, defined once in Rust (src/embed.rs, `EmbedOption`) and written
 * here by every build (www/build/postbuild.mjs fills in OPTIONS). */
const OPTIONS = /* build:options */ null;
/** The attributes an element passes to the widget as options; the wasm checks each. */
const ATTRIBUTES = OPTIONS.options.map((option) => option.name);

const here = (file) => new URL(file, import.meta.url).href;

/**
 * `promise`, failing with an error that names `url` (the file a host must fix:
 * usually a missing Access-Control-Allow-Origin header on another origin).
 */
const naming = (url, promise) => promise.catch((error) => {
  throw new Error(`could not load ${url} (${error?.message ?? error})`);
});

let styles = null;
/** The stylesheet, loaded once for every instance on the page. */
function loadStyles() {
  const url = here(FILES.css);
  styles ??= naming(url, fetch(url).then(async (response) => {
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    // A constructed stylesheet, adopted by each shadow root: no <style> element,
    // nothing inline, and nothing of it leaks to the host page.
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(await response.text());
    return sheet;
  }));
  return styles;
}

let wasm = null;
/** The wasm module, loaded once for every instance on the page. */
function loadWasm() {
  const [glueUrl, wasmUrl] = [here(FILES.glue), here(FILES.wasm)];
  // The module's bytes, not a streamed response: Chromium takes a streamed module's
  // bytes in on the main thread, in one long task on a slow phone (issue #25).
  const bytes = () => naming(wasmUrl, fetch(wasmUrl).then((response) => {
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return response.arrayBuffer();
  }));
  wasm ??= Promise.all([naming(glueUrl, import(glueUrl)), bytes()]).then(async ([glue, module]) => {
    await naming(wasmUrl, glue.default({ module_or_path: module }));
    // The module's start set a timer to warm up Yew's hydration in a task of its
    // own (src/app/islands.rs: warm_up); mounting after it keeps the takeover short.
    await new Promise((then) => { setTimeout(then, 0); });
    return glue;
  });
  return wasm;
}

let loading = null;
/** Everything an instance needs; a failure is told once for the whole page. */
function load() {
  if (!loading) {
    loading = Promise.all([loadWasm(), loadStyles()]).then(([glue, sheet]) => ({ glue, sheet }));
    loading.catch((error) => console.error(`massage-explainer: ${error.message}. `
      + 'Each element shows its fallback content instead (README: "Add it to your site" says what a host must send).'));
  }
  return loading;
}

/** The shadow roots this script attached, so a remount reuses them and no other. */
const shadows = new WeakMap();
/** The live instance in each element, so mounting again replaces it. */
const instances = new WeakMap();
/** The prerendered first screen shown in an element, which its instance takes over. */
const previews = new WeakMap();

/**
 * When the widget cannot start: the element shows what the host put in its
 * `fallback` slot (the builder's snippet has a link to the standalone explainer)
 * above the prerendered first screen if that showed, and its call to action. A browser that never ran this script shows the same
 * content, as an unknown element's children.
 */
function showFallback(element) {
  const slots = ['fallback', 'cta'].map((name) => {
    const slot = element.ownerDocument.createElement('slot');
    slot.name = name;
    return slot;
  });
  // The prerendered first screen, if it showed, stays readable under the link
  // (the answer and the warning signs, and its own call to action slot).
  const preview = previews.get(element);
  previews.delete(element);
  const shadow = shadowOf(element);
  if (preview?.parentNode === shadow) {
    shadow.prepend(slots[0]);
  } else {
    shadow.replaceChildren(...slots);
  }
}

function shadowOf(element) {
  let shadow = shadows.get(element);
  if (!shadow) {
    shadow = element.attachShadow({ mode: 'open' });
    shadows.set(element, shadow);
    // Before the widget's own handler (this listener captures), which prints.
    shadow.addEventListener('click', (event) => {
      if (event.target.closest?.('.mx-print')) pressPrint(element);
    }, { capture: true });
  }
  return shadow;
}

/*
 * A reader who presses an instance's Print button wants its take-home sheet, not
 * the host page around it, nor the sheets of other instances. When that press
 * starts a print, the element carries `data-mx-printing` until the print ends, and
 * one page-level rule (print media, and only while some element carries it) hides
 * everything that neither is nor holds that element, and lifts any height or
 * scrolling the host gave that element or its ancestors. A constructed stylesheet:
 * nothing inline, so a strict CSP allows it. Printing the page any other way (the
 * browser's menu) prints the host page as it is.
 */
const PRINTING = 'data-mx-printing';
/** The element whose Print button was just pressed: the print it starts is its. */
let pressed = null;
let printRule = null;

function pressPrint(element) {
  pressed = element;
  // The button prints within this click; a press that printed nothing (before
  // the wasm took over, or where printing is not allowed) is forgotten.
  setTimeout(() => { if (pressed === element) pressed = null; }, 0);
}

addEventListener('beforeprint', () => {
  const element = pressed;
  pressed = null;
  if (!element) return;
  if (!printRule) {
    printRule = new CSSStyleSheet();
    // The host may keep the element in a box of its own height that scrolls, or
    // pinned or moved (a sticky sidebar): on paper the whole sheet flows over as
    // many pages as it needs.
    printRule.replaceSync(`@media print {
      body:has([${PRINTING}]) :not([${PRINTING}], :has([${PRINTING}])) { display: none !important; }
      [${PRINTING}], :has([${PRINTING}]) { height: auto !important; max-height: none !important; overflow: visible !important; position: static !important; transform: none !important; }
    }`);
  }
  // Each time: the host page may have replaced its adopted sheets since.
  if (!document.adoptedStyleSheets.includes(printRule)) {
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, printRule];
  }
  for (const other of document.querySelectorAll(`[${PRINTING}]`)) other.removeAttribute(PRINTING);
  element.setAttribute(PRINTING, '');
});
addEventListener('afterprint', () => {
  for (const element of document.querySelectorAll(`[${PRINTING}]`)) element.removeAttribute(PRINTING);
});

/**
 * The widget's first screen, prerendered at build time (prerender/REGION.html), shown
 * in the element's shadow root while the wasm loads; the wasm then replaces it with
 * identical live markup. Only for an element that asks for no other screen (no
 * `view`, no `state`): any other waits for the wasm. Resolves to whether it showed.
 */
async function preview(element, stillWanted) {
  if (!FILES.prerender || element.hasAttribute('view') || element.hasAttribute('state')) return false;
  const region = element.getAttribute('region') ?? 'none';
  if (!/^[a-z]{1,16}$/.test(region)) return false;
  // This build's own screens (the folder is named for the build), so the wasm that
  // takes them over always rendered the same markup.
  const fragment = fetch(here(`${FILES.prerender}${region}.html`)).then((r) => (r.ok ? r.text() : null));
  const [sheet, html] = await Promise.all([loadStyles(), fragment]).catch(() => [null, null]);
  if (!sheet || html === null || !stillWanted()) return false;
  // The preview replaces what the shadow showed (nothing, or the fallback before it).
  const shadow = shadowOf(element);
  shadow.adoptedStyleSheets = [sheet];
  const root = element.ownerDocument.createElement('div');
  // As the wasm styles its root (src/embed/dom.rs): theme and density.
  root.className = 'mx-root';
  root.dataset.theme = element.getAttribute('theme') ?? 'auto';
  if (element.hasAttribute('compact')) root.dataset.compact = '';
  // Markup this build wrote from its own claim base (Yew's renderer escaped every text).
  root.innerHTML = html;
  shadow.replaceChildren(root);
  previews.set(element, root);
  return true;
}

/**
 * Mounts the widget into `element`'s open shadow root (attached on first use).
 * `options`: an object with the attributes' names as keys (README: Embed).
 * Resolves to a handle: `update(options)` replaces the options, `destroy()` unmounts.
 */
export async function mount(element, options = {}) {
  return attach(element, options, await load());
}

function attach(element, options, { glue, sheet }) {
  instances.get(element)?.destroy();
  const shadow = shadowOf(element);
  shadow.adoptedStyleSheets = [sheet];
  // The prerendered screen's root, if it is still there: the wasm takes it over
  // (or renders afresh in it, when the options ask for another screen).
  let root = previews.get(element);
  previews.delete(element);
  if (!root || root.parentNode !== shadow) {
    root = element.ownerDocument.createElement('div');
    shadow.replaceChildren(root);
  }
  let widget = glue.mount(root, options);
  const handle = {
    update(next = {}) {
      widget?.update(next);
    },
    destroy() {
      widget?.destroy();
      widget = null;
      root.remove();
      if (instances.get(element) === handle) instances.delete(element);
    },
  };
  instances.set(element, handle);
  return handle;
}

/** `<massage-explainer>`: attributes are options; removing the element destroys it. */
class MassageExplainerElement extends HTMLElement {
  static observedAttributes = ATTRIBUTES;

  #handle = null;
  /** Counts connections, so a load that finishes after a removal mounts nothing. */
  #connection = 0;
  /** The load failed: the fallback shows, above a preview that arrives after it. */
  #failed = false;

  connectedCallback() {
    const connection = ++this.#connection;
    this.#failed = false;
    const wanted = () => connection === this.#connection && !this.#handle;
    // The wasm's bytes load alongside the preview, so a failure may come first: the
    // reader still gets the prerendered answer and warning signs, under the link.
    preview(this, wanted).then((shown) => { if (shown && this.#failed && wanted()) showFallback(this); });
    load().then(
      (loaded) => {
        // Not if the element was removed while the wasm loaded.
        if (connection === this.#connection) this.#handle = attach(this, this.#options(), loaded);
      },
      // load() has said why, once for the page.
      () => {
        if (connection !== this.#connection) return;
        this.#failed = true;
        showFallback(this);
      },
    );
  }

  disconnectedCallback() {
    this.#connection += 1;
    this.#handle?.destroy();
    this.#handle = null;
  }

  attributeChangedCallback() {
    this.#handle?.update(this.#options());
  }

  /** Every attribute as an option: its text, or null when absent (a boolean
   * attribute such as `compact` is on when present, whatever its text). */
  #options() {
    return Object.fromEntries(ATTRIBUTES.map((name) => [name, this.getAttribute(name)]));
  }
}

if (!customElements.get(TAG)) {
  customElements.define(TAG, MassageExplainerElement);
  window.MassageExplainer = Object.freeze({ mount });
}
