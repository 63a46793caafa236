// The embed builder (dist/embed-builder/): options change the live preview and the
// snippet, the contrast check warns about unreadable colours, the copied snippet
// pasted into a blank page renders the same widget; the iframe snippet; axe and
// the keyboard.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { serve, launch, openPage, stage } from './support.mjs';

const AXE = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let site;
let server;
let browser;
before(async () => {
  site = await stage();
  server = await serve(site.dir);
  browser = await launch();
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
});
after(async () => { await browser?.close(); await server?.close(); await site?.remove(); });

async function openBuilder() {
  const opened = await openPage(browser.context, server.origin);
  await opened.page.goto(`${server.origin}/embed-builder/`);
  await opened.page.locator('#contrast', { hasText: 'Readable' }).waitFor();
  return opened;
}

const snippet = (page) => page.locator('#snippet').inputValue();
const shadow = (page, selector) => page.locator(`#preview ${selector}`);

test('each option changes the live preview and the snippet', async () => {
  const { page, consoleErrors } = await openBuilder();
  // The fallback link to the standalone explainer, for a browser that cannot load
  // it; the reader's screens in the host page's history (Back goes back a screen).
  const fallback = `  <a slot="fallback" href="${server.origin}/">Massage for back pain: does it help? Read the explainer</a>`;
  assert.equal(await snippet(page), [
    `<script type="module" src="${server.origin}/embed.js"></script>`,
    '<massage-explainer hash="explainer">',
    fallback,
    '</massage-explainer>',
  ].join('\n'));
  // The pickers start at the widget's own colours (read from its stylesheet).
  assert.deepEqual(await page.locator('input[type=color]').evaluateAll((inputs) => inputs.map((i) => i.value)),
    ['#fbfaf7', '#ffffff', '#1f2328', '#57606a', '#1d6b5f', '#ffffff', '#d8dee4']);
  await page.locator('#view').selectOption('safety');
  await shadow(page, '.mx-panel[data-view=safety]').waitFor();
  await page.locator('#region').selectOption('uk');
  await shadow(page, '.mx-notice', { hasText: 'Call 999 now' }).waitFor();
  assert.match(await shadow(page, '.mx-notice').textContent(), /Call 999 now/);
  await page.locator('#theme').selectOption('dark');
  assert.equal(await shadow(page, '.mx-root').getAttribute('data-theme'), 'dark');
  await page.locator('#compact').check();
  await page.locator('#cta-text').fill('Book a massage');
  // What is wrong with a field is said once the host leaves it, not while typing.
  await page.locator('#cta-link').fill('not a link');
  assert.equal(await page.locator('#cta-problem').textContent(), '');
  await page.locator('#cta-link').blur();
  assert.match(await page.locator('#cta-problem').textContent(), /full address/);
  await page.locator('#cta-link').fill('example.com/book');
  assert.match(await page.locator('#cta-problem').textContent(), /Did you mean https:\/\/example\.com\/book\?/);
  await page.locator('#cta-link').fill('https://example.com/book');
  assert.equal(await page.locator('#cta-problem').textContent(), '');
  assert.equal(await page.locator('#preview a[slot=cta]').textContent(), 'Book a massage');
  await page.locator('#colour-accent').fill('#7a2e8e');
  const accent = await page.locator('#preview').evaluate((el) => getComputedStyle(el).getPropertyValue('--mx-accent').trim());
  assert.equal(accent, '#7a2e8e');
  assert.equal(await snippet(page), [
    `<script type="module" src="${server.origin}/embed.js"></script>`,
    '<style>',
    '  massage-explainer { --mx-accent: #7a2e8e; }',
    '</style>',
    '<massage-explainer view="safety" theme="dark" region="uk" compact hash="explainer">',
    fallback,
    '  <a slot="cta" href="https://example.com/book">Book a massage</a>',
    '</massage-explainer>',
  ].join('\n'));
  assert.deepEqual(consoleErrors, []);
  await page.close();
});

