// The embed builder (README: "Add it to your site"): the options a host page can
// set, a live preview (the real element), a contrast check of the chosen colours
// against WCAG AA, and the snippet to copy, with this deployment's own address.
// Nothing inline. The options, their defaults and the views, themes and regions they
// take are defined once in Rust (src/embed.rs) and written here by every build
// (www/build/postbuild.mjs fills in MANIFEST).

const MANIFEST = /* build:options */ null;
const { views: VIEWS, themes: THEMES, regions: REGIONS } = MANIFEST;
/** An option's default ('' for none). */
const standardOf = (name) => MANIFEST.options.find((option) => option.name === name).default;
/** The colours a host may set (the --mx-* custom properties), and what each colours. */
const COLOURS = [
  ['--mx-bg', 'Page background'],
  ['--mx-surface', 'Card background'],
  ['--mx-fg', 'Text'],
  ['--mx-muted', 'Secondary text'],
  ['--mx-accent', 'Links, tabs and buttons'],
  ['--mx-accent-fg', 'Text on buttons'],
  ['--mx-border', 'Borders'],
];
/** The evidence labels' own colours: not chosen here, but drawn on the chosen backgrounds. */
const LABELS = ['--mx-trial', '--mx-uncertain', '--mx-overstated', '--mx-rationale', '--mx-asserted', '--mx-contradicted'];
/** Text colour on background colour, each pair readers meet. */
const PAIRS = [
  ['--mx-fg', '--mx-bg', 'Text on the page background'],
  ['--mx-fg', '--mx-surface', 'Text on cards'],
  ['--mx-muted', '--mx-bg', 'Secondary text on the page background'],
  ['--mx-muted', '--mx-surface', 'Secondary text on cards'],
  ['--mx-accent', '--mx-bg', 'Links and tabs on the page background'],
  ['--mx-accent', '--mx-surface', 'Links on cards'],
  ['--mx-accent-fg', '--mx-accent', 'Button text on buttons'],
  ...LABELS.flatMap((label) => [
    [label, '--mx-bg', 'Evidence labels on the page background'],
    [label, '--mx-surface', 'Evidence labels on cards'],
  ]),
];
const AA = 4.5;

const $ = (id) => document.getElementById(id);
const preview = $('preview');
const scriptUrl = new URL('../embed.js', location.href).href;
const frameUrl = new URL('../frame.html', location.href).href;
const resizeUrl = new URL('../frame-resize.js', location.href).href;
$('origin').textContent = new URL('../', location.href).href;

/** The standard colours, { '--mx-fg': { light, dark } }, read from the widget's own
 * stylesheet once the preview has adopted it (so they are never copied here). */
let standard = null;
/** The colours the host chose: property → #rrggbb. */
const custom = new Map();

for (const [name, options] of [['view', VIEWS], ['theme', THEMES], ['region', [['', 'Any country: no number named'], ...REGIONS]]]) {
  for (const [value, label] of options) $(name).append(new Option(label, value));
  $(name).value = standardOf(name);
}

for (const [property, label] of COLOURS) {
  const row = document.createElement('div');
  row.className = 'colour';
  const id = `colour${property.slice(4)}`;
  row.innerHTML = `<label for="${id}"></label><input type="color" id="${id}"><button type="button" class="secondary">Standard</button>`;
  row.querySelector('label').textContent = label;
  row.querySelector('button').setAttribute('aria-label', `Standard colour for ${label.toLowerCase()}`);
  const input = row.querySelector('input');
  input.dataset.property = property;
  input.addEventListener('input', () => { custom.set(property, input.value); update(); });
  row.querySelector('button').addEventListener('click', () => { custom.delete(property); update(); });
  $('colours').append(row);
}

/** The options as chosen. */
function chosen() {
  const kind = document.querySelector('input[name=kind]:checked').value;
  return {
    view: $('view').value, theme: $('theme').value, region: $('region').value,
    compact: $('compact').checked, kind,
    ctaText: $('cta-text').value.trim(), ctaLink: $('cta-link').value.trim(),
  };
}

/** The call-to-action link if it is one a reader can follow, or why not. */
function checkLink(link) {
  if (!link) return { ok: false, problem: '' };
  try {
    const url = new URL(link);
    if (['https:', 'http:', 'mailto:', 'tel:'].includes(url.protocol)) return { ok: true, href: url.href };
  } catch { /* not a URL */ }
  return { ok: false, problem: 'The link must be a full address, such as https://example.com/book (or mailto: or tel:).' };
}

