// Search, filters, sort, totals and share links, as a person uses them.
import { test, expect, at, withChartsOpen } from './fixtures.mjs';

const titles = (page) => page.locator('.record-title').allTextContents();

test('typing a search shows the matching records, highlighted, and keeps one history entry', async ({ page }) => {
  await page.goto(at());
  await expect(page.locator('.result-count')).toHaveText('69 records');
  const historyBefore = await page.evaluate(() => history.length);
  const search = page.getByLabel('Search the announcements');
  await search.pressSequentially('maubach', { delay: 30 });
  await expect(page.locator('.result-count')).toHaveText('1 record');
  await expect(page.locator('.record-title')).toHaveText(['Dudley MCP: £4.4million']);
  await expect(page.locator('.record .snippet strong.hit')).toHaveText('Maubach');
  await expect(page).toHaveURL(/\?q=maubach$/);
  expect(await page.evaluate(() => history.length)).toBe(historyBefore);

  // A prefix and a phrase, with an exclusion.
  await search.fill('"all together better" -dudley');
  await expect(page.locator('.record-title').first()).toContainText('Sunderland');
  expect(await titles(page)).not.toContain('Dudley MCP: £4.4million');

  // Escape clears the search.
  await search.press('Escape');
  await expect(page.locator('.result-count')).toHaveText('69 records');
  await expect(page).toHaveURL(at());
});

test('slash focuses the search from anywhere', async ({ page }) => {
  await page.goto(at());
  await page.locator('body').click({ position: { x: 5, y: 400 } });
  await page.keyboard.press('/');
  await expect(page.getByLabel('Search the announcements')).toBeFocused();
  await page.keyboard.type('tower');
  await expect(page.locator('.result-count')).toHaveText('1 record');
});

test('filters apply, count, show as chips and come off again; back steps through them', async ({ page, isMobile }) => {
  await page.goto(at());
  if (isMobile) {
    const toggle = page.getByRole('button', { name: 'Filters' });
    await expect(page.locator('#filter-panel')).toBeHidden();
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  }
  const mcp = page.getByRole('checkbox', { name: /Multispecialty community provider \(MCP\)/ });
  const mcpCount = Number(await page.locator('label[for="facet-caremodel-mcp"] .facet-count').innerText().then((t) => t.replace(/\D/g, '')));
  await mcp.check();
  await expect(page).toHaveURL(/\?model=MCP$/);
  await expect(page.locator('.result-count')).toHaveText(`${mcpCount} records`);
  await page.getByRole('checkbox', { name: /^2017\/18/ }).check();
  await expect(page).toHaveURL(/\?model=MCP&fy=2017\/18$/);
  await expect(page.locator('.chip')).toHaveText(['Remove Care model: Multispecialty community provider (MCP) ×', 'Remove Financial year: 2017/18 ×']);
  const narrowed = await titles(page);
  expect(narrowed).toContain('£4.8m of new funding for Sunderland Transformation of health and care services');
  expect(narrowed).toContain('Tower Hamlets Together: £3,945,000');

  // Back undoes the last filter; forward brings it back.
  await page.goBack();
  await expect(page).toHaveURL(/\?model=MCP$/);
  await expect(page.locator('.result-count')).toHaveText(`${mcpCount} records`);
  await page.goForward();
  await expect(page.locator('.chip')).toHaveCount(2);

  // One click on a chip removes that filter only; "Clear all" the rest.
  await page.getByRole('button', { name: 'Remove Care model: Multispecialty community provider (MCP)' }).click();
  await expect(page).toHaveURL(/\?fy=2017\/18$/);
  await page.getByRole('button', { name: 'Clear all' }).click();
  await expect(page.locator('.result-count')).toHaveText('69 records');
  await expect(page.locator('.chip')).toHaveCount(0);
});

