// The take-home sheet: Chromium prints the page to PDF (print media), and
// poppler's pdftotext and pdfinfo read it back: what a reader would take home, on
// one or two pages of A4 or Letter, and nothing of the screen around it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, launch, openPage, readPdf } from './support.mjs';

let server;
let browser;
let dir;
before(async () => { server = await serve(); browser = await launch(); dir = await mkdtemp(join(tmpdir(), 'mx-print-')); });
after(async () => { await browser?.close(); await server?.close(); if (dir) await rm(dir, { recursive: true, force: true }); });

/** The page at `path` printed to PDF on `format` paper: its text and page count. */
async function print(path, format) {
  const { page, consoleErrors } = await openPage(browser.context, server.origin);
  await page.goto(`${server.origin}${path}`);
  // The sheet says where it was printed from once the app runs.
  await page.locator('.mx-sheet-footer', { hasText: 'Printed on' }).waitFor({ state: 'attached' });
  const pdf = join(dir, `${format}.pdf`);
  await writeFile(pdf, await page.pdf({ format }));
  const { pages, text } = readPdf(pdf);
  assert.deepEqual(consoleErrors, []);
  await page.close();
  return { text, pages, pdf };
}

for (const format of ['A4', 'Letter']) {
  test(`the take-home sheet prints on one or two ${format} pages with what a reader needs`, async () => {
    const { text, pages } = await print('/#view=studies', format);
    assert.ok(pages >= 1 && pages <= 2, `${pages} pages`);
    for (const wanted of [
      'Massage for back pain: does it help?',
      'The short answer',
      'Massage may ease back pain for a short time',
      'Is it safe?',
      'Call your local emergency number now',
      'Numbness or tingling around your genitals or buttocks',
      'See a doctor today',
      'Questions to ask a massage therapist',
      'Looking after your back',
      'Evidence reviewed 3 December 2026',
      `Printed on`,
      `from ${server.origin}/#view=studies`,
    ]) {
      assert.ok(text.includes(wanted), `"${wanted}" in the printed sheet`);
    }
    // Nothing of the screen: not the search box, the tabs or the study list.
    for (const unwanted of ['Search everything', 'Evidence map', 'Search studies', 'Print a take-home sheet']) {
      assert.ok(!text.includes(unwanted), `"${unwanted}" is not printed`);
    }
  });
}

test("what matters to the reader marks the options that fit it, and prints with the options they listed", async () => {
  const { page, consoleErrors } = await openPage(browser.context, server.origin);
  await page.goto(`${server.origin}/#view=options`);
  const card = (id) => page.locator(`.mx-option[data-option="${id}"]`);
  // Nothing is marked until the reader ticks something.
  await card('massage').waitFor();
  assert.equal(await page.locator('.mx-fits').count(), 0);
  await page.getByLabel('Not taking medicines').check();
  await card('massage').locator('.mx-fits', { hasText: 'Not taking medicines' }).waitFor();
  assert.equal(await card('heat').locator('.mx-fits').count(), 1);
  assert.equal(await card('paracetamol').locator('.mx-fits').count(), 0, 'a medicine does not fit "not taking medicines"');
  await card('heat').getByLabel(/On my list to ask about/).check();
  // The answers stay in memory: the address does not carry them.
  assert.ok(!page.url().includes('medicines') && !page.url().includes('heat'), page.url());
  await page.locator('.mx-sheet-choice').waitFor({ state: 'attached' });
  const pdf = join(dir, 'choice.pdf');
  await writeFile(pdf, await page.pdf({ format: 'A4' }));
  const { pages, text } = readPdf(pdf);
  assert.ok(pages >= 1 && pages <= 2, `${pages} pages`);
  const flat = text.replace(/\s+/g, ' ');
  for (const wanted of ['Should I try massage for my back pain, or something else?', 'What matters most to me:', 'Not taking medicines', 'Options I want to ask about:', 'Heat', 'Version 0.1.0, published 3 December 2026.']) {
    assert.ok(flat.includes(wanted), `"${wanted}" in the printed sheet`);
  }
  // Heat is listed, massage is not: the therapist's questions are not the reader's.
  assert.ok(!flat.includes('Questions to ask a massage therapist'), 'no therapist questions without massage on the list');
  assert.deepEqual(consoleErrors, []);
  await page.close();
});

