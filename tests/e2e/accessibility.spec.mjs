// axe-core on the main view, the reader and the open filter panel: no serious
// or critical violations.
import AxeBuilder from '@axe-core/playwright';
import { test, expect, at } from './fixtures.mjs';

async function seriousViolations(page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join('; ')})`);
}

test('the main view has no serious accessibility violations', async ({ page }) => {
  await page.goto(at('?q=care'));
  await expect(page.locator('.record').first()).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test('the reader has no serious accessibility violations', async ({ page }) => {
  await page.goto(at('?q=loneliness&open=west-yorkshire-harrogate-ics-2018'));
  await expect(page.locator('.reader .full-text mark').first()).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test('the open filter panel has no serious accessibility violations', async ({ page, isMobile }) => {
  await page.goto(at('?model=MCP&min=1m'));
  if (isMobile) await page.getByRole('button', { name: 'Filters' }).click();
  await expect(page.locator('#filter-panel')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test('everything can be reached and used with the keyboard', async ({ page, isMobile }) => {
  test.skip(isMobile, 'keyboard use is checked at desktop width');
  await page.goto(at());
  await expect(page.locator('.record').first()).toBeVisible();
  // Tab from the top: the skip link, then the search.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to search' })).toBeFocused();
  // The skip link takes focus straight to the search.
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Search the announcements')).toBeFocused();
  await page.keyboard.type('dudley');
  await expect(page.locator('.result-count')).toHaveText('5 records');
  // A filter checkbox toggles with the space bar.
  const mcp = page.getByRole('checkbox', { name: /Multispecialty community provider/ });
  await mcp.focus();
  await page.keyboard.press('Space');
  await expect(page).toHaveURL(/model=MCP/);
  // The counts around it change, and focus stays on it: Space again takes
  // the filter off, and Tab goes on to the next value.
  await expect(mcp).toBeFocused();
  await expect(mcp).toBeChecked();
  await page.keyboard.press('Space');
  await expect(page).not.toHaveURL(/model=MCP/);
  await expect(mcp).toBeFocused();
  await expect(mcp).not.toBeChecked();
  await page.keyboard.press('Tab');
  const next = await page.evaluate(() => document.activeElement?.id);
  expect(next).toMatch(/^facet-/);
  expect(next).not.toBe('facet-caremodel-mcp');
  // A record opens with Enter, and focus lands on it.
  await page.locator('.record-title a').first().focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('.reader h2')).toBeFocused();
});

test('from the top of the page, the first record is a few Tab presses away', async ({ page }) => {
  await page.goto(at('?q=vanguard'));
  await expect(page.locator('.record').first()).toBeVisible();
  const first = page.locator('.record-title a').first();
  let presses = 0;
  // Tab to the skip link to the results, and follow it. (Checking the
  // focus and then reading it again raced the skip link's focus, which
  // moves after the next frame: the test once tabbed on from the record.)
  const focused = () => page.evaluate(() => document.activeElement?.textContent ?? '');
  while (presses < 8 && (await focused()) !== 'Skip to the results') {
    await page.keyboard.press('Tab');
    presses += 1;
  }
  await page.keyboard.press('Enter');
  await expect(first).toBeFocused();
  expect(presses).toBeLessThanOrEqual(8);
});

test('"Skip to the filters" opens them where they fold, and lands in them', async ({ page }) => {
  await page.goto(at());
  await expect(page.locator('.record').first()).toBeVisible();
  await page.getByRole('link', { name: 'Skip to the filters' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('#filter-panel')).toBeVisible();
  await expect(page.getByLabel('From £')).toBeFocused();
});

test('Escape closes the reader and returns to the record\'s row, as Close does', async ({ page }) => {
  await page.goto(at('?q=dudley'));
  const second = page.locator('.record').nth(1);
  const link = second.locator('.record-title a');
  await link.focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('.reader h2')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.locator('.reader')).toHaveCount(0);
  await expect(page).not.toHaveURL(/open=/);
  await expect(link).toBeFocused();
  // Close does the same.
  await page.keyboard.press('Enter');
  await expect(page.locator('.reader h2')).toBeFocused();
  await page.getByRole('button', { name: 'Close the reader' }).click();
  await expect(page.locator('.reader')).toHaveCount(0);
  await expect(link).toBeFocused();
  // Escape in the search still clears the search, and leaves a reader open.
  await page.keyboard.press('Enter');
  await page.getByLabel('Search the announcements').focus();
  await page.keyboard.press('Escape');
  await expect(page.getByLabel('Search the announcements')).toHaveValue('');
  await expect(page.locator('.reader')).toBeVisible();
});

test('everything on the page is inside a landmark (axe-core region)', async ({ page }) => {
  for (const view of ['?q=care', '?q=care&colour=red', '?open=west-yorkshire-harrogate-ics-2018']) {
    await page.goto(at(view));
    await expect(page.locator('.result-count')).toBeVisible();
    const results = await new AxeBuilder({ page }).withRules(['region']).analyze();
    expect(results.violations.flatMap((v) => v.nodes.map((n) => n.target.join(' '))), view).toEqual([]);
  }
});

test('on a phone, the filter panel\'s Done stays on the screen at its foot', async ({ page, isMobile }) => {
  test.skip(!isMobile, 'the panel folds on a phone');
  await page.goto(at());
  await page.getByRole('button', { name: 'Filters' }).click();
  // Far down the panel: its last checkbox.
  const last = page.locator('#filter-panel input[type="checkbox"]').last();
  await last.scrollIntoViewIfNeeded();
  const done = page.locator('.filter-panel-foot').getByRole('button', { name: 'Done' });
  await expect(done).toBeInViewport();
  await done.click();
  await expect(page.locator('#filter-panel')).toBeHidden();
  await expect(page.getByRole('button', { name: 'Filters' })).toBeFocused();
});
