// Registers the offline service worker (sw.js, which Workbox generates for release
// builds). Only release builds link this file (www/build/postbuild.mjs adds it to
// index.html), so `trunk serve` never registers a worker. It waits until the
// explainer is ready and the page idle: registering, and the worker's first fetch
// of every file, then never compete with the first screen (issue #25).
if ('serviceWorker' in navigator) {
  const register = () => navigator.serviceWorker
    // Never from the HTTP cache: a new deployment's worker is found on the next load.
    .register(new URL('sw.js', import.meta.url), { updateViaCache: 'none' })
    .catch((error) => console.warn('massage-explainer: offline use is unavailable:', error));
  // WebKit has no requestIdleCallback: there, the next task.
  const whenIdle = window.requestIdleCallback ?? ((then) => setTimeout(then, 0));
  document.addEventListener('mx-ready', () => whenIdle(register), { once: true, capture: true });
}
