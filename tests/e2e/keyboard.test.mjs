// A keyboard-only walk-through of the standalone page: only key presses, and at
// every step an assertion of where focus is and that it is drawn.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage } from './support.mjs';

let server;
let browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

/** The focused element, described; `drawn` is whether its :focus-visible style shows. */
function focused(page) {
  return page.evaluate(() => {
    const el = document.activeElement ?? document.body;
    const style = getComputedStyle(el);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
    return {
      tag: el.tagName.toLowerCase(),
      id: el.id,
      text: el.textContent.trim().replace(/\s+/g, ' ').slice(0, 160),
      label: el.getAttribute('aria-label'),
      drawn: el.matches(':focus-visible') && (outline || style.boxShadow !== 'none'),
    };
  });
}

/** Waits until focus is on `selector` (re-renders are asynchronous), and returns it. */
async function expectFocus(page, selector, step) {
  try {
    await page.waitForFunction((s) => document.activeElement?.matches(s), selector, { timeout: 3000 });
  } catch {
    assert.fail(`${step}: focus should be on ${selector} but is on ${JSON.stringify(await focused(page))}`);
  }
  const now = await focused(page);
  assert.ok(now.drawn, `${step}: focus on ${selector} is not visible`);
  return now;
}

/** Presses `key` until focus is on `selector`; every stop on the way must show focus. */
async function pressUntil(page, key, selector, step) {
  for (let i = 0; i < 80; i += 1) {
    await page.keyboard.press(key);
    if (await page.evaluate((s) => document.activeElement?.matches(s), selector)) {
      return expectFocus(page, selector, step);
    }
    const now = await focused(page);
    assert.ok(now.tag !== 'body' && now.drawn, `${step}: focus lost or invisible at ${JSON.stringify(now)}`);
  }
  return assert.fail(`${step}: ${key} never reached ${selector}`);
}

const hash = (page) => page.evaluate(() => location.hash);

async function start(page, path = '/') {
  await page.goto(`${server.origin}${path}`);
  await page.locator('[role=tabpanel] > :not(h2)').first().waitFor();
}

/** The tabs pattern: exactly the selected tab is in the tab order and labels the panel. */
async function expectSelectedTab(page, view, label, step) {
  const tab = await expectFocus(page, `[role=tab]#mx-tab-${view}`, step);
  assert.equal(tab.text, label, step);
  assert.equal(await page.locator('[role=tab][aria-selected=true]').getAttribute('id'), `mx-tab-${view}`, step);
  assert.deepEqual(await page.locator('[role=tab][tabindex="0"]').evaluateAll((ts) => ts.map((t) => t.id)), [`mx-tab-${view}`], step);
  const panel = page.locator('[role=tabpanel]');
  await page.waitForSelector(`[role=tabpanel][data-view=${view}]`);
  assert.equal(await panel.getAttribute('aria-labelledby'), `mx-tab-${view}`, step);
}

