// Charts follow the view and drive it; their tables hold the same numbers;
// exports download the view.
import { readFileSync } from 'node:fs';
import { test, expect, at, withChartsOpen } from './fixtures.mjs';

test.beforeEach(({ page }) => withChartsOpen(page));

test('clicking a bar filters the view to it and the link records it', async ({ page, isMobile }) => {
  await page.goto(at('?recipient=all-together-better-sunderland'));
  const chart = page.locator('figure.chart', { has: page.getByRole('heading', { name: 'Money for recipients by financial year' }) });
  await expect(chart.locator('.chart-summary')).toHaveText(
    '2015/16 holds the most money for recipients in this view: £6.5m across 1 figure, of 3 financial years shown.',
  );
  const drawing = chart.locator(isMobile ? '.chart-narrow' : '.chart-wide');
  const bars = drawing.locator('.chart-target');
  await expect(bars).toHaveCount(3);
  await bars.nth(1).click();
  await expect(page).toHaveURL(/model=MCP&fy=2016\/17&recipient=all-together-better-sunderland$/);
  await expect(page.locator('.result-count')).toHaveText('1 record');
  // Keyboard: Enter on a focused bar does the same.
  await page.goto(at('?recipient=dudley-mcp'));
  const first = page.locator('figure.chart').first().locator(isMobile ? '.chart-narrow' : '.chart-wide').locator('.chart-target').first();
  await first.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/fy=2016\/17/);
});

test('a chart with nothing to draw says so and shows no empty axes', async ({ page }) => {
  await page.goto(at('?q=nothingmatchesthis'));
  await expect(page.locator('.result-count')).toHaveText('No records match');
  const charts = page.locator('figure.chart');
  await expect(charts).toHaveCount(3);
  await expect(charts.nth(0).locator('.chart-summary')).toHaveText('No money for recipients with a single financial year is in this view.');
  await expect(charts.nth(1).locator('.chart-summary')).toHaveText('No money for recipients is in this view.');
  await expect(charts.nth(2).locator('.chart-summary')).toHaveText('No record in this view gives a date.');
  await expect(page.locator('figure.chart .chart-svg')).toHaveCount(3);
  for (const hidden of ['.chart-svg', '.chart-actions', '.chart-legend']) {
    for (const element of await page.locator(`figure.chart ${hidden}`).all()) await expect(element).toBeHidden();
  }
  await expect(page.getByRole('button', { name: 'Show as table' })).toHaveCount(0);
  // With records again, the drawings and their buttons come back.
  await page.getByLabel('Search the announcements').fill('sunderland');
  await expect(page.getByRole('button', { name: 'Show as table' })).toHaveCount(3);
  await expect(page.locator('figure.chart:visible .chart-svg:visible').first()).toBeVisible();
});

test('charts redraw when the view changes', async ({ page }) => {
  await page.goto(at());
  const summary = page.locator('figure.chart .chart-summary').first();
  const before = await summary.innerText();
  await page.getByLabel('Search the announcements').fill('dudley');
  await expect(summary).not.toHaveText(before);
  await expect(page.locator('figure.chart').nth(1).locator('.chart-summary')).toContainText('Dudley MCP received the most money in this view');
});

