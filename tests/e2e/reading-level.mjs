// The reading level of a view as readers see it before the wasm runs: its
// prerendered page's main content (the tab panel, `#mx-panel`), measured with
// two formulas from wooorm's maintained `words` packages:
//
// - Flesch-Kincaid grade (`flesch-kincaid`): 0.39 × words per sentence +
//   11.8 × syllables per word − 15.59, a US school grade;
// - SMOG grade (`smog-formula`, McLaughlin 1969): 1.043 × √(words of three or
//   more syllables × 30 / sentences) + 3.1291.
//
// Syllables are counted by `syllable`. The native test (tests/readability.rs)
// measures the claim base's fields one by one; this measures the pages.
//
// What counts as reading text, decided here:
// - Only the tab panel: not the header (title, summary line, search), the
//   emergency notice and tabs shown on every view, or the footer.
// - Not what a reader does not read as prose: scripts and styles, drawings
//   (`svg`: a picture's caption says the same in words, and counts), form
//   controls and their labels, buttons (citation links too), text for screen
//   readers only (`.mx-visually-hidden`, `aria-hidden`, `hidden`), citation
//   lines (`.mx-cites`, `.mx-citation`, `.mx-basis`, `.mx-doi`), the body
//   of a closed `<details>` (its `<summary>` counts as a heading, see below),
//   and the articles' own words, quoted as they wrote them (`.mx-quote`): we
//   show them to check them, and cannot reword them.
// - Headings (`h1`-`h6`, `summary`, `dt` questions, table headers `th`,
//   captions, legends and a picture's title line) name what follows; they are not sentences, and
//   counting their few words as sentences would flatter the grade. Not
//   counted.
// - Every other block (a paragraph, list item, definition, table cell) is
//   split into sentences after `.`, `!` or `?` followed by a space (so "1.5%"
//   or "e.g." stay whole). Items of a line are apart too: at a middle dot
//   (" · ", as in a list of names), or where one inline element follows
//   another with no text between (a row of badges or facts, shown apart).
// - Only sentences count: text that ends in `.`, `!` or `?`. What is left
//   without one (a label line such as "How sure: Low certainty", a badge, a
//   name in a list, a grid cell's few words) is not prose and is not counted:
//   counting such fragments as sentences would lower the words per sentence
//   and flatter the grade.
// - A word is a run of letters or digits between spaces, slashes or dashes; a
//   figure ("25", "1.5%") is one word of one syllable.
import { fleschKincaid } from 'flesch-kincaid';
import { smogFormula } from 'smog-formula';
import { syllable } from 'syllable';

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
/** Elements whose whole content is not reading text. */
const SKIP = new Set(['script', 'style', 'template', 'noscript', 'svg', 'math', 'button', 'select', 'textarea', 'label', 'input', 'canvas', 'iframe', 'object']);
const SKIP_CLASSES = ['mx-visually-hidden', 'mx-cites', 'mx-citation', 'mx-basis', 'mx-doi', 'mx-quote'];
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'summary', 'dt', 'th', 'caption', 'legend']);
/** Titles that are not heading elements: a picture's title line. */
const HEADING_CLASSES = ['mx-figure-title'];
/** Elements that end a block of text (the inline ones, `span`, `a`, `strong`…, do not). */
const BLOCKS = new Set([
  ...HEADINGS, 'p', 'li', 'dd', 'td', 'blockquote', 'figcaption', 'div', 'section', 'article', 'aside',
  'header', 'footer', 'nav', 'main', 'ul', 'ol', 'dl', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'details',
  'fieldset', 'form', 'figure', 'pre', 'hr', 'br',
]);
const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', mdash: '—', ndash: '–', hellip: '…', rsquo: '’', lsquo: '‘', rdquo: '”', ldquo: '“', middot: '·', times: '×', minus: '−' };
const ABBREVIATIONS = new Set(['e.g.', 'i.e.', 'vs.', 'etc.', 'dr.', 'mr.', 'mrs.', 'ms.', 'no.', 'st.', 'et al.', 'al.', 'approx.', 'fig.']);

