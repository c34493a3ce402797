// After one visit online the explorer works with no network; a new deploy is
// offered, not mixed in; the build works under a sub-path.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, at, withChartsOpen } from './fixtures.mjs';
import { serveDirectory } from './static-server.mjs';

/** Waits until the service worker has cached the build and controls the page. */
async function untilOfflineReady(page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

async function openFilters(page, isMobile) {
  if (isMobile) await page.getByRole('button', { name: 'Filters' }).click();
}

test('after one visit online, the whole explorer works offline', async ({ page, context, isMobile }) => {
  await withChartsOpen(page);
  await page.goto(at());
  await expect(page.locator('.record').first()).toBeVisible();
  await untilOfflineReady(page);

  await context.setOffline(true);
  await page.reload();
  await expect(page.locator('.result-count')).toHaveText('69 records');
  await expect(page.locator('#offline-indicator')).toContainText('Offline: you are using the copy saved on this device');

  // Search, a filter, the totals and the reader, all with no network.
  await page.getByLabel('Search the announcements').fill('vanguard');
  await expect(page).toHaveURL(/q=vanguard/);
  await openFilters(page, isMobile);
  await page.getByRole('checkbox', { name: /^2017\/18/ }).check();
  await expect(page.locator('.chip')).toHaveCount(2);
  await expect(page.locator('.totals .total-amount')).toContainText('£');
  const chart = page.locator('figure.chart').first();
  await expect(chart.locator('.chart-summary')).toContainText('2017/18 holds the most money for recipients in this view');
  await expect(chart.locator(isMobile ? '.chart-narrow .chart-svg svg' : '.chart-wide .chart-svg svg')).toBeVisible();
  await page.locator('.record-title a').first().click();
  await expect(page.locator('.reader h2')).toBeVisible();

  // A share link opened offline gives its view.
  await page.goto(at('?q=maubach&model=MCP&open=dudley-mcp-4-4m'));
  await expect(page.locator('.reader h2')).toHaveText('Dudley MCP: £4.4million');
  await expect(page.locator('.record-title')).toHaveText(['Dudley MCP: £4.4million']);
  await expect(page.locator('.reader .full-text mark')).toHaveCount(3);

  // "Add a text", whose panel was never loaded online: it comes from the
  // saved copy too, and a text is read, kept and found.
  await page.getByRole('button', { name: 'Add a text' }).click();
  await page.getByLabel('Text of the announcement').fill('Offline Trust gets £2m for 2019/20.');
  await page.getByRole('button', { name: 'Find the figures' }).click();
  await expect(page.locator('.review-words a.find-amount')).toHaveText(['£2m']);
  await page.getByLabel('Title').fill('Offline Trust gets £2m');
  await page.locator('#review-programme').selectOption({ label: 'Integrated care system' });
  await page.getByRole('button', { name: 'Keep it' }).click();
  await expect(page.locator('.reader h2')).toHaveText('Offline Trust gets £2m');

  await context.setOffline(false);
  await expect(page.locator('#offline-indicator')).toHaveCount(0);
});

test('a new deploy while the page is open is offered, and after reload the new build shows', async ({ page }) => {
  const site = mkdtempSync(join(tmpdir(), 'funding-deploy-'));
  cpSync('dist', site, { recursive: true });
  const server = await serveDirectory(site);
  try {
    await page.goto(server.url);
    await expect(page.locator('.record').first()).toBeVisible();
    await untilOfflineReady(page);
    const oldBuild = await page.locator('meta[name="build-id"]').getAttribute('content');
    await expect(page.locator('.build-id')).toHaveText(`Version ${oldBuild}`);

    // Deploy a changed build: a new id in the page and in the service worker.
    const newBuild = 'fedcba987654';
    for (const file of ['index.html', 'sw.js']) {
      const path = join(site, file);
      writeFileSync(path, readFileSync(path, 'utf8').replaceAll(oldBuild, newBuild));
    }
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
    const offer = page.locator('#update-banner');
    await expect(offer).toContainText('A new version is available.');
    // Until the person reloads, the open page keeps its own build.
    await expect(page.locator('.build-id')).toHaveText(`Version ${oldBuild}`);
    await offer.getByRole('button', { name: 'Reload' }).click();
    await expect(page.locator('.build-id')).toHaveText(`Version ${newBuild}`);
    await expect(page.locator('.record').first()).toBeVisible();
    // The old build's cache is gone.
    await expect.poll(() => page.evaluate(() => caches.keys())).toEqual([`funding-explorer-${newBuild}`]);
  } finally {
    await server.close();
    rmSync(site, { recursive: true, force: true });
  }
});

test('served from a sub-path, the explorer, its share links and offline use work', async ({ page, context }) => {
  const server = await serveDirectory('dist', { basePath: '/funding-explorer/' });
  try {
    await page.goto(`${server.url}?q=tower`);
    await expect(page.locator('.record-title')).toHaveText(['Tower Hamlets Together: £3,945,000']);
    await page.locator('.record-title a').click();
    await expect(page).toHaveURL(`${server.url}?q=tower&open=tower-hamlets-together-2017-18`);
    await untilOfflineReady(page);
    // The link, opened again (offline too), gives the same view.
    await context.setOffline(true);
    await page.goto(`${server.url}?q=tower&open=tower-hamlets-together-2017-18`);
    await expect(page.locator('.reader h2')).toHaveText('Tower Hamlets Together: £3,945,000');
    const scope = await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.scope);
    expect(scope).toBe(server.url);
  } finally {
    await context.setOffline(false);
    await server.close();
  }
});

test('the manifest makes the explorer installable', async ({ page, request }) => {
  await page.goto(at());
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  const manifest = await (await request.get(new URL(href, page.url()).href)).json();
  expect(manifest.name).toBe('NHS transformation funding explorer');
  expect(manifest.start_url).toBe('./');
  expect(manifest.theme_color).toBe('#005eb8');
  expect(manifest.display).toBe('standalone');
  const purposes = manifest.icons.map((i) => `${i.sizes} ${i.purpose}`);
  expect(purposes).toEqual(expect.arrayContaining(['192x192 any', '512x512 any', '512x512 maskable']));
  for (const icon of manifest.icons) {
    const response = await request.get(new URL(icon.src, page.url()).href);
    expect(response.ok()).toBe(true);
    expect(response.headers()['content-type']).toBe('image/png');
  }
});
