// Instrumentation for the tests that run in every engine (engines.mjs): the test
// server loads it first in each HTML page's head, before any script of the page, so
// it records the same things in Chromium, Firefox and WebKit, whatever their
// automation protocol reports: errors, Content Security Policy violations, widgets
// that said they are ready, and the prerendered page before the app takes it over.
'use strict';
(() => {
  const probe = {
    errors: [],
    violations: [],
    ready: 0,
    changes: 0,
    before: null,
    /** The element a target names: `{ css, text }` or a CSS string; ' >> ' steps into a shadow root. */
    find(target) {
      const { css, text } = typeof target === 'string' ? { css: target } : target;
      const steps = css.split(' >> ');
      let scope = document;
      for (const step of steps.slice(0, -1)) {
        scope = scope.querySelector(step)?.shadowRoot;
        if (!scope) return null;
      }
      const all = [...scope.querySelectorAll(steps[steps.length - 1])];
      return (text === undefined ? all[0] : all.find((el) => el.textContent.includes(text))) ?? null;
    },
    /** The standalone page's key nodes, where they sit, and its text. */
    snapshot() {
      const root = document.getElementById('massage-explainer-app');
      if (!root) return null;
      const nodes = ['.mx-reviewed', '.mx-notice', '.mx-answer-summary', '[role=tab]', '[role=tabpanel]']
        .map((css) => root.querySelector(css));
      const rects = nodes.map((node) => {
        const r = node?.getBoundingClientRect();
        return r ? [r.x, r.y, r.width, r.height].map(Math.round).join(',') : null;
      });
      return { nodes, rects, text: root.innerText, ready: probe.ready };
    },
    /**
     * Whether the element a target names is in an island the app has not taken
     * over yet, on a prerendered page: each island there becomes a root of Yew's
     * own when it is taken over, which Yew marks with `__yew_subtree_id`.
     */
    waiting(target) {
      for (let root = probe.find(target)?.closest('.mx-island-root'); root; root = root.parentElement?.closest('.mx-island-root')) {
        if (!('__yew_subtree_id' in root)) return true;
      }
      return false;
    },
    /** Sends the messages held back on a page opened with `?hold-islands` (below). */
    releaseIslands() {},
  };
  window.__probe = probe;
  // `?hold-islands` in a page's address holds back what the page posts on its
  // message channels: the app starts each island after the first few on one,
  // so the rest wait, as they may for a moment on a slow phone, until
  // `releaseIslands()`: a test meets them still waiting, every time.
  if (new URLSearchParams(location.search).has('hold-islands')) {
    const post = MessagePort.prototype.postMessage;
    const held = [];
    MessagePort.prototype.postMessage = function hold(...args) { held.push(() => post.apply(this, args)); };
    probe.releaseIslands = () => {
      MessagePort.prototype.postMessage = post;
      for (const send of held.splice(0)) send();
    };
  }
  const error = console.error;
  console.error = function recorded(...args) {
    probe.errors.push(args.map(String).join(' '));
    return error.apply(this, args);
  };
  addEventListener('error', (event) => {
    const source = event.target?.src ?? event.target?.href;
    probe.errors.push(event.message || `could not load ${source}`);
  }, true);
  addEventListener('unhandledrejection', (event) => probe.errors.push(`unhandled rejection: ${event.reason}`));
  document.addEventListener('securitypolicyviolation', (event) => {
    probe.violations.push(`${event.effectiveDirective} ${event.blockedURI}`);
  });
  document.addEventListener('mx-ready', () => { probe.ready += 1; }, true);
  document.addEventListener('mx-change', () => { probe.changes += 1; }, true);
  document.addEventListener('DOMContentLoaded', () => { probe.before = probe.snapshot(); });
})();