test('an amount range accepts 4.5m and 450k and says when it cannot read one', async ({ page, isMobile }) => {
  await page.goto(at());
  if (isMobile) await page.getByRole('button', { name: 'Filters' }).click();
  await page.getByLabel('From £', { exact: true }).fill('4.5m');
  await page.getByLabel('From £', { exact: true }).press('Enter');
  await page.getByLabel('To £', { exact: true }).fill('5000k');
  await page.getByLabel('To £', { exact: true }).press('Enter');
  await expect(page).toHaveURL(/\?min=4\.5m&max=5m$/);
  await expect(page.locator('.chip')).toHaveText(['Remove At least £4.5m ×', 'Remove At most £5m ×']);
  for (const amount of await page.locator('.amount-in-pounds').allTextContents()) {
    const pounds = Number(amount.replace(/[£,]/g, ''));
    expect(pounds).toBeGreaterThanOrEqual(4_500_000);
    expect(pounds).toBeLessThanOrEqual(5_000_000);
  }
  await page.getByLabel('To £', { exact: true }).fill('lots');
  await page.getByLabel('To £', { exact: true }).press('Enter');
  await expect(page.getByRole('group', { name: 'Amount of a figure' }).getByRole('alert')).toContainText('“lots” is not an amount');
  await expect(page).toHaveURL(/max=5m/);
});

test('sorts by amount and by date', async ({ page }) => {
  await page.goto(at('?role=recipient&sort=amount-desc'));
  await expect(page.getByLabel('Sort by')).toHaveValue('amount-desc');
  // Across the first two pages of rows: the order holds past "Show more".
  const more = page.getByRole('button', { name: /^Show \d+ more of / });
  await more.scrollIntoViewIfNeeded();
  await more.click();
  await expect(page.locator('.record')).toHaveCount(20);
  const amounts = (await page.locator('.amount-in-pounds').allTextContents()).map((t) => Number(t.replace(/[£,]/g, '')));
  expect(amounts.length).toBeGreaterThan(10);
  expect(amounts).toEqual([...amounts].sort((a, b) => b - a));
  await page.getByLabel('Sort by').selectOption('date-asc');
  await expect(page).toHaveURL(/sort=date-asc/);
  await expect(page.locator('.record').first().locator('.record-facts')).toContainText('20 October 2015');
});

test('where the clipboard refuses, the link is shown ready to copy by hand', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(navigator.clipboard, 'writeText', {
      value: () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError')),
    });
  });
  await page.goto(at('?q=care&model=MCP'));
  await page.getByRole('button', { name: 'Copy link' }).click();
  const field = page.getByLabel('Copy this link:');
  await expect(field).toHaveValue(page.url());
  await field.focus();
  expect(await field.evaluate((input) => input.value.slice(input.selectionStart, input.selectionEnd))).toBe(page.url());
});

test('totals add money for recipients once and show where sources disagree', async ({ page }) => {
  await page.goto(at('?recipient=all-together-better-sunderland&fy=2015/16'));
  const totals = page.locator('.totals');
  await expect(totals.locator('.total-amount')).toContainText('£6.5m to £6.77m');
  await totals.getByText('What this total includes').click();
  await expect(totals).toContainText('Sources disagree for 1 recipient-year');
  await expect(totals.locator('.disagreements')).toContainText('£6.77m (HSJ) or £6.5m (LGC)');
  // While open, it follows the view (a search that leaves no figures takes
  // the list away, clearing it brings the list back), and reopened it shows
  // the list again.
  await page.locator('#search').fill('xylophone');
  await expect(totals.locator('.disagreements')).toHaveCount(0);
  await expect(totals).toContainText('What this total includes');
  await page.locator('#search').fill('');
  await expect(totals.locator('.disagreements')).toContainText('£6.77m (HSJ) or £6.5m (LGC)');
  await totals.getByText('What this total includes').click();
  await expect(totals.locator('.disagreements')).toBeHidden();
  await totals.getByText('What this total includes').click();
  await expect(totals.locator('.disagreements')).toContainText('£6.77m (HSJ) or £6.5m (LGC)');
});

