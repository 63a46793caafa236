// The iframe fallback, for site builders that only allow iframes:
//
//   <iframe src="https://HOST/PATH/frame.html?view=safety&theme=auto&region=uk" …>
//
// shows one <massage-explainer> with the options the address gives (the element's
// attributes but `hash`) and, when framed, tells the
// parent page its height with postMessage({ type: 'massage-explainer:height',
// height }), which the README's snippet on the parent uses to size the frame. It
// never reads or writes the parent page.
import './embed.js';

/** The embed options (src/embed.rs, written here by every build: postbuild.mjs);
 * the frame takes those marked for it from its address. */
const MANIFEST = /* build:options */ null;
const OPTIONS = MANIFEST.options.filter((option) => option.frame).map((option) => option.name);
const HEIGHT_MESSAGE = 'massage-explainer:height';

const params = new URLSearchParams(location.search);
const unknown = [...params.keys()].filter((name) => !OPTIONS.includes(name));
if (unknown.length > 0) {
  console.warn(`massage-explainer: ignoring unknown frame parameter${unknown.length > 1 ? 's' : ''} ${unknown.map((n) => `\`${n}\``).join(', ')} (known: ${OPTIONS.join(', ')})`);
}
const explainer = document.createElement('massage-explainer');
for (const name of OPTIONS) {
  if (params.has(name)) explainer.setAttribute(name, params.get(name));
}
document.getElementById('frame').append(explainer);

// Heights from the first screen on (before it, the page is nearly empty and the
// frame would shrink, then grow again).
explainer.addEventListener('mx-ready', () => {
  if (window.parent === window) return;
  let sent = 0;
  new ResizeObserver(() => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height !== sent) {
      sent = height;
      // The height is not private: any parent may have it.
      window.parent.postMessage({ type: HEIGHT_MESSAGE, height }, '*');
    }
  }).observe(document.documentElement);
}, { once: true });
