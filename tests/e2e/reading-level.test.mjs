// What reading-level.mjs counts as reading text, on a small page (no browser).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readingBlocks, readingLevel, sentences, isSentence, words } from './reading-level.mjs';

const page = `<header><h1>Title</h1><p>Header words are not counted.</p></header>
<div role="tabpanel" id="mx-panel" class="mx-panel"><h2 class="mx-visually-hidden">View</h2>
<h3>A heading</h3><p>Massage may help. It is 1.5% &amp; safe.<span class="mx-cites"><button>Furlan 2015</button></span></p>
<p class="mx-meta"><span class="mx-label">Back pain: Chronic</span><span>Low certainty</span></p>
<ul><li>One item.</li><li>Two</li></ul><script>var x = "not text.";</script>
<svg role="img"><text>Drawn label.</text></svg><details><summary>More</summary><p>Closed body.</p></details>
<div class="inner"><p>Nested.</p></div></div><footer><p>Footer words.</p></footer>`;

test('only the panel\'s visible prose counts, headings and fragments apart', () => {
  const blocks = readingBlocks(page);
  assert.deepEqual(blocks.map((b) => [b.heading, b.text]), [
    [true, 'A heading'],
    [false, 'Massage may help. It is 1.5% & safe.'],
    [false, 'Back pain: Chronic'],
    [false, 'Low certainty'],
    [false, 'One item.'],
    [false, 'Two'],
    [true, 'More'],
    [false, 'Nested.'],
  ]);
  const r = readingLevel(page);
  // "Massage may help." "It is 1.5% & safe." "One item." "Nested."
  assert.equal(r.sentence, 4);
  assert.equal(r.word, 3 + 4 + 2 + 1);
  assert.ok(Number.isFinite(r.fleschKincaid) && Number.isFinite(r.smog));
});

test('sentences end at a full stop before a space, not inside a figure or "e.g."', () => {
  assert.deepEqual(sentences('Pain fell 1.5 points, e.g. at 6 weeks. Then? Yes'), ['Pain fell 1.5 points, e.g. at 6 weeks.', 'Then?', 'Yes']);
  assert.equal(isSentence('Yes'), false);
  assert.equal(isSentence('(It did.)'), true);
  assert.deepEqual(words('From 52 to 23 — out of 100/100.'), ['From', '52', 'to', '23', 'out', 'of', '100', '100']);
});