test('the headline adds one kind of money a year at a time, and says what it covers', async ({ page }) => {
  await page.goto(at());
  const totals = page.locator('.totals');
  await expect(totals.locator('.total-covers')).toContainText('Adds money for recipients of one kind, NHS England transformation funding');
  // The breakdown by year folds away (the first records come first).
  await totals.getByText('By financial year, other kinds of money').click();
  // 2016/17 holds Morecambe Bay's "almost £5million": the year is "about".
  await expect(totals.locator('.totals-by-year tr', { hasText: '2016/17' })).toContainText('about £52.8m');
  // Other kinds are totalled on their own; figures with no single year are
  // listed, never added: Dorset's STP capital is one of them.
  await expect(totals.locator('.totals-others')).toContainText('Devolved transformation funds');
  const spans = totals.locator('.totals-spans');
  await spans.locator('summary').click();
  await expect(spans).toContainText('over £100m');
  await expect(spans).toContainText('Sustainability and transformation partnership funding: capital');
  await expect(totals.locator('.totals-flag')).toContainText('adds to £8.6m, more than the whole');
  // How much of each year's national total the figures here cover.
  const about = page.locator('.about-data');
  const coverage = about.locator('details', { hasText: "How much of each year's national vanguard total" });
  await coverage.locator('summary').click();
  await expect(coverage).toContainText('2016/17: figures are held here for 18 of 50 vanguards');
  await expect(coverage).toContainText('47% of £112m (HSJ) for all vanguards');
  await expect(coverage).toContainText('Gateshead Care Home Project');
  // Where sources disagree, across the dataset.
  const across = about.locator('details', { hasText: 'Where sources disagree, across the dataset' });
  await across.locator('summary').click();
  await expect(across.locator('li')).toContainText(['£132.6m (HSJ) or £120m (HSJ) as the national total', '£4.8m for 2016/17 (HSJ) and for 2017/18 (North East Connected)']);

  // A year's total is the same whether reached by the table or the filter.
  await page.goto(at('?recipient=surrey-heartlands'));
  await expect(totals.locator('.total-amount')).toHaveText('£15m');
  await expect(totals.locator('.totals-spans summary')).toHaveText('1 figure over several years or with no stated year: not added');
  await page.goto(at('?recipient=surrey-heartlands&fy=2017/18'));
  await expect(totals.locator('.total-amount')).toHaveText('£15m');
  await expect(totals.locator('.totals-spans')).toHaveCount(0);
});

test('a filter for the fund and for revenue or capital, in the link', async ({ page }) => {
  await page.goto(at('?type=capital'));
  await expect(page.locator('.result-count')).toHaveText('2 records');
  await expect(page.locator('.totals .total-covers')).toContainText('nothing is added up');
  await page.goto(at('?stream=devolution'));
  await expect(page.locator('.result-count')).toHaveText('6 records');
  await expect(page.locator('.totals .total-covers')).toContainText('of one kind, devolved transformation funds');
  await expect(page.locator('#facet-values-stream')).toContainText('Devolved transformation funds');
});

test('a vanguard with no figure held is found and says so', async ({ page }) => {
  await page.goto(at());
  await page.getByLabel('Search the announcements').fill('gateshead');
  await expect(page.locator('.nothing-found')).toContainText('No figure is held for what you asked for');
  const held = page.locator('.no-figure-held');
  await expect(held.getByRole('heading', { name: 'No figure held' })).toBeVisible();
  await expect(held).toContainText('Gateshead Care Home Project: Vanguard, Enhanced health in care homes (EHCH), chosen 10 March 2015. No figure held.');
  // A link to the care-home model is applied, not dropped as unknown.
  await page.goto(at('?model=EHCH'));
  await expect(page.locator('.notices')).not.toContainText('was ignored');
  await expect(page.locator('.result-count')).toHaveText('No records match');
  await expect(held.locator('li')).toHaveCount(6);
  // With figures found, nothing is listed.
  await page.goto(at('?q=dudley'));
  await expect(page.locator('.record')).not.toHaveCount(0);
  await expect(held).toHaveCount(0);
});

