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
  };
  window.__probe = probe;
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
  document.addEventListener('DOMContentLoaded', () => { probe.before = probe.snapshot(); });
})();
