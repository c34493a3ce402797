// The dataset is a file beside the page (dataset-<hash>.bin, gzip'd by the
// build, fetched while the wasm loads). When it cannot be had, the page says
// why in words instead of dying; when it can, it is fetched once.
import { gzipSync } from 'node:zlib';
import { test, expect, at } from './fixtures.mjs';

const DATASET = /\/dataset-[0-9a-f]{16}\.bin$/;

test('the data is fetched once, by the name the build gave it', async ({ page }) => {
  const fetched = [];
  page.on('request', (request) => {
    if (DATASET.test(new URL(request.url()).pathname)) fetched.push(request.url());
  });
  await page.goto(at());
  await expect(page.locator('.record').first()).toBeVisible();
  const named = await page.locator('link#dataset').getAttribute('href');
  expect(named).toMatch(/^\.\/dataset-[0-9a-f]{16}\.bin$/);
  // The preload and the page's own fetch are one request.
  expect(fetched).toEqual([new URL(named, page.url()).href]);
});

const failures = [
  {
    what: 'the server has no such file',
    answer: { status: 404, body: 'Not found' },
    says: 'The data could not be downloaded (the server answered 404). Reload the page.',
  },
  {
    what: 'the file is not gzip (a server sent a page instead)',
    answer: { status: 200, body: '<!DOCTYPE html><p>Welcome</p>' },
    says: "The data is damaged: it is not the gzip'd file the build wrote.",
  },
  {
    what: 'the file is gzip but not the dataset',
    answer: { status: 200, body: gzipSync(Buffer.from('{"records": []}')) },
    says: 'The data is damaged: it is not in the form this version of the page reads.',
  },
  {
    what: 'the file is cut short',
    answer: { status: 200, body: gzipSync(Buffer.from('FEd2\u0005\u000fwirral-par')) },
    says: 'The data is damaged: it is cut short.',
  },
];

for (const { what, answer, says } of failures) {
  test(`when ${what}, the page says so`, async ({ page }) => {
    await page.route(DATASET, (route) => route.fulfill(answer));
    await page.goto(at('?q=care'));
    const alert = page.getByRole('alert');
    await expect(alert.getByRole('heading', { level: 2 })).toHaveText('The funding explorer could not start');
    await expect(alert.locator('p')).toHaveText(says);
    await expect(page.locator('#loading')).toBeHidden();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('NHS transformation funding explorer');
  });
}

test('while the data is on its way, the page already says what it is', async ({ page }) => {
  await page.route(DATASET, () => {}); // never answers
  await page.goto(at());
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('NHS transformation funding explorer');
  await expect(page.locator('.lede')).toContainText('Every figure comes with its source');
  await expect(page.getByText('Loading the funding explorer…')).toBeVisible();
  await expect(page.locator('.build-id')).toHaveText(/^Version [0-9a-f]{12}$/);
});

test('when the data cannot be downloaded at all, the page says to check the connection', async ({ page }) => {
  await page.route(DATASET, (route) => route.abort('internetdisconnected'));
  await page.goto(at());
  await expect(page.getByRole('alert').locator('p')).toHaveText(
    'The data could not be downloaded. Check the connection and reload the page.',
  );
});