const decode = (text) => text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name) => {
  if (name[0] === '#') {
    return String.fromCodePoint(name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10));
  }
  return ENTITIES[name.toLowerCase()] ?? whole;
});

function attributes(source) {
  const attrs = {};
  for (const m of source.matchAll(/([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) {
    attrs[m[1].toLowerCase()] = decode(m[2] ?? m[3] ?? m[4] ?? '');
  }
  return attrs;
}

/** The part of `html` inside the element with `id` (its inner HTML), or `null`. */
function innerOf(html, id) {
  const open = new RegExp(`<([a-zA-Z][\\w-]*)\\b[^>]*\\bid=["']?${id}["'\\s>]`).exec(html);
  if (!open) return null;
  const start = html.indexOf('>', open.index) + 1;
  const name = open[1].toLowerCase();
  const tags = new RegExp(`<(/?)${name}\\b[^>]*>`, 'gi');
  tags.lastIndex = start;
  let depth = 1;
  for (let m; (m = tags.exec(html));) {
    depth += m[1] ? -1 : 1;
    if (depth === 0) return html.slice(start, m.index);
  }
  return html.slice(start);
}

/**
 * The reading text of a prerendered page's main content: its blocks, each
 * `{ heading, text }`, in page order.
 */
export function readingBlocks(html, panelId = 'mx-panel') {
  const inner = innerOf(html, panelId);
  if (inner === null) throw new Error(`no element #${panelId} in the page`);
  const blocks = [];
  let text = '';
  const stack = []; // { name, skip, heading, closedDetails }
  // Just after the end of an inline element, with no text since: a sibling
  // starting here is an item of its own (a row of chips or badges).
  let afterInline = false;
  const skipping = () => stack.some((e) => e.skip);
  const inHeading = () => stack.some((e) => e.heading);
  const flush = () => {
    for (const part of text.split(' · ')) {
      const t = part.replace(/\s+/g, ' ').trim();
      if (t) blocks.push({ heading: inHeading(), text: t });
    }
    text = '';
  };
  const token = /<!--[\s\S]*?-->|<(\/?)([a-zA-Z][\w-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>|([^<]+)|</g;
  for (let m; (m = token.exec(inner));) {
    if (m[4] !== undefined || m[0] === '<') {
      if (!skipping()) text += decode(m[4] ?? '<');
      if ((m[4] ?? '<').trim()) afterInline = false;
      continue;
    }
    if (!m[2]) continue; // a comment
    // Inline elements sit apart on the page (badges, labels): a tag is a space.
    text += ' ';
    const name = m[2].toLowerCase();
    const closing = m[1] === '/';
    if (closing) {
      const at = stack.map((e) => e.name).lastIndexOf(name);
      if (at < 0) continue;
      if (BLOCKS.has(name)) flush();
      afterInline = !BLOCKS.has(name) && !skipping();
      stack.length = at;
      continue;
    }
    if (BLOCKS.has(name) || (afterInline && !SKIP.has(name))) flush();
    afterInline = false;
    if (VOID.has(name) || m[3].trimEnd().endsWith('/')) continue;
    if (name === 'script' || name === 'style') {
      // Raw text: skip to the matching end tag.
      const end = inner.toLowerCase().indexOf(`</${name}`, token.lastIndex);
      token.lastIndex = end < 0 ? inner.length : end;
      continue;
    }
    const attrs = attributes(m[3]);
    const classes = (attrs.class ?? '').split(/\s+/);
    const parent = stack[stack.length - 1];
    if (HEADING_CLASSES.some((c) => classes.includes(c))) flush();
    const skip = SKIP.has(name) || 'hidden' in attrs || attrs['aria-hidden'] === 'true'
      || SKIP_CLASSES.some((c) => classes.includes(c))
      // The body of a closed <details>: all but its summary.
      || (parent?.closedDetails && name !== 'summary');
    stack.push({ name, skip, heading: HEADINGS.has(name) || HEADING_CLASSES.some((c) => classes.includes(c)), closedDetails: name === 'details' && !('open' in attrs) });
  }
  flush();
  return blocks;
}

/** The sentences of one block of text (see the rules at the top). */
export function sentences(text) {
  const out = [];
  let current = [];
  for (const word of text.split(/\s+/).filter(Boolean)) {
    current.push(word);
    const bare = word.replace(/["'”’)\]]+$/, '');
    if (/[.!?]$/.test(bare) && !ABBREVIATIONS.has(bare.toLowerCase())) {
      out.push(current.join(' '));
      current = [];
    }
  }
  if (current.length) out.push(current.join(' '));
  return out;
}

/** The words of a sentence: runs of letters or digits. */
export function words(sentence) {
  return sentence
    .split(/[\s/—–]+/)
    .map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter((w) => /[\p{L}\p{N}]/u.test(w));
}

/** Syllables of a word: `syllable`'s count, at least one (a figure is one). */
const syllables = (word) => (/\p{L}/u.test(word) ? Math.max(1, syllable(word)) : 1);

/** Whether a piece of text is a sentence (ends in `.`, `!` or `?`), not a fragment. */
export const isSentence = (s) => /[.!?]$/.test(s.replace(/["'”’)\]]+$/, ''));

/** Counts and grades of texts taken together: their sentences only. */
export function measure(texts) {
  const counts = { sentence: 0, word: 0, syllable: 0, polysillabicWord: 0 };
  for (const text of texts) {
    for (const s of sentences(text)) {
      const ws = words(s);
      if (!ws.length || !isSentence(s)) continue;
      counts.sentence += 1;
      for (const w of ws) {
        const n = syllables(w);
        counts.word += 1;
        counts.syllable += n;
        if (n >= 3) counts.polysillabicWord += 1;
      }
    }
  }
  return { ...counts, fleschKincaid: fleschKincaid(counts), smog: smogFormula(counts) };
}

/** The reading level of a prerendered page's main content. */
export function readingLevel(html) {
  return measure(readingBlocks(html).filter((b) => !b.heading).map((b) => b.text));
}

/** The views and their prerendered pages, as `make bench` reports them. */
export const VIEWS = [
  ['Short answer', 'index.html'],
  ['How it helps', 'mechanisms.html'],
  ['Techniques', 'techniques.html'],
  ['Evidence map', 'map.html'],
  ['Studies', 'studies.html'],
  ['Articles', 'sources.html'],
  ['Safety', 'safety.html'],
  ['Your options', 'options.html'],
];

/** The grade each view should read at or below (issue #23). */
export const TARGET = { 'Short answer': 7, Safety: 7 };
export const TARGET_ELSEWHERE = 8;

// `node reading-level.mjs <dist> [--text]`: each view's figures (and, with
// --text, the sentences counted), without the rest of the benchmarks.
if (import.meta.url === `file://${process.argv[1]}`) {
  const { readFile } = await import('node:fs/promises');
  const { join } = await import('node:path');
  const [dist = 'dist', flag] = process.argv.slice(2);
  for (const [view, file] of VIEWS) {
    const html = await readFile(join(dist, file), 'utf8');
    const r = readingLevel(html);
    console.log(`${view} (${file}): Flesch-Kincaid ${r.fleschKincaid.toFixed(1)}, SMOG ${r.smog.toFixed(1)}; ${r.sentence} sentences, ${r.word} words`);
    if (flag === '--text') {
      for (const b of readingBlocks(html)) {
        if (b.heading) console.log(`   [heading, not counted] ${b.text}`);
        else for (const s of sentences(b.text)) console.log(`   ${isSentence(s) ? words(s).length : '[fragment, not counted]'}\t${s}`);
      }
    }
  }
}
