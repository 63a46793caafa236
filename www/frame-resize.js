// massage-explainer's iframe resizer (README: "Add it to your site"). Paste it into
// a script element of the page that frames frame.html, or load it from
// https://HOST/PATH/frame-resize.js. It sizes each frame of the explainer to the
// height the frame reports, and does nothing else. (No closing script tag may
// appear in this file: pasted inline, it would end the element.)
addEventListener('message', function (event) {
  var data = event.data;
  if (!data || data.type !== 'massage-explainer:height' || typeof data.height !== 'number') return;
  var frames = document.getElementsByTagName('iframe');
  for (var i = 0; i < frames.length; i++) {
    if (frames[i].contentWindow === event.source) {
      frames[i].style.height = Math.min(Math.max(data.height, 200), 20000) + 'px';
    }
  }
});
