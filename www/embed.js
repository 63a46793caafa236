// massage-explainer as a custom element, for any web page:
//
//   <script type="module" src="https://HOST/PATH/embed.js"></script>
//   <massage-explainer view="studies" theme="auto"></massage-explainer>
//
// Every build writes dist/embed.js from this file (tests/e2e/postbuild.mjs fills in
// FILES with the build's hashed names). Each file is fetched relative to this
// script's own URL, so the build can be served from any static host or path, and no
// request goes anywhere else. Nothing here is inline: it runs under a CSP of
// `script-src 'self' 'wasm-unsafe-eval'; style-src 'self'`.
//
// Global names: the element `massage-explainer` and `window.MassageExplainer`
// (the same `mount` this module exports). No cookies, no storage.

const FILES = /* build:files */ { glue: 'massage-explainer.js', wasm: 'massage-explainer_bg.wasm', css: 'styles.css' };

const TAG = 'massage-explainer';
/** The attributes an element passes to the widget as options (README: Embed); the
 * wasm checks each (src/embed.rs, `EmbedOption`, which a test keeps equal to this). */
const ATTRIBUTES = ['view', 'state', 'theme', 'compact', 'hash', 'region'];

const here = (file) => new URL(file, import.meta.url).href;

let loading = null;
/** The wasm module and the stylesheet, loaded once for every instance on the page. */
function load() {
  loading ??= Promise.all([
    import(here(FILES.glue)).then(async (glue) => {
      await glue.default({ module_or_path: here(FILES.wasm) });
      return glue;
    }),
    fetch(here(FILES.css)).then(async (response) => {
      if (!response.ok) throw new Error(`${response.status} for ${response.url}`);
      // A constructed stylesheet, adopted by each shadow root: no <style> element,
      // nothing inline, and nothing of it leaks to the host page.
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(await response.text());
      return sheet;
    }),
  ]).then(([glue, sheet]) => ({ glue, sheet }));
  return loading;
}

/** The shadow roots this script attached, so a remount reuses them and no other. */
const shadows = new WeakMap();
/** The live instance in each element, so mounting again replaces it. */
const instances = new WeakMap();

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
  let shadow = shadows.get(element);
  if (!shadow) {
    shadow = element.attachShadow({ mode: 'open' });
    shadows.set(element, shadow);
  }
  shadow.adoptedStyleSheets = [sheet];
  const root = element.ownerDocument.createElement('div');
  shadow.replaceChildren(root);
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

  connectedCallback() {
    const connection = ++this.#connection;
    load().then(
      (loaded) => {
        // Not if the element was removed while the wasm loaded.
        if (connection === this.#connection) this.#handle = attach(this, this.#options(), loaded);
      },
      (error) => console.error('massage-explainer: could not start:', error),
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
