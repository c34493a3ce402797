// The first page as a person uses it: what it holds, the list, the reader with
// marked figures, links that open a view, and a bad link that still works.
import { test, expect, at } from './fixtures.mjs';

// Rows off screen are laid out only when scrolled to (content-visibility:
// auto), so scrolling to "Show more" moves it as the rows before it take
// their real height. The browser's scroll anchoring keeps a person's view
// still, but a click at the place the button had would land on a row: scroll
// to it first, then click it where it is.
async function showMore(page, name) {
  const button = page.getByRole('button', { name });
  await button.scrollIntoViewIfNeeded();
  await button.click();
}

test('says what it is and how much it holds, and lists every record', async ({ page }) => {
  await page.goto(at());
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('NHS transformation funding explorer');
  const counts = page.getByRole('list', { name: 'What the explorer holds' });
  await expect(counts).toContainText('5 announcements in full text');
  await expect(counts).toContainText('64 figures reported on other public pages');
  await expect(counts).toContainText('59 organisations, 50 of them vanguards');
  await expect(page.locator('.result-count')).toHaveText('69 records');
  // A plain link has no notice, and no search or filters to show as chips.
  await expect(page.getByText('Part of this link could not be used')).toBeHidden();
  await expect(page.getByRole('button', { name: 'Dismiss' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Clear all' })).toBeHidden();
  // A screen or two at a time; the rest on request.
  await expect(page.locator('.record')).toHaveCount(10);
  await showMore(page, 'Show 10 more of 59');
  await expect(page.locator('.record')).toHaveCount(20);
  for (const left of [49, 39, 29, 19]) await showMore(page, `Show 10 more of ${left}`);
  await showMore(page, 'Show 9 more of 9');
  await expect(page.locator('.record')).toHaveCount(69);

  // A reported figure shows its amount as written and in pounds, its period and its source.
  const royalFree = page.locator('.record', { hasText: 'Royal Free London' });
  await expect(royalFree.locator('.amount-as-written')).toHaveText('£8m');
  await expect(royalFree.locator('.amount-in-pounds')).toHaveText('£8,000,000');
  await expect(royalFree).toContainText('2016/17');
  const source = royalFree.getByRole('link', { name: 'HSJ' });
  await expect(source).toHaveAttribute('href', /^https:\/\/www\.hsj\.co\.uk\//);
  await expect(source).toHaveAttribute('rel', 'noopener noreferrer');

  // Unknowns are said, not guessed.
  const dudley = page.locator('.record', { hasText: 'Dudley MCP: £4.4million' });
  const fact = (name) => dudley.locator('.record-facts > div', { has: page.locator('dt', { hasText: name }) }).locator('dd');
  await expect(fact('Published')).toHaveText('Not stated');
  await expect(fact('Period')).toHaveText('Not stated');
  await expect(fact('Source')).toHaveText('Dudley News');
});

test('a new set of results starts at its first screenful again', async ({ page }) => {
  await page.goto(at());
  await showMore(page, 'Show 10 more of 59');
  await expect(page.locator('.record')).toHaveCount(20);
  await page.getByLabel('Search the announcements').fill('vanguard');
  await expect(page.getByRole('button', { name: /^Show 10 more of / })).toBeVisible();
  await expect(page.locator('.record')).toHaveCount(10);
  await page.getByLabel('Search the announcements').fill('');
  await expect(page.locator('.result-count')).toHaveText('69 records');
  await expect(page.locator('.record')).toHaveCount(10);
});

test('opening an announcement shows its full text with every figure marked', async ({ page }) => {
  await page.goto(at());
  await page.getByRole('link', { name: 'West Yorkshire and Harrogate set for multi-million pound health and social care funding boost' }).click();
  await expect(page).toHaveURL(/\?open=west-yorkshire-harrogate-ics-2018$/);
  const reader = page.locator('.reader');
  await expect(reader.getByRole('heading', { level: 2 })).toBeFocused();
  const marks = reader.locator('.full-text mark');
  await expect(marks).toHaveText(['over £8.5m', '£2.6m', '£4m', '£1m', '£1m', '£1m']);
  // The text is the stored text, whole: marks and plain runs together.
  await expect(reader.locator('.full-text')).toContainText('2.6million people living across the area');
  // Each figure links to its words in the text, and the words link back.
  const figures = reader.locator('.figure-list > li');
  await expect(figures).toHaveCount(5);
  await expect(figures.nth(1)).toContainText('Part of the over £8.5m');
  await figures.nth(1).getByRole('link', { name: '“£2.6m” in the text' }).click();
  await expect(page.locator('mark:target')).toHaveText('£2.6m');
  await page.locator('mark:target a').click();
  await expect(page.locator('.figure:target')).toContainText('Primary Care Network / Communities');
});

test('a link opens its view, and back and forward step through views', async ({ page }) => {
  await page.goto(at('?open=sunderland-all-together-better-2017-18'));
  const reader = page.locator('.reader');
  await expect(reader.getByRole('heading', { level: 2 })).toHaveText('£4.8m of new funding for Sunderland Transformation of health and care services');
  const fact = (name) => reader.locator('.reader-facts > div', { has: page.locator('dt', { hasText: name }) }).locator('dd');
  await expect(fact('Published')).toHaveText('9 January 2017');
  await expect(fact('Care model')).toHaveText('Multispecialty community provider (MCP), as the text states');
  await expect(reader.locator('.full-text mark')).toHaveText(['£4.8m', '£4.8million']);

  await page.getByRole('link', { name: 'Tower Hamlets Together: £3,945,000' }).click();
  await expect(reader.getByRole('heading', { level: 2 })).toHaveText('Tower Hamlets Together: £3,945,000');
  await expect(reader).toContainText('from the vanguard registry');
  await page.goBack();
  await expect(page).toHaveURL(/open=sunderland-all-together-better-2017-18$/);
  await expect(reader.getByRole('heading', { level: 2 })).toHaveText(/Sunderland/);
  await reader.getByRole('button', { name: 'Close the reader' }).click();
  await expect(page.locator('.reader')).toHaveCount(0);
  await page.goBack();
  await expect(page.locator('.reader h2')).toHaveText(/Sunderland/);
});

test('a reported figure opens with its caveats and its source page', async ({ page }) => {
  await page.goto(at('?open=fernbank-fylde-coast-2015-16'));
  const reader = page.locator('.reader');
  await expect(reader).toContainText('£4.26million');
  await expect(reader).toContainText("The same page's headline says £4.62m: the source contradicts itself");
  const link = reader.getByRole('link', { name: 'The page that states it' });
  await expect(link).toHaveAttribute('href', /fernbanksurgery\.co\.uk/);
  await expect(link).toHaveAttribute('rel', 'noopener noreferrer');
});

test('a broken link still opens the page and says what was ignored', async ({ page }) => {
  await page.goto(at('?open=no-such-record&colour=%3Cb%3Ebold%3C%2Fb%3E&%E0%A4%A&fy=2017/18'));
  // The rest of the link still applies.
  await expect(page.locator('.chip')).toHaveText(['Remove Financial year: 2017/18 ×']);
  const notice = page.locator('.notices');
  await expect(notice).toContainText('“open=no-such-record” was ignored: no record has this id');
  // A value from the link is shown as text, never as markup.
  await expect(notice).toContainText('“colour” was ignored');
  await expect(page.locator('.notices b')).toHaveCount(0);
  await expect(page.locator('.reader')).toHaveCount(0);
  // Dismissed, the notice goes; the view stays.
  await page.getByRole('button', { name: 'Dismiss' }).click();
  await expect(page.getByText('Part of this link could not be used')).toBeHidden();
  await expect(page.locator('.chip')).toHaveText(['Remove Financial year: 2017/18 ×']);
  // Clear all takes the last chip, and the chips' group goes with it.
  await page.getByRole('button', { name: 'Clear all' }).click();
  await expect(page.locator('.result-count')).toHaveText('69 records');
  await expect(page.getByRole('button', { name: 'Clear all' })).toBeHidden();
});

test('a dismissed notice stays dismissed as the reader links about its text', async ({ page }) => {
  await page.goto(at('?open=west-yorkshire-harrogate-ics-2018&colour=red'));
  await expect(page.locator('.notices')).toContainText('“colour” was ignored');
  await page.getByRole('button', { name: 'Dismiss' }).click();
  await expect(page.getByText('Part of this link could not be used')).toBeHidden();
  // A figure's link to its words is a step in history with the same view.
  await page.locator('.reader').getByRole('link', { name: '“£2.6m” in the text' }).click();
  await expect(page.locator('mark:target')).toHaveText('£2.6m');
  await page.goBack();
  await expect(page.getByText('Part of this link could not be used')).toBeHidden();
  await expect(page.locator('.reader h2')).toHaveText(/West Yorkshire and Harrogate/);
});

test('nothing overflows sideways, and screenshots are kept', async ({ page }, testInfo) => {
  await page.goto(at('?open=west-yorkshire-harrogate-ics-2018'));
  await expect(page.locator('.reader .full-text mark').first()).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: `tests/e2e/artifacts/reader-${testInfo.project.name}.png`, fullPage: false });
  await page.goto(at());
  await expect(page.locator('.record').first()).toBeVisible();
  await page.screenshot({ path: `tests/e2e/artifacts/list-${testInfo.project.name}.png`, fullPage: false });
});

test('the explorer arrives without moving what is already on the screen', async ({ page }) => {
  // Every layout shift the browser reports from the first paint, as
  // Lighthouse's layout-shift score adds them (shifts just after input do
  // not count; there is none here).
  await page.addInitScript(() => {
    window.__shifts = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        if (!entry.hadRecentInput) window.__shifts.push(entry.value);
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await page.goto(at());
  await expect(page.locator('.record').first()).toBeVisible();
  await expect(page.getByRole('list', { name: 'What the explorer holds' }).locator('li')).toHaveCount(4);
  // A frame for any shift of the last render to be reported.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 100))));
  const shifted = await page.evaluate(() => window.__shifts.reduce((a, b) => a + b, 0));
  expect(shifted).toBeLessThanOrEqual(0.02);
});

test('the first record is on the first screen, whatever the view (one and a half screens on a phone)', async ({ page }, testInfo) => {
  const phone = testInfo.project.name === 'phone';
  await page.setViewportSize(phone ? { width: 375, height: 812 } : { width: 1280, height: 900 });
  const limit = phone ? 812 * 1.5 : 900;
  const views = ['', '?q=dudley', '?fy=2016/17', '?recipient=dudley-mcp,all-together-better-sunderland', '?q=vanguard&colour=red'];
  // Beside the reader on a wide screen; on a phone the reader comes first.
  if (!phone) views.push('?open=sunderland-all-together-better-2017-18');
  for (const view of views) {
    await page.goto(at(view));
    const title = page.locator('.record-title').first();
    await expect(title).toBeVisible();
    const bottom = await title.evaluate((t) => t.getBoundingClientRect().bottom + window.scrollY);
    expect(bottom, `the first title's foot, for ${view || 'the whole list'}`).toBeLessThanOrEqual(limit);
  }
  await page.screenshot({ path: `tests/e2e/artifacts/first-screen-${testInfo.project.name}.png` });
});

test('following a figure to its words scrolls to them unclipped, focuses them, and the way back returns to the figure', async ({ page, isMobile }) => {
  await page.goto(at('?open=west-yorkshire-harrogate-ics-2018'));
  const reader = page.locator('.reader');
  await expect(reader.getByRole('heading', { level: 2 })).toBeFocused();
  const pageScroll = await page.evaluate(() => window.scrollY);
  await reader.getByRole('link', { name: '“£2.6m” in the text' }).click();
  const mark = page.locator('mark:target');
  await expect(mark).toHaveText('£2.6m');
  await expect(mark).toBeFocused();
  const place = await mark.evaluate((m) => {
    const box = m.getBoundingClientRect();
    const reader = m.closest('.reader').getBoundingClientRect();
    return { top: box.top, bottom: box.bottom, readerTop: reader.top, height: innerHeight, scrolled: window.scrollY };
  });
  // In sight, not clipped at the top (of the reader, or of the screen).
  expect(place.top).toBeGreaterThanOrEqual(Math.max(0, place.readerTop));
  expect(place.bottom).toBeLessThanOrEqual(place.height);
  // Beside the list, only the reader scrolls.
  if (!isMobile) expect(place.scrolled).toBe(pageScroll);
  // The words link back to their figure, which takes the focus.
  await mark.getByRole('link').click();
  const figure = page.locator('.figure:target');
  await expect(figure).toContainText('Primary Care Network / Communities');
  await expect(figure).toBeFocused();
});