test('tabs: arrow keys, Home and End move and select; Tab enters the panel and Shift+Tab returns', async () => {
  const { page, offOrigin, consoleErrors } = await openPage(browser.context, server.origin);
  await start(page);
  await page.keyboard.press('Tab');
  await expectFocus(page, '.mx-find input', 'first Tab: the search box');
  await page.keyboard.press('Tab');
  assert.equal((await expectFocus(page, '.mx-notice button', 'second Tab')).text, 'Other warning signs, and when to avoid massage');
  await page.keyboard.press('Tab');
  await expectSelectedTab(page, 'answer', 'Short answer', 'third Tab');

  const steps = [
    ['ArrowRight', 'options', 'Your options'],
    ['ArrowRight', 'mechanisms', 'How it helps'],
    ['ArrowRight', 'techniques', 'Techniques'],
    ['ArrowLeft', 'mechanisms', 'How it helps'],
    ['End', 'safety', 'Safety'],
    ['ArrowRight', 'answer', 'Short answer'], // wraps to the first
    ['ArrowLeft', 'safety', 'Safety'], // wraps to the last
    ['Home', 'answer', 'Short answer'],
    ['ArrowRight', 'options', 'Your options'],
    ['ArrowRight', 'mechanisms', 'How it helps'],
  ];
  for (const [key, view, label] of steps) {
    await page.keyboard.press(key);
    await expectSelectedTab(page, view, label, key);
  }
  assert.equal(await hash(page), '#view=mechanisms');

  // How it helps opens with the pathway: its first node, massage, is the first stop.
  await page.keyboard.press('Tab');
  const node = await expectFocus(page, '[role=tabpanel] .mx-pathway a', 'Tab into the panel');
  assert.match(node.label, /^Massage: \d+ techniques\. Open the techniques\.$/);
  await page.keyboard.press('Shift+Tab');
  await expectSelectedTab(page, 'mechanisms', 'How it helps', 'Shift+Tab back to the tabs');

  // Tab through the pathway: each mechanism is a link that Enter opens.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  const first = await page.locator('.mx-card').first().getAttribute('data-term');
  const mechanism = await expectFocus(page, `[role=tabpanel] .mx-pathway a[href$="item=${first}"]`, 'Tab to the first mechanism');
  assert.match(mechanism.label, /The articles' claims: /);
  await page.keyboard.press('Enter');
  await page.waitForFunction((id) => location.hash === `#view=mechanisms&item=${id}`, first);
  await expectFocus(page, '.mx-detail-title', 'Enter opens its detail');

  assert.deepEqual(offOrigin, []);
  assert.deepEqual(consoleErrors, []);
  await page.close();
});

test('a mechanism card opens its detail with focus on its heading; quotes open; back returns to the card', async () => {
  const { page, offOrigin, consoleErrors } = await openPage(browser.context, server.origin);
  await start(page, '/#view=mechanisms');
  await pressUntil(page, 'Tab', '.mx-card-button', 'Tab to the first card');
  const term = await page.evaluate(() => document.activeElement.closest('[data-term]').dataset.term);
  const name = (await focused(page)).text;

  await page.keyboard.press('Enter');
  assert.equal((await expectFocus(page, '.mx-detail-title', 'Enter on a card')).text, name);
  assert.equal(await hash(page), `#view=mechanisms&item=${term}`);

  // The first claim's quotes: closed until the reader opens them.
  await page.keyboard.press('Tab');
  await expectFocus(page, '.mx-claim:first-of-type .mx-claim-quotes summary', 'Tab to the quotes');
  const quotes = page.locator('.mx-claim').first().locator('.mx-quote blockquote');
  assert.equal(await quotes.first().isVisible(), false);
  await page.keyboard.press('Enter');
  await quotes.first().waitFor({ state: 'visible' });
  assert.ok((await quotes.first().textContent()).trim().length > 20, 'the quote has words');
  await page.keyboard.press('Tab');
  const link = await expectFocus(page, '.mx-claim:first-of-type .mx-quote .mx-link', 'Tab to the quote\'s article');
  assert.match(link.label, /^Read this passage in its article: /);

  // A link to a technique opens that detail, and focus goes to its heading.
  await pressUntil(page, 'Tab', '.mx-chips .mx-chip', 'Tab to a linked technique');
  const technique = (await focused(page)).text.replace(/ \(.*\)$/, '');
  await page.keyboard.press('Enter');
  assert.equal((await expectFocus(page, '.mx-detail-title', 'Enter on a linked technique')).text, technique);
  assert.match(await hash(page), /^#view=techniques&item=/);

  // Back to the overview: focus lands on the card that was open, not on <body>.
  const opened = await page.locator('.mx-detail').getAttribute('data-term');
  await pressUntil(page, 'Shift+Tab', '.mx-back', 'Shift+Tab to the back button');
  await page.keyboard.press('Enter');
  assert.equal((await expectFocus(page, `[data-term="${opened}"] .mx-card-button`, 'Enter on back')).text, technique);
  assert.equal(await hash(page), '#view=techniques');

  assert.deepEqual(offOrigin, []);
  assert.deepEqual(consoleErrors, []);
  await page.close();
});

test('the map: arrow keys move between cells, Enter opens the claims, a quote opens the reader at its passage', async () => {
  const { page, offOrigin, consoleErrors } = await openPage(browser.context, server.origin);
  await start(page);
  await pressUntil(page, 'Tab', '[role=tab]', 'Tab to the tabs');
  for (const [view, label] of [['options', 'Your options'], ['mechanisms', 'How it helps'], ['techniques', 'Techniques'], ['map', 'Map']]) {
    await page.keyboard.press('ArrowRight');
    await expectSelectedTab(page, view, label, `ArrowRight to ${label}`);
  }

  await page.keyboard.press('Tab');
  await expectFocus(page, '.mx-map-scroll', 'Tab to the scrollable map');
  await page.keyboard.press('Tab');
  await expectFocus(page, '.mx-cell button', 'Tab into the grid');
  const at = () => page.evaluate(() => [document.activeElement.dataset.row, document.activeElement.dataset.col].map(Number));
  const [row, col] = await at();
  // The grid is one tab stop, on the first cell that has articles.
  assert.equal(await page.locator('.mx-cell button[tabindex="0"]').count(), 1);
  assert.notEqual((await focused(page)).text, '–');

  const moves = [['ArrowRight', [row, col + 1]], ['ArrowDown', [row + 1, col + 1]], ['ArrowLeft', [row + 1, col]], ['ArrowUp', [row, col]]];
  for (const [key, want] of moves) {
    await page.keyboard.press(key);
    await expectFocus(page, '.mx-cell button', key);
    assert.deepEqual(await at(), want, key);
  }
  // Leaving the grid and coming back returns to the cell last focused.
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Shift+Tab');
  await expectFocus(page, '.mx-map-scroll', 'Shift+Tab out of the grid');
  await page.keyboard.press('Tab');
  await expectFocus(page, '.mx-cell button', 'Tab back into the grid');
  assert.deepEqual(await at(), [row, col + 1]);
  assert.equal(await page.locator('.mx-cell button[tabindex="0"]').count(), 1);
  await page.keyboard.press('ArrowLeft');
  const cell = await focused(page);

  await page.keyboard.press('Enter');
  const heading = await expectFocus(page, '.mx-cell-detail h2', 'Enter on a cell');
  // "Deep tissue massage × Blood flow" for "Deep tissue massage and Blood flow: 2 articles".
  assert.equal(heading.text.replace(' × ', ' and '), cell.label.split(':')[0]);
  assert.match(await hash(page), /^#view=map&cell=/);
  assert.ok(await page.locator('.mx-cell-detail .mx-claim').count() >= 1, 'the cell has claims');
  // Shift+Tab goes back to the open cell (the grid's tab stop), not the grid's start.
  await page.keyboard.press('Shift+Tab');
  assert.equal((await expectFocus(page, '.mx-cell button[aria-pressed=true]', 'Shift+Tab to the grid')).label, cell.label);

  await pressUntil(page, 'Tab', '.mx-cell-detail .mx-claim-quotes summary', 'Tab to the quotes');
  await page.keyboard.press('Space');
  await pressUntil(page, 'Tab', '.mx-cell-detail .mx-quote .mx-link', 'Tab to a quote\'s article');
  const quote = await page.evaluate(() => document.activeElement.closest('.mx-quote').querySelector('blockquote').textContent.trim());

  await page.keyboard.press('Enter');
  const mark = await expectFocus(page, 'mark.mx-mark-current', 'Enter on the quote\'s article');
  // The marked passage is the quote (or holds it): words, not an empty mark.
  const words = (text) => text.replace(/[“”"…]/g, ' ').replace(/\s+/g, ' ').trim();
  assert.ok(words(mark.text).split(' ').length >= 3, `the marked passage "${mark.text}" has words`);
  assert.ok(words(quote).includes(words(mark.text)) || words(mark.text).includes(words(quote)), `the marked passage "${mark.text}" is the quote "${quote}"`);
  assert.match(await hash(page), /^#view=sources&source=[^&]+&at=\d+-\d+$/);
  const inView = await page.evaluate(() => {
    const box = document.activeElement.getBoundingClientRect();
    return box.top >= 0 && box.bottom <= window.innerHeight;
  });
  assert.ok(inView, 'the passage is scrolled into view');

  // Back to the list: focus lands on the article that was open.
  const source = await page.locator('.mx-reader').getAttribute('data-source');
  await pressUntil(page, 'Shift+Tab', '.mx-back', 'Shift+Tab to the back button');
  await page.keyboard.press('Enter');
  await expectFocus(page, `[data-source="${source}"] .mx-card-button`, 'Enter on back');
  assert.equal(await hash(page), '#view=sources');

  assert.deepEqual(offOrigin, []);
  assert.deepEqual(consoleErrors, []);
  await page.close();
});

test('the safety notice link opens the Safety view and focus moves to its tab', async () => {
  const { page, offOrigin, consoleErrors } = await openPage(browser.context, server.origin);
  await start(page, '/#view=map');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expectFocus(page, '.mx-notice button', 'Tab past the search box');
  await page.keyboard.press('Enter');
  await expectSelectedTab(page, 'safety', 'Safety', 'Enter on the notice link');
  assert.equal(await hash(page), '#view=safety');
  await page.keyboard.press('Tab');
  await expectFocus(page, '[role=tabpanel][data-view=safety] .mx-print', 'Tab to the print button');
  await page.keyboard.press('Tab');
  await expectFocus(page, '[role=tabpanel][data-view=safety] .mx-safety button', 'Tab into the safety guidance');

  assert.deepEqual(offOrigin, []);
  assert.deepEqual(consoleErrors, []);
  await page.close();
});
