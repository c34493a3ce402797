// Nothing from data or links runs as code, and no link breaks the page. The
// hostile build is built with tests/fixtures/hostile-data, whose names, titles,
// quotes and notes are markup and script.
import { test, expect, at, hostile } from './fixtures.mjs';

const SCRIPT_TITLE = '<img src=x onerror=alert(1)> gets </svg><script>alert(1)</script> £3m';

async function onlyTheLoaderScript(page) {
  // The page's scripts are trunk's inline loader and offline.js, nothing
  // else; no image was injected.
  expect(await page.locator('script:not([src])').count()).toBe(1);
  const sources = await page.locator('script[src]').evaluateAll((scripts) => scripts.map((s) => s.getAttribute('src')));
  expect(sources).toEqual([expect.stringMatching(/^\.\/offline-[0-9a-f]+\.js$/)]);
  expect(await page.locator('body img').count()).toBe(0);
}

test('names, titles, quotes and notes that are markup show as text and run nothing', async ({ page }) => {
  await page.goto(hostile());
  const title = page.locator('.record-title', { hasText: 'gets' });
  await expect(title).toHaveText(SCRIPT_TITLE);
  await expect(page.locator('.record').filter({ hasText: 'onerror=alert(2)' }).locator('.record-notes')).toHaveText('<img src=x onerror=alert(2)> a note');
  await expect(page.locator('.record', { hasText: '£1m' }).locator('.record-title')).toHaveText('<img src=x onerror=alert(1)>: £1m');
  await onlyTheLoaderScript(page);

  await title.getByRole('link').click();
  const reader = page.locator('.reader');
  await expect(reader.locator('h2')).toHaveText(SCRIPT_TITLE);
  await expect(reader.locator('.full-text')).toContainText('</svg><script>alert(1)</script> said: "<b>this</b> is text".');
  await expect(reader.locator('.people')).toContainText('</svg><script>alert(1)</script>, <i>role</i>');
  await expect(reader.locator('.figure-purpose')).toHaveText('<img src=x onerror=alert(3)>');
  await expect(reader.locator('.full-text b, .people i')).toHaveCount(0);
  await onlyTheLoaderScript(page);

  // Searching for the markup finds it, highlighted as text.
  await page.getByLabel('Search the announcements').fill('script alert');
  await expect(page).toHaveURL(/q=script/);
  await expect(page.locator('.record-title strong.hit').first()).toBeVisible();
  const hits = await page.locator('.record-title strong.hit').allTextContents();
  expect(hits).toEqual(expect.arrayContaining(['alert', 'script']));
  await onlyTheLoaderScript(page);
});

test('markup in a share link search shows as typed and runs nothing', async ({ page }) => {
  const query = '</svg><script>alert(1)</script> <img src=x onerror=alert(1)>';
  await page.goto(at(`?q=${encodeURIComponent(query)}`));
  await expect(page.getByLabel('Search the announcements')).toHaveValue(query);
  await expect(page.locator('.chip')).toContainText(`Search: ${query}`);
  await expect(page.locator('.nothing-found')).toContainText(query);
  await onlyTheLoaderScript(page);
});

test('any link opens a working page and says what it ignored', async ({ page }) => {
  const links = [
    '?%FF%FE%00%01&&&==&%&%%',
    `?q=${'a'.repeat(100_000)}`,
    `?q=${'"-'.repeat(5_000)}`,
    '?min=-5&max=99999999999999999999999999bn&fy=2099/00&fy=2017/18&open=%3Cscript%3E',
    '?sort=%E2%80%AE&model=mcp,PACS,%22&recipient=..%2F..%2Fetc',
    `?${Array.from({ length: 300 }, (_, i) => `p${i}=${i}`).join('&')}`,
  ];
  for (const link of links) {
    await page.goto(at(link));
    await expect(page.locator('.result-count')).toBeVisible();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  }
  await page.goto(at('?min=-5&fy=2099/00&open=%3Cscript%3E&model=PACS'));
  const notices = page.locator('.notices');
  await expect(notices).toContainText('“min=-5” was ignored: this is not an amount of money');
  await expect(notices).toContainText('“fy=2099/00” was ignored: no record has this financial year');
  await expect(notices).toContainText('“open=<script>” was ignored: no record has this id');
  await expect(page.locator('.chip')).toHaveText(['Remove Care model: Integrated primary and acute care system (PACS) ×']);
});

test('the Content-Security-Policy allows only the page itself', async ({ context }) => {
  // A page of its own: this test causes a violation on purpose.
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(at());
  // As the browser reads it (the release page's html is minified).
  const csp = (await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')) ?? '';
  expect(csp).toContain("default-src 'none'");
  expect(csp).toMatch(/script-src 'self' 'wasm-unsafe-eval' 'sha256-[A-Za-z0-9+/=]+'/);
  expect(csp).not.toContain('unsafe-inline');
  expect(csp).not.toMatch(/https?:/);
  await expect(page.locator('.record').first()).toBeVisible();
  // An inline script that is not trunk's loader is refused.
  const ran = await page.evaluate(() => {
    window.__ran = false;
    const s = document.createElement('script');
    s.textContent = 'window.__ran = true';
    document.body.appendChild(s);
    const result = window.__ran;
    s.remove();
    return result;
  });
  expect(ran).toBe(false);
  expect(errors).toEqual([]);
});