test("a recipient's page sets every source side by side, year by year, and has its own link", async ({ page }) => {
  await page.goto(at('?open=sunderland-all-together-better-2017-18'));
  const reader = page.locator('.reader');
  await reader.locator('.reader-facts').getByRole('link', { name: 'All Together Better Sunderland' }).click();
  await expect(page).toHaveURL(/\?about=all-together-better-sunderland$/);
  await expect(reader.getByRole('heading', { level: 2 })).toHaveText('All Together Better Sunderland');
  await expect(reader.getByRole('heading', { level: 2 })).toBeFocused();
  const rows = reader.locator('.recipient-grid tbody tr');
  await expect(rows).toHaveCount(4);
  await expect(rows.nth(0)).toContainText('2015/16');
  await expect(rows.nth(0)).toContainText('Sources disagree.');
  await expect(rows.nth(0)).toContainText('£6.5m to £6.77m');
  await expect(rows.nth(1)).toContainText('LGC, undated (2015/16, year inferred)');
  await expect(reader.locator('.counting-rule')).toContainText('never an average');
  // The switch to the raw figures, each as its source states it.
  await reader.getByText('Show the raw figures instead').click();
  await expect(reader.locator('.raw-figures li')).toHaveCount(4);
  await expect(reader.locator('.raw-figures li').first()).toContainText('£6.77m (£6,770,000), 2015/16: HSJ.');
  // A source opens its record; Close goes back to the page, then closes it.
  await rows.nth(1).getByRole('link').click();
  await expect(page).toHaveURL(/open=lgc-sunderland-2015-16/);
  await expect(reader.getByRole('heading', { level: 2 })).toHaveText('All Together Better Sunderland: £6.5m');
  await reader.getByRole('button', { name: 'Close the reader' }).click();
  await expect(reader.getByRole('heading', { level: 2 })).toHaveText('All Together Better Sunderland');
  await reader.getByRole('button', { name: 'Close the reader' }).click();
  await expect(page.locator('.reader')).toHaveCount(0);
  // An organisation with no figure has a page that says so.
  await page.goto(at('?about=gateshead-care-home-project'));
  await expect(reader.locator('.recipient-none')).toContainText('No figure held');
});

test('choosing two to four recipients compares them year by year, in the link', async ({ page }) => {
  await withChartsOpen(page);
  await page.goto(at('?recipient=dudley-mcp,all-together-better-sunderland'));
  const chart = page.locator('figure.chart', { has: page.getByRole('heading', { name: 'The chosen recipients, year by year' }) });
  await expect(chart.locator('.chart-summary')).toContainText('Of the 2 recipients compared,');
  await chart.getByRole('button', { name: 'Show as table' }).click();
  const rows = chart.locator('.chart-table tbody tr');
  await expect(rows.first()).toContainText('2015/16');
  await expect(rows.first()).toContainText('£6.5m to £6.77m');
  await expect(rows.first()).toContainText('No figure held');
  // One recipient is not a comparison.
  await page.goto(at('?recipient=dudley-mcp'));
  await expect(page.getByRole('heading', { name: 'The chosen recipients, year by year' })).toHaveCount(0);
});

