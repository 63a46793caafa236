// The embed builder (README: "Add it to your site"): the options a host page can
// set, a live preview (the real element), a contrast check of the chosen colours
// against WCAG AA with a fix for each failure, the snippet to copy, with this
// deployment's own address and a fallback link, and a check that other sites can
// load the files (CORS) from here.
// Nothing inline. The options, their defaults and the views, themes and regions they
// take are defined once in Rust (src/embed.rs) and written here by every build
// (www/build/postbuild.mjs fills in MANIFEST).

import { files as FILES } from '../embed.js';

const MANIFEST = /* build:options */ null;
const { views: VIEWS, themes: THEMES, regions: REGIONS, title: TITLE } = MANIFEST;
/** The key under which the snippet keeps the reader's screen in the host page's hash. */
const HASH_KEY = 'explainer';
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
const standaloneUrl = new URL('../', location.href).href;
$('origin').textContent = new URL('../', location.href).href;

/** The standard colours, { '--mx-fg': { light, dark } }, read from the widget's own
 * stylesheet once the preview has adopted it (so they are never copied here). */
let standard = null;
/** The colours the host chose: property → #rrggbb. */
const custom = new Map();
/** The fields the host has left at least once: their problems show from then on. */
const touched = new Set();

for (const [name, options] of [['view', VIEWS], ['theme', THEMES], ['region', [['', 'Any country: no number named'], ...REGIONS]]]) {
  for (const [value, label] of options) $(name).append(new Option(label, value));
  $(name).value = standardOf(name);
}

for (const [property, label] of COLOURS) {
  const row = document.createElement('div');
  row.className = 'colour';
  const id = `colour${property.slice(4)}`;
  row.innerHTML = `<label for="${id}"></label><input type="color" id="${id}">`
    + `<input type="text" class="hex" id="${id}-hex" maxlength="7" spellcheck="false" autocomplete="off" aria-describedby="${id}-problem">`
    + `<button type="button" class="secondary">Standard</button><p class="problem" id="${id}-problem"></p>`;
  row.querySelector('label').textContent = label;
  row.querySelector('.hex').setAttribute('aria-label', `${label}: colour code, such as #8a3b5c`);
  row.querySelector('button').setAttribute('aria-label', `Standard colour for ${label.toLowerCase()}`);
  const [picker, hex] = row.querySelectorAll('input');
  picker.dataset.property = property;
  hex.dataset.property = property;
  picker.addEventListener('input', () => { custom.set(property, picker.value); update(); });
  // A code typed or pasted (as a brand guide gives it) is used as soon as it is one;
  // what is wrong with it is said once the field is left.
  hex.addEventListener('input', () => {
    const colour = parseHex(hex.value);
    if (colour) {
      custom.set(property, colour);
      $(`${id}-problem`).textContent = '';
      update();
    }
  });
  hex.addEventListener('change', () => {
    const wrong = hex.value.trim() !== '' && !parseHex(hex.value);
    $(`${id}-problem`).textContent = wrong ? `"${hex.value.trim()}" is not a colour code: use # and 6 (or 3) of 0-9 and a-f, such as #8a3b5c.` : '';
    if (!wrong) update();
  });
  row.querySelector('button').addEventListener('click', () => {
    custom.delete(property);
    $(`${id}-problem`).textContent = '';
    update();
  });
  $('colours').append(row);
}

/** The options as chosen. */
function chosen() {
  const kind = document.querySelector('input[name=kind]:checked').value;
  return {
    view: $('view').value, theme: $('theme').value, region: $('region').value,
    compact: $('compact').checked, hash: $('hash').checked, kind,
    ctaText: $('cta-text').value.trim(), ctaLink: $('cta-link').value.trim(),
  };
}

