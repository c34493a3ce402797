// Smoke tests in Firefox ESR (Debian's firefox-esr, driven over WebDriver
// BiDi by puppeteer-core), against the release build in dist/: the list,
// a search, the reader and Escape, a hostile link shown as text, and a
// first visit that is never offered "a new version". The full suite runs in
// Chromium (tests/e2e/); this checks the same page works in the other
// engine. Run by the test command after the build: `node --test tests/firefox/`.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import puppeteer from 'puppeteer-core';
import { serveDirectory } from '../e2e/static-server.mjs';

const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
let server;
before(async () => {
  server = await serveDirectory('dist');
});
after(async () => server?.close());

/** A Firefox with a fresh profile, and a page that fails on a script error. */
async function firefox(run) {
  const browser = await puppeteer.launch({ browser: 'firefox', executablePath: FIREFOX, headless: true });
  try {
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('dialog', async (d) => {
      errors.push(`dialog: ${d.message()}`);
      await d.dismiss();
    });
    await run(page);
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
}

const text = (page, selector) => page.$eval(selector, (e) => e.textContent.trim());
const until = (page, fn, ...args) => page.waitForFunction(fn, { timeout: 20_000 }, ...args);

test('Firefox ESR is here', () => assert.ok(existsSync(FIREFOX), `${FIREFOX} (scripts/setup.sh browser installs it)`));

test('the list, a search, the reader and Escape work in Firefox', async () => {
  await firefox(async (page) => {
    await page.setViewport({ width: 1280, height: 900 });
    await page.goto(server.url);
    await until(page, () => document.querySelectorAll('.record').length > 0);
    assert.match(await text(page, '.result-count'), /^\d+ records$/);
    await page.type('#search', 'dudley');
    await until(page, () => document.querySelector('.result-count')?.textContent === '5 records');
    // "dudle" already finds the same five, and the address is written after
    // the results are drawn (browser_url::write_query_after_frame): wait for it.
    await until(page, () => location.search === '?q=dudley');
    await page.click('.record-title a');
    await until(page, () => document.activeElement?.id === 'reader-heading');
    await page.keyboard.press('Escape');
    await until(page, () => !document.querySelector('.reader') && document.activeElement?.closest('.record-title'));
  });
});

test('a hostile link shows its markup as text in Firefox', async () => {
  await firefox(async (page) => {
    await page.goto(`${server.url}?q=${encodeURIComponent('<img src=x onerror=alert(1)>')}`);
    await until(page, () => document.querySelector('.result-count')?.textContent === 'No records match');
    assert.equal(await page.$eval('#search', (i) => i.value), '<img src=x onerror=alert(1)>');
    assert.equal(await page.$$eval('main img, main script', (found) => found.length), 0);
    assert.match(await text(page, '.nothing-found'), /Nothing matches “<img src=x onerror=alert\(1\)>”/);
  });
});

test('a first visit in Firefox is never offered a new version', async () => {
  // Firefox reported a first worker as controlling before it was installed:
  // two of four fresh profiles were offered "a new version" (issue 24).
  for (let visit = 0; visit < 3; visit++) {
    await firefox(async (page) => {
      await page.goto(server.url);
      await until(page, () => document.querySelectorAll('.record').length > 0);
      await page.evaluate(() => navigator.serviceWorker.ready);
      await until(page, () => navigator.serviceWorker.controller !== null);
      await new Promise((done) => setTimeout(done, 1000));
      assert.equal(await page.$('#update-banner'), null, `visit ${visit + 1}`);
    });
  }
});

test('in Firefox, a pasted text is reviewed, kept, found after a reload, and shared as a link', async () => {
  await firefox(async (page) => {
    await page.setViewport({ width: 1280, height: 900 });
    await page.goto(server.url);
    await until(page, () => document.querySelectorAll('.record').length > 0);
    await page.click('#add-open');
    await until(page, () => document.activeElement?.id === 'add-heading');
    await page.$eval('#add-text', (t) => {
      t.value = 'Harbour Trust gets £3.5m\n\nThe Harbour Trust will receive £3.5m in 2021/22 for community care.';
    });
    await page.click('#add-find');
    await until(page, () => document.querySelectorAll('.review-words a.find-amount').length === 2);
    await page.type('#review-title', 'Harbour Trust gets £3.5m');
    await page.type('#review-new-recipient', 'Harbour Trust');
    await page.select('#review-programme', 'integrated_care_systems');
    await page.select('#figure-1-role', 'allocation');
    await page.click('#review-keep');
    await until(page, () => document.querySelector('.reader h2')?.textContent === 'Harbour Trust gets £3.5m');
    await page.reload();
    await until(page, () => document.querySelectorAll('.record').length > 0);
    await page.type('#search', 'harbour');
    await until(page, () => document.querySelector('.record .record-kind')?.textContent === 'Added by you, full text');
    // The share link (CompressionStream) opens in a fresh profile as someone else's.
    await page.click('.record-title a');
    await until(page, () => document.querySelector('.reader .your-actions'));
    await page.$$eval('.reader .your-actions button', (buttons) => buttons.find((b) => b.textContent === 'Share link').click());
    await until(page, () => document.querySelector('.share-link input'));
    const link = await page.$eval('.share-link input', (i) => i.value);
    assert.match(link, /#share=/);
    await firefox(async (other) => {
      await other.goto(link);
      await until(other, () => document.querySelector('#review-heading')?.textContent === 'A record shared with you');
      assert.equal(await other.$eval('#review-title', (i) => i.value), 'Harbour Trust gets £3.5m');
    });
  });
});