test('a search that finds nothing says so and offers to clear the filters that exclude results', async ({ page, isMobile }) => {
  await page.goto(at('?q=maubach&fy=2017/18'));
  await expect(page.locator('.result-count')).toHaveText('No records match');
  await expect(page.locator('.nothing-found')).toContainText('Nothing matches “maubach” with these filters.');
  await page.getByRole('button', { name: 'Clear the filters to see the 1 record that matches' }).click();
  await expect(page.locator('.record-title')).toHaveText(['Dudley MCP: £4.4million']);
  await expect(page).toHaveURL(/\?q=maubach$/);
  await page.goto(at('?q=xylophone'));
  await expect(page.locator('.nothing-found')).toContainText('Nothing matches “xylophone”');
  await expect(page.getByRole('button', { name: /Clear the filters/ })).toHaveCount(0);
  // Each facet says it has nothing here, in place of its checkboxes.
  if (isMobile) await page.getByRole('button', { name: 'Filters' }).click();
  const programme = page.getByRole('group', { name: 'Programme' });
  await expect(programme.getByText('None in this view')).toBeVisible();
  await expect(programme.getByRole('checkbox')).toHaveCount(0);
  await page.getByLabel('Search the announcements').fill('');
  await expect(programme.getByRole('checkbox').first()).toBeVisible();
  await expect(programme.getByText('None in this view')).toBeHidden();
});

test('the copied link opens the same view, in the same order, in a fresh browser', async ({ page, browser, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(at());
  await page.getByLabel('Search the announcements').fill('vanguard');
  await page.getByLabel('Sort by').selectOption('amount-desc');
  await expect(page).toHaveURL(/q=vanguard/);
  await page.locator('.record-title a').nth(1).click();
  await expect(page.locator('.reader')).toBeVisible();
  const expectedTitles = await titles(page);
  const expectedReader = await page.locator('.reader h2').innerText();

  // Confirming moves nothing: the toolbar and the list stay where they were.
  const place = () => page.evaluate(() => [document.querySelector('.toolbar').offsetHeight, document.querySelector('.record').getBoundingClientRect().top]);
  const before = await place();
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.locator('.copy-status')).toHaveText('Link copied');
  expect(await place()).toEqual(before);
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  // The address bar is written after the view is drawn; it comes to the same.
  await expect(page).toHaveURL(copied);
  expect(copied).toMatch(/\?q=vanguard&sort=amount-desc&open=/);

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(copied);
  await expect(other.locator('.reader h2')).toHaveText(expectedReader);
  expect(await titles(other)).toEqual(expectedTitles);
  await expect(other.getByLabel('Search the announcements')).toHaveValue('vanguard');
  await fresh.close();
});

test('the reader highlights the search words in the full text', async ({ page }) => {
  await page.goto(at('?q=loneliness&open=west-yorkshire-harrogate-ics-2018'));
  const hits = page.locator('.reader .full-text strong.hit');
  await expect(hits).toHaveText(['loneliness', 'loneliness', 'loneliness']);
  // Figures are still marked.
  await expect(page.locator('.reader .full-text mark')).toHaveCount(6);
});

test('a long facet shows the values with most records, every value on request, and keeps chosen ones', async ({ page }) => {
  await page.goto(at());
  // The explorer is up (isVisible below does not wait for it).
  await expect(page.locator('.record').first()).toBeVisible();
  if (await page.getByRole('button', { name: /^Filters/ }).isVisible()) await page.getByRole('button', { name: /^Filters/ }).click();
  const recipients = page.locator('fieldset.facet', { has: page.locator('legend', { hasText: 'Recipient' }) });
  const options = recipients.locator('li');
  await expect(options).toHaveCount(10);
  const counts = (await recipients.locator('.facet-count').allTextContents()).map((t) => parseInt(t, 10));
  const top = await recipients.locator('.facet-label').allTextContents();
  expect(counts).toEqual([...counts].sort((a, b) => b - a));
  const more = recipients.getByRole('button', { name: /^Show all \d+ recipients, A to Z$/ });
  await expect(more).toHaveAttribute('aria-expanded', 'false');
  const total = parseInt((await more.textContent()).match(/\d+/)[0], 10);
  await more.click();
  await expect(options).toHaveCount(total);
  const names = await recipients.locator('.facet-label').allTextContents();
  expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' })));
  // Choose a value outside the ten, then show fewer: it stays, with the ten.
  const name = names.find((n) => !top.includes(n));
  await options.filter({ has: page.locator('.facet-label', { hasText: name }) }).first().getByRole('checkbox').check();
  await recipients.getByRole('button', { name: 'Show the 10 with most records' }).click();
  await expect(recipients.getByRole('checkbox', { name: new RegExp(`^${name.replace(/[()]/g, '\\$&')}`) })).toBeChecked();
  await expect(options).toHaveCount(11);
});