/** "#8A3B5C", "8a3b5c" or "#fff" → "#8a3b5c" / "#ffffff"; null if it is not a colour code. */
function parseHex(text) {
  const code = text.trim().replace(/^#?/, '#');
  return /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.test(code) ? hex6(code) : null;
}

/** The call-to-action link if it is one a reader can follow, or why not. */
function checkLink(link) {
  if (!link) return { ok: false, problem: '' };
  // A page of the site the snippet is pasted into (the link lives in that page).
  if (/^\/(?!\/)\S*$/.test(link)) return { ok: true, href: link };
  try {
    const url = new URL(link);
    if (['https:', 'http:', 'mailto:', 'tel:'].includes(url.protocol)) return { ok: true, href: url.href };
  } catch { /* not a URL */ }
  // "example.com/book": an address without its https://.
  const guess = /^[\w-]+(\.[\w-]+)+(\/\S*)?$/.test(link) ? ` Did you mean https://${link}?` : '';
  return { ok: false, problem: `Use a page of your site, such as /book, or a full address, such as https://example.com/book (or mailto: or tel:).${guess}` };
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
      `<iframe src="${escapeHtml(frameUrl + (query ? `?${query}` : ''))}" title="${escapeHtml(TITLE)}" style="width: 100%; height: 900px; border: 0" loading="lazy"></iframe>`,
      '<!-- Optional: grows the frame to fit, so it never scrolls inside. -->',
      `<script src="${escapeHtml(resizeUrl)}"></script>`,
    ].join('\n');
  }
  const attributes = [
    o.view !== standardOf('view') ? ` view="${o.view}"` : '',
    o.theme !== standardOf('theme') ? ` theme="${o.theme}"` : '',
    o.region ? ` region="${o.region}"` : '',
    o.compact ? ' compact' : '',
    o.hash ? ` hash="${HASH_KEY}"` : '',
  ].join('');
  const lines = [`<script type="module" src="${escapeHtml(scriptUrl)}"></script>`];
  if (custom.size > 0) {
    lines.push('<style>', `  massage-explainer { ${[...custom].map(([p, v]) => `${p}: ${v};`).join(' ')} }`, '</style>');
  }
  lines.push(`<massage-explainer${attributes}>`);
  // Shown until the explainer replaces it, and left if it cannot start (a browser
  // that blocks the files, no JavaScript): readers still reach it.
  lines.push(`  <a slot="fallback" href="${escapeHtml(standaloneUrl)}">${escapeHtml(TITLE)} Read the explainer</a>`);
  const link = checkLink(o.ctaLink);
  if (o.ctaText && link.ok) {
    lines.push(`  <a slot="cta" href="${escapeHtml(link.href)}">${escapeHtml(o.ctaText)}</a>`);
  }
  lines.push('</massage-explainer>');
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
      if (r < AA && !(problems.get(key)?.ratio <= r)) problems.set(key, { what, scheme, ratio: r, properties: [text, background] });
    }
  }
  return [...problems.values()];
}

/** `hex` moved a fraction `t` of the way to `toward` (both #rrggbb). */
function mix(hex, toward, t) {
  const rgb = (h) => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16));
  const [from, to] = [rgb(hex), rgb(toward)];
  return `#${from.map((c, i) => Math.round(c + (to[i] - c) * t).toString(16).padStart(2, '0')).join('')}`;
}

/** Whether `property` at `value` reads against everything it meets, in `theme`'s schemes. */
function readableWith(property, value, theme) {
  return schemes(theme).every((scheme) => PAIRS.every(([text, background]) => {
    if (text !== property && background !== property) return true;
    const a = text === property ? value : colourOf(text, scheme);
    const b = background === property ? value : colourOf(background, scheme);
    return !a || !b || ratio(a, b) >= AA;
  }));
}

/**
 * The fixes for unreadable colours: the other theme when the chosen colours read
 * well there ("choose Light"), and for each chosen colour in a failing pair the
 * nearest readable one, darker or lighter (the same hue, so the brand still shows).
 */
