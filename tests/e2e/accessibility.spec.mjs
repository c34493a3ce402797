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