test('"Show as table" shows the same numbers as the chart', async ({ page, isMobile }) => {
  await page.goto(at('?model=MCP'));
  const chart = page.locator('figure.chart').first();
  const labels = await chart.locator(isMobile ? '.chart-narrow .chart-target' : '.chart-wide .chart-target').evaluateAll((bars) => bars.map((b) => b.getAttribute('aria-label')));
  expect(labels.length).toBeGreaterThan(1);
  await chart.getByRole('button', { name: 'Show as table' }).click();
  await expect(chart.getByRole('button', { name: 'Show as chart' })).toHaveAttribute('aria-pressed', 'true');
  const all = await chart.locator('.chart-table tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.cells].map((c) => c.textContent)));
  // A row per bar, then the figures with no single year on lines of their own.
  const rows = all.filter((cells) => cells[3] !== '1, not added');
  expect(all.length - rows.length).toBeGreaterThan(0);
  expect(rows.length).toBe(labels.length);
  rows.forEach(([year, model, money, figures], i) => {
    expect(labels[i]).toBe(`${year}, ${model}: ${money} from ${figures} figure${figures === '1' ? '' : 's'}`);
  });
});

test('a chart shown as a table stays a table, with the new numbers, as the view changes', async ({ page }) => {
  await page.goto(at());
  const chart = page.locator('figure.chart').nth(1);
  await chart.getByRole('button', { name: 'Show as table' }).click();
  const rows = chart.locator('.chart-table tbody tr');
  const before = await rows.count();
  await page.getByLabel('Search the announcements').fill('dudley');
  await expect(chart.locator('.chart-summary')).toContainText('Dudley MCP received the most money in this view');
  await expect(chart.getByRole('button', { name: 'Show as chart' })).toHaveAttribute('aria-pressed', 'true');
  await expect(rows).not.toHaveCount(before);
  await expect(rows.first()).toContainText('Dudley MCP');
  await expect(chart.locator('.chart-target')).toHaveCount(0);
});

test('the view and each chart download as files', async ({ page }) => {
  await page.goto(at('?recipient=dudley-mcp&fy=2017/18'));
  const csv = page.waitForEvent('download');
  await page.getByRole('button', { name: 'CSV', exact: true }).click();
  const file = await csv;
  // The file is named for the view, starts with a byte-order mark (so Excel
  // reads "£"), and its columns are named as the page names them.
  expect(file.suggestedFilename()).toBe('funding-2017-18-dudley-mcp.csv');
  const text = readFileSync(await file.path(), 'utf8');
  expect(text.startsWith('\ufeffRecipients,Title,Kind of figure,Amount (£),As stated,')).toBe(true);
  expect(text.split('\r\n').filter(Boolean)).toHaveLength(2);
  expect(text).toContain('The headline total: NHS England transformation funding');
  expect(text).toContain('bcr-dudley-2017-18');

  // No figure here has what 360Giving requires (a registered recipient and
  // an award date): no invalid file, but a sentence saying what was left out.
  await page.getByRole('button', { name: '360Giving JSON' }).click();
  await expect(page.locator('.download-note')).toContainText('No figure in this view can be published as 360Giving data');
  await expect(page.locator('.download-note')).toContainText('1 figure of money for recipients is left out');

  const svg = page.waitForEvent('download');
  await page.locator('figure.chart').first().getByRole('button', { name: 'Download SVG' }).click();
  const svgFile = await svg;
  expect(svgFile.suggestedFilename()).toBe('funding-by-year.svg');
  expect(readFileSync(await svgFile.path(), 'utf8')).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
});

test('the reader shows how an announcement splits its money', async ({ page }) => {
  await page.goto(at('?open=west-yorkshire-harrogate-ics-2018'));
  const chart = page.locator('.reader figure.chart');
  await expect(chart.getByRole('heading')).toHaveText('How the over £8.5m is split');
  await chart.getByRole('button', { name: 'Show as table' }).click();
  await expect(chart.locator('.chart-table tbody tr')).toHaveCount(5);
});

test('the charts start folded, one click away, and stay as a person leaves them', async ({ page, context }) => {
  const fresh = await context.newPage();
  await fresh.goto(at());
  await fresh.evaluate(() => localStorage.clear());
  await fresh.reload();
  const charts = fresh.locator('#charts');
  await expect(fresh.locator('.record').first()).toBeVisible();
  await expect(charts).not.toHaveAttribute('open', '');
  await expect(fresh.locator('figure.chart')).toHaveCount(0);
  await fresh.getByText('Charts of this view').click();
  await expect(fresh.locator('figure.chart')).toHaveCount(3);
  await fresh.reload();
  await expect(fresh.locator('figure.chart')).toHaveCount(3);
  await fresh.getByText('Charts of this view').click();
  await expect(fresh.locator('figure.chart')).toHaveCount(0);
  await fresh.reload();
  await expect(fresh.locator('.record').first()).toBeVisible();
  await expect(fresh.locator('figure.chart')).toHaveCount(0);
});

test("a chart's axis fits its tallest bar", async ({ page }) => {
  await page.goto(at());
  const chart = page.locator('figure.chart', { has: page.getByRole('heading', { name: 'Money for recipients by financial year' }) });
  await expect(chart.locator('.chart-summary')).toContainText('£64.35m');
  const labels = (await chart.locator('.chart-svg text').allTextContents()).map((l) => l.trim());
  expect(labels).toContain('£80m');
  expect(labels).not.toContain('£100m');
  // The timeline leaves programme totals to the list, and says so.
  const timeline = page.locator('figure.chart', { has: page.getByRole('heading', { name: 'Announcements and reported figures by date' }) });
  await expect(timeline.locator('.chart-left-out')).toContainText('not drawn, so that the money for recipients keeps its scale');
});

test('after choosing a bar, the focus stays on that bar as the chart is drawn again', async ({ page, isMobile }) => {
  await page.goto(at('?recipient=all-together-better-sunderland'));
  const chart = page.locator('figure.chart', { has: page.getByRole('heading', { name: 'Money for recipients by financial year' }) });
  const bars = chart.locator(isMobile ? '.chart-narrow' : '.chart-wide').locator('.chart-target');
  await expect(bars).toHaveCount(3);
  const label = await bars.nth(1).getAttribute('aria-label');
  await bars.nth(1).focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('.result-count')).toHaveText('1 record');
  const focused = await page.evaluate(() => ({
    tag: document.activeElement?.tagName,
    label: document.activeElement?.getAttribute('aria-label') ?? '',
  }));
  expect(focused.tag).toBe('BUTTON');
  expect(focused.label.split(':')[0]).toBe(label.split(':')[0]);
});

test("no chart's label is cut off at the drawing's edge, on a phone or a desktop", async ({ page }) => {
  await page.goto(at('?q=vanguard'));
  const drawings = page.locator('figure.chart .chart-svg svg');
  await expect(drawings).toHaveCount(3);
  for (const svg of await drawings.all()) {
    const outside = await svg.evaluate((drawing) => {
      const frame = drawing.getBoundingClientRect();
      return [...drawing.querySelectorAll('text')]
        .map((t) => ({ text: t.textContent.trim(), box: t.getBoundingClientRect() }))
        .filter(({ box }) => box.left < frame.left - 1 || box.right > frame.right + 1 || box.top < frame.top - 1 || box.bottom > frame.bottom + 1)
        .map(({ text }) => text);
    });
    expect(outside).toEqual([]);
  }
  // A name shortened to fit is whole in its bar's name (its tooltip) and in the table.
  const byRecipient = page.locator('figure.chart', { has: page.getByRole('heading', { name: 'Money by recipient' }) });
  const names = await byRecipient.locator('.chart-target:visible').evaluateAll((bars) => bars.map((b) => b.getAttribute('title')));
  expect(names.every((n) => n && !n.includes('…'))).toBe(true);
});