const escapeHtml = (text) => text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c]));

/** The snippet for the chosen options. */
function snippet(o) {
  if (o.kind === 'iframe') {
    const params = new URLSearchParams();
    if (o.view !== standardOf('view')) params.set('view', o.view);
    if (o.theme !== standardOf('theme')) params.set('theme', o.theme);
    if (o.region) params.set('region', o.region);
    if (o.compact) params.set('compact', '');
    const query = params.toString();
    return [
      `<iframe src="${escapeHtml(frameUrl + (query ? `?${query}` : ''))}" title="Massage for back pain: does it help?" style="width: 100%; height: 900px; border: 0" loading="lazy"></iframe>`,
      '<!-- Optional: grows the frame to fit, so it never scrolls inside. -->',
      `<script src="${escapeHtml(resizeUrl)}"></script>`,
    ].join('\n');
  }
  const attributes = [
    o.view !== standardOf('view') ? ` view="${o.view}"` : '',
    o.theme !== standardOf('theme') ? ` theme="${o.theme}"` : '',
    o.region ? ` region="${o.region}"` : '',
    o.compact ? ' compact' : '',
  ].join('');
  const lines = [`<script type="module" src="${escapeHtml(scriptUrl)}"></script>`];
  if (custom.size > 0) {
    lines.push('<style>', `  massage-explainer { ${[...custom].map(([p, v]) => `${p}: ${v};`).join(' ')} }`, '</style>');
  }
  const link = checkLink(o.ctaLink);
  if (o.ctaText && link.ok) {
    lines.push(`<massage-explainer${attributes}>`, `  <a slot="cta" href="${escapeHtml(link.href)}">${escapeHtml(o.ctaText)}</a>`, '</massage-explainer>');
  } else {
    lines.push(`<massage-explainer${attributes}></massage-explainer>`);
  }
  return lines.join('\n');
}

// ---------------------------------------------------------------- contrast (WCAG 2.x)

