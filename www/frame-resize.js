// massage-explainer's iframe resizer (README: "Add it to your site"): paste it in a
// script element of the page that frames frame.html, or load it from the same
// place. It sizes the explainer's frames to the height they report; nothing else.
// (It must never contain a closing script tag: pasted inline, that would end it.)
addEventListener('message', function (event) {
  var data = event.data;
  if (!data || data.type !== 'massage-explainer:height' || typeof data.height !== 'number') return;
  var frames = document.getElementsByTagName('iframe');
  for (var i = 0; i < frames.length; i++) {
    var frame = frames[i];
    // Only the explainer's frame: the sender, on its frame.html's origin.
    var src = new URL(frame.src, location.href);
    if (frame.contentWindow === event.source && src.origin === event.origin && /\/frame\.html$/.test(src.pathname)) {
      frame.style.height = Math.min(Math.max(data.height, 200), 20000) + 'px';
    }
  }
});