test('the Print button is on the short answer and the safety view, and prints without errors', async () => {
  const { page, consoleErrors } = await openPage(browser.context, server.origin);
  for (const view of ['answer', 'safety']) {
    await page.goto(`${server.origin}/#view=${view}`);
    const button = page.locator('.mx-panel .mx-print');
    assert.equal(await button.textContent(), 'Print a take-home sheet');
    await button.click();
  }
  assert.deepEqual(consoleErrors, []);
  await page.close();
});

test('with a region, the printed warning signs name its numbers', async () => {
  // The embed demo's first instance is set to the UK: 999 and 111.
  const { page } = await openPage(browser.context, server.origin);
  await page.goto(`${server.origin}/demo/`);
  await page.locator('#explainer .mx-sheet-footer', { hasText: 'Printed on' }).waitFor({ state: 'attached' });
  const pdf = join(dir, 'demo.pdf');
  await writeFile(pdf, await page.pdf({ format: 'A4' }));
  const { text } = readPdf(pdf);
  assert.ok(text.includes('Call 999 now'), 'the UK emergency number');
  assert.ok(text.includes('call 111'), 'the UK urgent line');
  await page.close();
});

test("the browser's own Print prints an embed's host page whole; an embed's Print button marks its own element as the print starts", async () => {
  const { page, consoleErrors } = await openPage(browser.context, server.origin);
  await page.goto(`${server.origin}/demo/`);
  await page.locator('#explainer .mx-sheet-footer', { hasText: 'Printed on' }).waitFor({ state: 'attached' });
  // Printed from the browser's menu: the host page, each instance's sheet in it
  // (both instances are set to the UK, so each sheet names 999 once).
  const pdf = join(dir, 'demo-whole.pdf');
  await writeFile(pdf, await page.pdf({ format: 'A4' }));
  const { text: whole } = readPdf(pdf);
  assert.ok(whole.includes('Harbourside Massage Therapy'));
  assert.equal(whole.split('Call 999 now').length - 1, 2);
  assert.equal(await page.locator('[data-mx-printing]').count(), 0, 'no mark from a print no button started');

  // A press: `print()` fires `beforeprint` as it starts (HTML's printing steps), and
  // at that moment the pressed instance alone carries the mark. Chromium under
  // automation then leaves that print open, so nothing more is printed on this page;
  // the whole print of a press, to `afterprint` and on paper, is read back from
  // Firefox, whose automation completes it (engines.test.mjs).
  for (const [id, other] of [['explainer', 'safety'], ['safety', 'explainer']]) {
    const pressed = await openPage(browser.context, server.origin);
    await pressed.page.goto(`${server.origin}/demo/`);
    await pressed.page.evaluate(() => {
      window.__marked = null;
      addEventListener('beforeprint', () => {
        window.__marked = [...document.querySelectorAll('[data-mx-printing]')].map((el) => el.id);
      });
    });
    await pressed.page.locator(`#${id} .mx-panel .mx-print`).click();
    await pressed.page.waitForFunction(() => window.__marked !== null);
    assert.deepEqual(await pressed.page.evaluate(() => window.__marked), [id], `${id}: marked as its print starts`);
    assert.equal(await pressed.page.locator(`#${other}`).getAttribute('data-mx-printing'), null);
    assert.deepEqual(pressed.consoleErrors, []);
    await pressed.page.close();
  }
  assert.deepEqual(consoleErrors, []);
  await page.close();
});

test('without JavaScript the page prints as it is shown: the short answer and the warning signs', async () => {
  const plain = await launch({ javaScriptEnabled: false });
  try {
    const page = await plain.context.newPage();
    await page.goto(`${server.origin}/`);
    const pdf = join(dir, 'no-js.pdf');
    await writeFile(pdf, await page.pdf({ format: 'A4' }));
    const { text } = readPdf(pdf);
    for (const wanted of ['Massage may ease back pain for a short time', 'Call your local emergency number now', 'Does it help?']) {
      assert.ok(text.includes(wanted), `"${wanted}" printed`);
    }
  } finally {
    await plain.close();
  }
});