function contrastFixes(theme) {
  const fixes = [];
  const other = THEMES.map(([slug, label]) => ({ slug, label }))
    .find((t) => t.slug !== 'auto' && t.slug !== theme && contrastProblems(t.slug).length === 0);
  if (other) fixes.push({ text: `Choose ${other.label}: these colours read well there.`, apply: () => { $('theme').value = other.slug; } });
  const failing = new Set(contrastProblems(theme).flatMap((p) => p.properties));
  for (const [property, label] of COLOURS) {
    if (!failing.has(property) || !custom.has(property)) continue;
    const steps = Array.from({ length: 50 }, (_, i) => (i + 1) / 50);
    const fixed = steps.flatMap((t) => ['#000000', '#ffffff'].map((toward) => mix(custom.get(property), toward, t)))
      .find((colour) => readableWith(property, colour, theme));
    if (fixed) fixes.push({ text: `Use ${fixed} for ${label.toLowerCase()}.`, apply: () => { custom.set(property, fixed); } });
  }
  return fixes;
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
  const fixes = problems.length > 0 ? contrastFixes(theme) : [];
  // A live region: rewritten only when what it says changes, so a screen reader
  // does not repeat it on every keystroke elsewhere in the form.
  const said = [head, ...items, ...fixes.map((f) => f.text)].join('\n');
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
  if (fixes.length > 0) {
    const p = document.createElement('p');
    p.textContent = fixes.length > 1 ? 'To fix it, either:' : 'To fix it:';
    const list = document.createElement('ul');
    list.className = 'fixes';
    for (const fix of fixes) {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'secondary';
      button.textContent = fix.text;
      button.addEventListener('click', () => { fix.apply(); update(); });
      const item = document.createElement('li');
      item.append(button);
      list.append(item);
    }
    box.append(p, list);
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
    // The picker and its code show the colour in use (the light one when both
    // may show), but not over a code the host is still typing.
    const shown = colourOf(property, o.theme === 'dark' ? 'dark' : 'light');
    for (const input of document.querySelectorAll(`input[data-property="${property}"]`)) {
      if (shown && input.value !== shown && !(input.type === 'text' && input === document.activeElement)) input.value = shown;
    }
  }
  const link = checkLink(o.ctaLink);
  // Said once the host has left the field, not while they type.
  const said = touched.has('cta-link') || (touched.has('cta-text') && !o.ctaLink);
  $('cta-problem').textContent = !said ? '' : o.ctaText && !o.ctaLink ? 'Add the link the button should open.' : link.problem;
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
$('options').addEventListener('focusout', (event) => {
  if (['cta-text', 'cta-link'].includes(event.target.id) && event.target.value.trim() !== '') {
    touched.add(event.target.id);
    update();
  }
});
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
// ---------------------------------------------------------------- can other sites load it?

/**
 * Whether pages on other sites may load the files the snippet points to: module
 * scripts, the wasm and the stylesheet are CORS requests, so each must come with
 * Access-Control-Allow-Origin. Checked from here (the same origin, so the headers
 * are readable) on the files themselves; the result under the snippet says what to
 * do if not. The iframe snippet needs none of it.
 */
async function checkReach() {
  const urls = ['embed.js', FILES.glue, FILES.wasm, FILES.css].map((file) => new URL(file, scriptUrl).href);
  const allowed = await Promise.all(urls.map((url) => fetch(url, { method: 'HEAD', cache: 'no-store' })
    .then((response) => response.headers.get('access-control-allow-origin'), () => null)));
  const blocked = urls.filter((_, i) => allowed[i] !== '*');
  const box = $('reach');
  const host = new URL(scriptUrl).host;
  box.classList.toggle('bad', blocked.length > 0);
  box.dataset.reach = blocked.length > 0 ? 'blocked' : 'open';
  box.textContent = blocked.length === 0
    ? `Other sites may load the explainer from ${host}: the script snippet will work on yours.`
    : `Other sites cannot load the explainer from ${host} yet: it does not send the header that allows it `
      + `(Access-Control-Allow-Origin: *) with ${blocked.map((u) => u.split('/').pop()).join(', ')}. On your site, the script snippet `
      + 'would show only a link to the explainer. Either ask whoever runs this address to send that header (the explainer\'s '
      + 'README says how, for GitHub Pages, Netlify, Cloudflare Pages and other servers), or use the iframe snippet, which needs no such header.';
}

for (const radio of document.querySelectorAll('input[name=kind]')) {
  radio.addEventListener('change', () => { $('reach').hidden = chosen().kind !== 'script'; });
}
checkReach();
update();