test("the search box's own examples each find records, and a plural finds what its singular finds", async ({ page }) => {
  await page.goto(at());
  const search = page.getByLabel('Search the announcements');
  // The examples, read from the page: `e.g. dudley, "new care models", transf -sunderland`.
  const placeholder = await search.getAttribute('placeholder');
  const examples = placeholder.replace(/^e\.g\. /, '').match(/"[^"]+"|[^,]+/g).map((e) => e.trim());
  expect(examples.length).toBe(3);
  for (const example of examples) {
    await search.fill(example);
    await expect(page.locator('.result-count')).not.toHaveText('No records match');
    await expect(page.locator('.record').first()).toBeVisible();
  }
  await search.fill('vanguard');
  await expect(page.locator('.result-count')).not.toHaveText('No records match');
  const singular = await page.locator('.result-count').textContent();
  await search.fill('vanguards');
  await expect(page.locator('.result-count')).toHaveText(singular);
});

test('a misspelt search offers the word the data has, and choosing it finds records', async ({ page }) => {
  await page.goto(at('?q=dudly'));
  await expect(page.locator('.result-count')).toHaveText('No records match');
  await page.getByRole('button', { name: 'Did you mean “dudley”?' }).click();
  await expect(page).toHaveURL(/\?q=dudley$/);
  await expect(page.getByLabel('Search the announcements')).toHaveValue('dudley');
  await expect(page.locator('.record').first()).toBeVisible();
  await expect(page.locator('.record-title strong.hit').first()).toHaveText(/dudley/i);
});

test('every result shows why it matched: its words marked, or where they are', async ({ page }) => {
  await page.goto(at('?q=transformation%20-sunderland'));
  const rows = page.locator('.record');
  await expect(rows.first()).toBeVisible();
  const count = await rows.count();
  expect(count).toBeGreaterThan(5);
  let told = 0;
  for (let i = 0; i < count; i++) {
    const row = rows.nth(i);
    const marked = await row.locator('strong.hit').count();
    const where = await row.locator('.matched-in').count();
    expect(marked + where, `row ${i + 1}`).toBeGreaterThan(0);
    if (where) {
      await expect(row.locator('.matched-in')).toHaveText(/^Matched in: /);
      told += 1;
    }
  }
  expect(told).toBeGreaterThan(0);
});

test('sorted by amount, money for recipients comes before programme totals and fund sizes', async ({ page }) => {
  await page.goto(at('?sort=amount-desc'));
  const rows = page.locator('.record');
  await expect(rows.first()).toBeVisible();
  // The first page is all money for recipients (a row names any other role),
  // largest first.
  await expect(rows.locator('.role-badge')).toHaveCount(0);
  const pounds = await rows.locator('.amount-in-pounds').allTextContents();
  const numbers = pounds.map((p) => Number(p.replace(/[£,]/g, '')));
  expect(numbers).toEqual([...numbers].sort((a, b) => b - a));
  // The programme totals follow, after every grant.
  while (await page.getByRole('button', { name: /^Show \d+ more/ }).count()) {
    const more = page.getByRole('button', { name: /^Show \d+ more/ });
    await more.scrollIntoViewIfNeeded();
    await more.click();
  }
  const roles = await rows.evaluateAll((all) => all.map((r) => r.querySelector('.role-badge')?.textContent ?? 'money'));
  const firstOther = roles.findIndex((r) => r !== 'money');
  expect(firstOther).toBeGreaterThan(0);
  expect(roles.slice(firstOther).every((r) => r !== 'money')).toBe(true);
});