test('colours readers could not read are named before the snippet is copied', async () => {
  const { page } = await openBuilder();
  // Pale grey text: unreadable on the light theme's background, fine on the dark one.
  await page.locator('#colour-fg').fill('#c8c8c8');
  const warning = page.locator('#contrast');
  await warning.locator('li').first().waitFor();
  const items = await warning.locator('li').allTextContents();
  assert.ok(items.some((i) => /^Text on the page background \(light theme\): 1\.\d\d:1$/.test(i)), items.join(' | '));
  assert.ok(!items.some((i) => /dark theme/.test(i) && /^Text on/.test(i)), 'the dark theme reads it well');
  assert.match(await warning.textContent(), /Hard to read/);
  await page.locator('#copy').click();
  await page.locator('#copy-status', { hasText: 'Copied' }).waitFor();
  assert.match(await page.locator('#copy-status').textContent(), /Careful: \d colour pairs? (is|are) hard to read/);
  // Dark only: now the pale text is fine.
  await page.locator('#theme').selectOption('dark');
  await page.locator('#contrast', { hasText: 'Readable' }).waitFor();
  await page.locator('#reset-colours').click();
  await page.locator('#theme').selectOption('auto');
  // A dark page background with the light theme's dark text: the evidence labels
  // (colours the builder does not offer) are named too.
  await page.locator('#theme').selectOption('light');
  await page.locator('#colour-bg').fill('#1a1a1a');
  await warning.locator('li', { hasText: 'Evidence labels on the page background' }).waitFor();
  await page.locator('#reset-colours').click();
  await page.locator('#theme').selectOption('auto');
  assert.match(await warning.textContent(), /^Readable: all text meets the WCAG AA contrast of 4\.5:1 in the light and the dark theme\.$/);
  await page.close();
});

test('as a therapist expects: a colour code typed, a link to her own page, the Back button opt-out', async () => {
  const { page, consoleErrors } = await openBuilder();
  // A brand colour from a style guide, typed (with or without its #).
  await page.locator('#colour-accent-hex').fill('8A3B5C');
  await page.locator('#colour-accent-hex').blur();
  assert.equal(await page.locator('#colour-accent').inputValue(), '#8a3b5c', 'the picker follows the code');
  assert.equal(await page.locator('#preview').evaluate((el) => el.style.getPropertyValue('--mx-accent')), '#8a3b5c');
  await page.locator('#colour-accent-hex').fill('#8a3b5');
  await page.locator('#colour-accent-hex').blur();
  assert.match(await page.locator('#colour-accent-problem').textContent(), /is not a colour code/);
  await page.locator('#colour-accent-hex').fill('#8a3b5c');
  await page.locator('#colour-accent-hex').blur();
  assert.equal(await page.locator('#colour-accent-problem').textContent(), '');
  // A page of her own site: the link lives in her page.
  await page.locator('#cta-text').fill('Book a massage');
  await page.locator('#cta-link').fill('/book');
  await page.locator('#cta-link').blur();
  assert.equal(await page.locator('#cta-problem').textContent(), '');
  assert.match(await snippet(page), /\n {2}<a slot="cta" href="\/book">Book a massage<\/a>\n/);
  // Leaving the page's address alone, if she must.
  assert.match(await snippet(page), / hash="explainer"/);
  await page.locator('#hash').uncheck();
  assert.doesNotMatch(await snippet(page), /hash=/);
  assert.deepEqual(consoleErrors, []);
  await page.close();
});

test('each colour pair readers could not read comes with its fix', async () => {
  const { page } = await openBuilder();
  const warning = page.locator('#contrast');
  // Her brand colour, fine on the light theme, too dark on the dark one.
  await page.locator('#colour-accent-hex').fill('#8a3b5c');
  await warning.locator('li', { hasText: 'dark theme' }).first().waitFor();
  // No one colour reads on both backgrounds: the fix is the theme where it does.
  const fixes = warning.locator('.fixes button');
  assert.deepEqual(await fixes.allTextContents(), ['Choose Light: these colours read well there.']);
  await fixes.first().click();
  assert.equal(await page.locator('#theme').inputValue(), 'light');
  await warning.filter({ hasText: 'Readable' }).waitFor();
  // Pale text on the light theme: the nearest readable grey, darker.
  await page.locator('#colour-fg-hex').fill('#c8c8c8');
  await warning.locator('.fixes button', { hasText: 'for text' }).click();
  await warning.filter({ hasText: 'Readable' }).waitFor();
  const fixed = await page.locator('#colour-fg').inputValue();
  assert.notEqual(fixed, '#c8c8c8');
  assert.match(await snippet(page), new RegExp(`--mx-fg: ${fixed};`));
  await page.close();
});

