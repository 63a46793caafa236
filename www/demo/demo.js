// The host reacts to the widget's events: the booking section names what the reader
// was looking at in the explainer.
const explainer = document.getElementById('explainer');
const topic = document.getElementById('topic');
const LABELS = {
  mechanisms: 'how massage may help', techniques: 'techniques', map: 'the technique map',
  studies: 'the studies', sources: 'the articles', safety: 'safety',
};

explainer?.addEventListener('mx-change', (event) => {
  if (!topic) return;
  topic.textContent = LABELS[event.detail.view] ?? event.detail.view;
  topic.parentElement.hidden = false;
});
