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
    assert.equal(new URL(page.url()).search, '?q=dudley');
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