const channel = (c) => { const s = c / 255; return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4; };
function luminance(hex) {
  const n = parseInt(hex.slice(1), 16);
  return 0.2126 * channel(n >> 16) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255);
}
function ratio(a, b) {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** "#fff" or "#ffffff" → "#ffffff" (a colour input's form). */
const hex6 = (hex) => (hex.length === 4 ? `#${[...hex.slice(1)].map((c) => c + c).join('')}` : hex).toLowerCase();

/** "light-dark(#1f2328, #e6e8eb)" (or one colour; minified or not) → { light, dark }. */
function parseStandard(value) {
  const colour = '(#[0-9a-f]{6}|#[0-9a-f]{3})';
  const both = value.trim().match(new RegExp(`^light-dark\\(\\s*${colour}\\s*,\\s*${colour}\\s*\\)$`, 'i'));
  if (both) return { light: hex6(both[1]), dark: hex6(both[2]) };
  const one = value.trim().match(new RegExp(`^${colour}$`, 'i'));
  return one ? { light: hex6(one[1]), dark: hex6(one[1]) } : null;
}

/** The schemes readers may see: both when the theme follows their device. */
const schemes = (theme) => (theme === 'auto' ? ['light', 'dark'] : [theme]);
const colourOf = (property, scheme) => custom.get(property) ?? standard?.[property]?.[scheme];

/** Every pair below AA, in the schemes readers may see (the worst of a kind once). */
function contrastProblems(theme) {
  const problems = new Map();
  for (const scheme of schemes(theme)) {
    for (const [text, background, what] of PAIRS) {
      const [a, b] = [colourOf(text, scheme), colourOf(background, scheme)];
      if (!a || !b) continue;
      const r = ratio(a, b);
      const key = `${what} ${scheme}`;
      if (r < AA && !(problems.get(key)?.ratio <= r)) problems.set(key, { what, scheme, ratio: r });
    }
  }
  return [...problems.values()];
}

/** A ratio as shown: rounded down, so 4.47 never reads as "4.5". */
const shownRatio = (r) => (Math.floor(r * 100) / 100).toFixed(2);

function showContrast(theme) {
  const box = $('contrast');
  const problems = standard ? contrastProblems(theme) : [];
  const where = schemes(theme).length > 1 ? 'in the light and the dark theme' : `in the ${theme} theme`;
  const head = !standard ? ''
    : problems.length === 0 ? `Readable: all text meets the WCAG AA contrast of ${AA}:1 ${where}.`
      : `Hard to read: ${problems.length} colour pair${problems.length > 1 ? 's are' : ' is'} below the WCAG AA contrast of ${AA}:1. Readers may not be able to read this text:`;
  const items = problems.map((p) => `${p.what}${schemes(theme).length > 1 ? ` (${p.scheme} theme)` : ''}: ${shownRatio(p.ratio)}:1`);
  // A live region: rewritten only when what it says changes, so a screen reader
  // does not repeat it on every keystroke elsewhere in the form.
  const said = [head, ...items].join('\n');
  if (box.dataset.said === said) return;
  box.dataset.said = said;
  box.classList.toggle('bad', problems.length > 0);
  box.replaceChildren();
  if (!head) return;
  const p = document.createElement('p');
  p.textContent = head;
  box.append(p);
  if (items.length > 0) {
    const list = document.createElement('ul');
    for (const text of items) {
      const item = document.createElement('li');
      item.textContent = text;
      list.append(item);
    }
    box.append(list);
  }
}

// ---------------------------------------------------------------- the preview and the snippet

function update() {
  const o = chosen();
  for (const [name, value] of [['view', o.view], ['theme', o.theme], ['region', o.region]]) {
    if (value && value !== standardOf(name)) preview.setAttribute(name, value);
    else preview.removeAttribute(name);
  }
  preview.toggleAttribute('compact', o.compact);
  for (const [property] of COLOURS) {
    if (custom.has(property)) preview.style.setProperty(property, custom.get(property));
    else preview.style.removeProperty(property);
    // The picker shows the colour in use (the light one when both may show).
    const input = document.querySelector(`input[data-property="${property}"]`);
    const shown = colourOf(property, o.theme === 'dark' ? 'dark' : 'light');
    if (shown && input.value !== shown) input.value = shown;
  }
  const link = checkLink(o.ctaLink);
  $('cta-problem').textContent = o.ctaText && !o.ctaLink ? 'Add the link the button should open.' : link.problem;
  let cta = preview.querySelector('[slot=cta]');
  if (o.ctaText && link.ok) {
    if (!cta) { cta = document.createElement('a'); cta.slot = 'cta'; preview.append(cta); }
    cta.href = link.href;
    cta.textContent = o.ctaText;
  } else {
    cta?.remove();
  }
  $('snippet').value = snippet(o);
  $('copy-status').textContent = iframeNote(o);
  showContrast(o.theme);
}

/** What the iframe snippet leaves out of the chosen options, if anything. */
function iframeNote(o) {
  return o.kind === 'iframe' && (custom.size > 0 || o.ctaText)
    ? 'The iframe snippet keeps the standard colours and has no call to action: use the script snippet for those.'
    : '';
}

$('options').addEventListener('input', update);
$('options').addEventListener('change', update);
$('options').addEventListener('submit', (event) => event.preventDefault());
$('reset-colours').addEventListener('click', () => { custom.clear(); update(); });
$('copy').addEventListener('click', async () => {
  const text = $('snippet').value;
  const problems = contrastProblems(chosen().theme).length;
  const warning = [problems > 0 ? `Careful: ${problems} colour pair${problems > 1 ? 's are' : ' is'} hard to read (see Colours).` : '', iframeNote(chosen())]
    .filter(Boolean).map((t) => ` ${t}`).join('');
  try {
    await navigator.clipboard.writeText(text);
    $('copy-status').textContent = `Copied. Paste it into your site.${warning}`;
  } catch {
    // No clipboard (an old browser, or permission refused): select it for Ctrl+C.
    $('snippet').focus();
    $('snippet').select();
    $('copy-status').textContent = `Selected: press Ctrl+C (or ⌘C) to copy.${warning}`;
  }
});

// The standard colours, from the preview's stylesheet, once it has one.
preview.addEventListener('mx-ready', () => {
  // Without the colours chosen so far (set on the element), which update() puts back.
  for (const [property] of COLOURS) preview.style.removeProperty(property);
  const style = getComputedStyle(preview);
  const properties = [...COLOURS.map(([p]) => p), ...LABELS];
  standard = Object.fromEntries(properties.map((p) => [p, parseStandard(style.getPropertyValue(p))]));
  update();
});
update();