test('the builder says whether other sites may load the explainer from here', async () => {
  // This server sends no Access-Control-Allow-Origin.
  const closed = await openBuilder();
  const reach = closed.page.locator('#reach');
  await reach.locator('xpath=.').and(closed.page.locator('[data-reach=blocked]')).waitFor();
  assert.match(await reach.textContent(), /cannot load the explainer from .*\(Access-Control-Allow-Origin: \*\) with embed\.js, .*_bg\.wasm.*iframe snippet/s);
  await closed.page.locator('input[name=kind][value=iframe]').check();
  assert.equal(await reach.isVisible(), false, 'the iframe needs no such header');
  await closed.page.close();
  // One that does, as GitHub Pages, or Netlify and Cloudflare Pages with the build's _headers.
  const open = await serve(site.dir, () => ({ 'access-control-allow-origin': '*' }));
  const opened = await openPage(browser.context, open.origin);
  await opened.page.goto(`${open.origin}/embed-builder/`);
  await opened.page.locator('#reach[data-reach=open]').waitFor();
  assert.match(await opened.page.locator('#reach').textContent(), /Other sites may load the explainer/);
  await opened.page.close();
  await open.close();
});

test('the copied snippet, pasted into a blank page, renders the same widget', async () => {
  const { page } = await openBuilder();
  await page.locator('#view').selectOption('studies');
  await page.locator('#region').selectOption('nz');
  await page.locator('#colour-accent').fill('#7a2e8e');
  await page.locator('#cta-text').fill('Book now');
  await page.locator('#cta-link').fill('https://example.com/book');
  await page.locator('#copy').click();
  await page.locator('#copy-status', { hasText: 'Copied' }).waitFor();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(copied, await snippet(page));
  const describe = (p, root) => p.locator(root).evaluate((el) => ({
    view: el.shadowRoot.querySelector('.mx-panel').dataset.view,
    notice: el.shadowRoot.querySelector('.mx-notice p').textContent,
    accent: getComputedStyle(el.shadowRoot.querySelector('.mx-tab-current')).borderBottomColor,
    cta: el.querySelector('a[slot=cta]')?.outerHTML,
  }));
  const previewed = await describe(page, '#preview');
  await page.close();

  await writeFile(join(site.dir, 'blank.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Blank</title><link rel="icon" href="data:,"></head><body>\n${copied}\n</body></html>`);
  const blank = await openPage(browser.context, server.origin);
  await blank.page.goto(`${server.origin}/blank.html`);
  await blank.page.locator('massage-explainer .mx-study').first().waitFor();
  assert.deepEqual(await describe(blank.page, 'massage-explainer'), previewed);
  assert.equal(previewed.view, 'studies');
  assert.match(previewed.notice, /Call 111 now/, 'New Zealand');
  assert.equal(previewed.accent, 'rgb(122, 46, 142)');
  assert.deepEqual(blank.consoleErrors, []);
  await blank.page.close();
});

test('the iframe snippet frames frame.html with the same options', async () => {
  const { page } = await openBuilder();
  await page.locator('#view').selectOption('map');
  await page.locator('#theme').selectOption('light');
  await page.locator('input[name=kind][value=iframe]').check();
  const text = await snippet(page);
  assert.ok(text.startsWith(`<iframe src="${server.origin}/frame.html?view=map&amp;theme=light" title="Massage for back pain: does it help?"`), text);
  assert.ok(text.endsWith(`<script src="${server.origin}/frame-resize.js"></script>`), text);
  await page.locator('#cta-text').fill('Book');
  assert.match(await page.locator('#copy-status').textContent(), /use the script snippet/);
  await page.close();
});

test('the builder passes axe and works by keyboard', async () => {
  const { page } = await openBuilder();
  await page.addScriptTag({ content: AXE });
  const violations = await page.evaluate(async () =>
    // eslint-disable-next-line no-undef
    (await axe.run(document)).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`));
  assert.deepEqual(violations, []);
  // Tab from the top reaches every control in order, ending at Copy.
  await page.locator('body').focus();
  const order = [];
  for (let i = 0; i < 60 && !order.includes('copy'); i++) {
    await page.keyboard.press('Tab');
    order.push(await page.evaluate(() => document.activeElement.id || document.activeElement.name || document.activeElement.className));
  }
  for (const id of ['view', 'region', 'compact', 'hash', 'theme', 'colour-accent', 'colour-accent-hex', 'reset-colours', 'cta-text', 'cta-link', 'kind', 'snippet', 'copy']) {
    assert.ok(order.includes(id), `${id} is reachable by Tab: ${order.join(' → ')}`);
  }
  // Choosing by keyboard: the view select, then Enter on Copy.
  await page.locator('#view').focus();
  await page.keyboard.press('ArrowDown');
  await page.locator('#preview .mx-panel[data-view=options]').waitFor();
  await page.locator('#copy').focus();
  await page.keyboard.press('Enter');
  await page.locator('#copy-status', { hasText: 'Copied' }).waitFor();
  await page.close();
});
