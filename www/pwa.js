// Registers the offline service worker (sw.js, which Workbox generates for release
// builds). Only release builds link this file (www/build/postbuild.mjs adds it to
// index.html), so `trunk serve` never registers a worker.
if ('serviceWorker' in navigator) {
  navigator.serviceWorker
    // Never from the HTTP cache: a new deployment's worker is found on the next load.
    .register(new URL('sw.js', import.meta.url), { updateViaCache: 'none' })
    .catch((error) => console.warn('massage-explainer: offline use is unavailable:', error));
}
