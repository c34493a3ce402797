// "Add a text": a person pastes, drops or chooses a text, reviews what the
// extractor found, keeps it in this browser, finds it again after a reload,
// shares it as a link, exports it as files that data/'s own checks accept,
// and never loses what is stored, even when it is damaged.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, at, withChartsOpen } from './fixtures.mjs';

// A text written for these tests (no published article is copied here).
const OWN_TEXT = `Riverside Care Partnership to receive £1.25m

Published 3 March 2019

The Riverside Care Partnership will receive £1.25 million in 2019/20 to join up community nursing and social care, part of a £20m regional programme. Dudley MCP shared its learning.`;

const SEED = readFileSync('data/announcements/000_e02a0333c431fb2f.txt', 'utf8');

/** Opens "Add a text" and pastes `text`, then asks for the figures. */
async function paste(page, text) {
  await page.getByRole('button', { name: 'Add a text' }).click();
  await expect(page.locator('#add-heading')).toBeFocused();
  await page.getByLabel('Text of the announcement').fill(text);
  await page.getByRole('button', { name: 'Find the figures' }).click();
  await expect(page.locator('#review-heading')).toHaveText('Review what was found');
}

/** Reviews the own text: details, and its first figure as money for a new recipient. */
async function reviewOwnText(page) {
  await page.getByLabel('Title').fill('Riverside gets £1.25m');
  await page.getByLabel('Publisher').fill('A paper of our own');
  await page.getByLabel('Date published').selectOption({ label: '3 March 2019' });
  await page.getByLabel('Source address').fill('https://example.org/riverside');
  await page.locator('#review-programme').selectOption({ label: 'Integrated care system' });
  await page.getByLabel('Another recipient (a known organisation, or a new one)').fill('Riverside Care Partnership');
  await page.locator('#figure-0-role').selectOption('allocation');
}

async function keepOwnText(page) {
  await paste(page, OWN_TEXT);
  await reviewOwnText(page);
  await page.getByRole('button', { name: 'Keep it' }).click();
  await expect(page.locator('.reader h2')).toHaveText('Riverside gets £1.25m');
}

test('a text written here is found, reviewed, kept, and found again after a reload', async ({ page }) => {
  await page.goto(at());
  await paste(page, OWN_TEXT);
  // Every find is marked in the text; each amount links to its form.
  await expect(page.locator('.review-summary')).toContainText('Found 3 amounts of money, 1 financial year, 1 date, 1 organisation the data knows');
  await expect(page.locator('.review-words a.find-amount')).toHaveText(['£1.25m', '£1.25 million', '£20m']);
  await expect(page.locator('.review-words .find-financial-year')).toHaveText('2019/20');
  await expect(page.locator('.review-words .find-date')).toHaveText('3 March 2019');
  await expect(page.locator('.review-words .find-organisation')).toHaveText('Dudley MCP');
  // Nothing is filled in that the text does not state for certain: no
  // year (its sentence's year is a hint), no programme, no recipient.
  await expect(page.locator('#figure-1-period')).toHaveValue('');
  await expect(page.locator('#figure-1')).toContainText('Its sentence names 2019/20');
  await expect(page.locator('#review-programme')).toHaveValue('not_stated');
  await expect(page.locator('#review-programme option:checked')).toHaveText('Not stated');
  await expect(page.locator('#recipient-dudley-mcp')).not.toBeChecked();
  expect(await page.locator('.review-figure select[id$="-role"]').evaluateAll((s) => s.map((e) => e.value))).toEqual(['context', 'context', 'context']);
  // Nothing is kept before the person confirms.
  expect(await page.evaluate(() => localStorage.getItem('funding-explorer.yours'))).toBeNull();
  await reviewOwnText(page);
  await page.getByLabel('Keep this figure').nth(2).uncheck();
  await expect(page.locator('#found-2')).toHaveClass(/is-dropped/);
  await page.getByRole('button', { name: 'Keep it' }).click();

  // Kept: it opens in the reader, marked as the person's, its figures there.
  const reader = page.locator('.reader');
  await expect(reader.locator('h2')).toHaveText('Riverside gets £1.25m');
  await expect(reader.locator('.record-kind')).toHaveText('Added by you, full text');
  await expect(reader.locator('.figure')).toHaveCount(2);
  await expect(page.locator('.yours-said')).toContainText('Kept “Riverside gets £1.25m”');

  await page.reload();
  await page.getByRole('searchbox').fill('riverside');
  const row = page.locator('.record').first();
  await expect(row.locator('.record-title')).toHaveText('Riverside gets £1.25m');
  await expect(row.locator('.record-kind')).toHaveText('Added by you, full text');
  // The source filter finds it as the person's.
  await page.goto(at('?text=yours'));
  await expect(page.locator('.record')).toHaveCount(1);
  // Its recipient has a page, with the figure as the person's.
  await page.goto(at('?about=riverside-care-partnership'));
  await expect(page.locator('.reader h2')).toHaveText('Riverside Care Partnership');
  await expect(page.locator('.reader')).toContainText('A paper of our own, 3 March 2019 (period not stated) (added by you)');
});

test('a seed text added again is found, with its money, dates and vanguard marked', async ({ page }) => {
  await page.goto(at());
  await paste(page, SEED);
  await expect(page.locator('.review-words a.find-amount').first()).toHaveText('£4.8m');
  await expect(page.locator('.review-words .find-date').first()).toBeVisible();
  // The vanguard is offered, not ticked; the programme is the text's own word.
  await expect(page.locator('#recipient-all-together-better-sunderland')).not.toBeChecked();
  await expect(page.locator('#review-programme')).toHaveValue('new_care_models');
  await page.locator('#recipient-all-together-better-sunderland').check();
  await page.getByLabel('Title').fill('Sunderland, added by hand');
  await page.locator('#figure-0-role').selectOption('allocation');
  await page.getByRole('button', { name: 'Keep it' }).click();
  await expect(page.locator('.reader h2')).toHaveText('Sunderland, added by hand');
  await page.reload();
  await page.getByRole('searchbox').fill('added by hand');
  await expect(page.locator('.record .record-title')).toHaveText(['Sunderland, added by hand']);
});

test('a file chosen or dropped is read as text only; a file that is not text is refused and nothing kept is lost', async ({ page }) => {
  await page.goto(at());
  await keepOwnText(page);
  await page.getByRole('button', { name: 'Add a text' }).click();
  // An HTML file: its text is read, its markup and script are not.
  const html = '<html><head><script>alert("x")</script></head><body><h1>Trust <img src=x onerror=alert(1)> gets &pound;3m</h1><p>For 2018/19.</p></body></html>';
  await page.locator('#add-file').setInputFiles({ name: 'board <b>paper</b>.html', mimeType: 'text/html', buffer: Buffer.from(html) });
  await expect(page.locator('#review-heading')).toHaveText('Review what was found');
  await expect(page.locator('.review-file')).toHaveText('From the file “board <b>paper</b>.html”');
  await expect(page.locator('.review-words')).toHaveText('Trust gets £3m\nFor 2018/19.');
  await expect(page.locator('.review-words img')).toHaveCount(0);
  await page.getByRole('button', { name: 'Cancel' }).first().click();

  // A dropped file.
  await expect(page.locator('#add-heading')).toBeVisible();
  const dropped = await page.evaluateHandle(() => {
    const data = new DataTransfer();
    data.items.add(new File(['Council gets £2.5m for 2020/21.'], 'dropped.txt', { type: 'text/plain' }));
    return data;
  });
  await page.locator('.add-panel').dispatchEvent('drop', { dataTransfer: dropped });
  await expect(page.locator('.review-words a.find-amount')).toHaveText(['£2.5m']);
  await expect(page.locator('.review-file')).toHaveText('From the file “dropped.txt”');
  await page.getByRole('button', { name: 'Cancel' }).first().click();

  // Binary, and too large: a clear message; the kept record is still there.
  await page.locator('#add-file').setInputFiles({ name: 'photo.txt', mimeType: 'text/plain', buffer: Buffer.from([0xff, 0xd8, 0x00, 0x10]) });
  await expect(page.locator('.add-said')).toHaveText('"photo.txt" is not text (it holds binary data).');
  await page.locator('#add-file').setInputFiles({ name: 'huge.txt', mimeType: 'text/plain', buffer: Buffer.alloc(2_500_000, 'a') });
  await expect(page.locator('.add-said')).toContainText('“huge.txt” is 2500 KB');
  await expect(page.locator('.yours-list li')).toHaveCount(1);
  await expect(page.locator('.yours-list')).toContainText('Riverside gets £1.25m');
});

test('a source address that is not a web address is refused, and money for a recipient needs one', async ({ page }) => {
  await page.goto(at());
  await paste(page, OWN_TEXT);
  await page.getByLabel('Source address').fill('javascript:alert(1)');
  await page.locator('#review-programme').selectOption({ label: 'Integrated care system' });
  await page.locator('#figure-0-role').selectOption('allocation');
  await page.getByRole('button', { name: 'Keep it' }).click();
  const problems = page.locator('#review-problems');
  await expect(problems).toBeFocused();
  await expect(problems).toContainText('The source address must be a web address');
  await expect(problems).toContainText('Money for a recipient needs its recipient');
  expect(await page.evaluate(() => localStorage.getItem('funding-explorer.yours'))).toBeNull();
});

test('a kept text is edited, deleted, and put back with Undo', async ({ page }) => {
  await page.goto(at());
  await keepOwnText(page);
  await page.locator('.reader').getByRole('button', { name: 'Edit' }).click();
  await expect(page.locator('#review-heading')).toHaveText('Edit your text');
  await expect(page.getByLabel('Title')).toHaveValue('Riverside gets £1.25m');
  await page.getByLabel('Title').fill('Riverside gets £1.25m (edited)');
  await page.getByRole('button', { name: 'Keep it' }).click();
  await expect(page.locator('.reader h2')).toHaveText('Riverside gets £1.25m (edited)');
  await page.locator('.reader').getByRole('button', { name: 'Delete' }).click();
  await expect(page.locator('#undo-delete')).toBeFocused();
  await expect(page.locator('.reader')).toHaveCount(0);
  await page.getByRole('searchbox').fill('riverside');
  await expect(page.locator('.record')).toHaveCount(0);
  await page.locator('#undo-delete').click();
  await page.getByRole('searchbox').fill('riverside gets');
  await expect(page.locator('.record .record-title')).toHaveText(['Riverside gets £1.25m (edited)']);
});

test('a share link carries the record to a fresh browser, shown as someone else\'s until kept', async ({ page, browser }) => {
  await page.goto(at());
  await keepOwnText(page);
  await page.locator('.reader').getByRole('button', { name: 'Share link' }).click();
  const link = await page.locator('.share-link input').inputValue();
  expect(link).toContain('#share=');

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  const errors = [];
  other.on('pageerror', (e) => errors.push(e.message));
  await other.goto(link);
  await expect(other.locator('#review-heading')).toHaveText('A record shared with you');
  await expect(other.locator('.shared-note')).toContainText('not in your list or your totals unless you keep it');
  await expect(other.getByLabel('Title')).toHaveValue('Riverside gets £1.25m');
  // Not mixed into the data: the search does not find it yet.
  await other.getByRole('searchbox').fill('riverside');
  await expect(other.locator('.record')).toHaveCount(0);
  expect(await other.evaluate(() => localStorage.getItem('funding-explorer.yours'))).toBeNull();
  await other.getByRole('button', { name: 'Keep a copy' }).click();
  await expect(other.locator('.reader h2')).toHaveText('Riverside gets £1.25m');
  await other.reload();
  await other.getByRole('searchbox').fill('riverside');
  await expect(other.locator('.record .record-kind')).toHaveText(['Added by you, full text']);
  // A link cut short is said, and nothing is kept from it.
  await other.goto(link.slice(0, link.length - 40));
  await expect(other.locator('.add-said')).toContainText('could not be opened');
  expect(errors).toEqual([]);
  await fresh.close();
});

test('exported files pass `announcements validate`, and import back', async ({ page }) => {
  await page.goto(at());
  await keepOwnText(page);
  await page.locator('.reader').getByRole('button', { name: 'Export files' }).click();
  const buttons = page.locator('.export-files button');
  await expect(buttons).toHaveText(['Download riverside-gets-1-25m.toml', 'Download riverside-gets-1-25m.txt', 'Download organisations-to-add.toml']);
  const dir = mkdtempSync(join(tmpdir(), 'exported-'));
  try {
    cpSync('data', join(dir, 'data'), { recursive: true });
    const files = {};
    for (let n = 0; n < 3; n++) {
      const [download] = await Promise.all([page.waitForEvent('download'), buttons.nth(n).click()]);
      const path = join(dir, download.suggestedFilename());
      await download.saveAs(path);
      files[download.suggestedFilename()] = readFileSync(path, 'utf8');
    }
    writeFileSync(join(dir, 'data/announcements/riverside-gets-1-25m.toml'), files['riverside-gets-1-25m.toml']);
    writeFileSync(join(dir, 'data/announcements/riverside-gets-1-25m.txt'), files['riverside-gets-1-25m.txt']);
    appendFileSync(join(dir, 'data/organisations.toml'), `\n${files['organisations-to-add.toml']}`);
    const said = execFileSync('cargo', ['run', '-q', '-p', 'funding-core', '--bin', 'announcements', '--', 'validate', '--data', join(dir, 'data')], { encoding: 'utf8' });
    expect(said).toContain('no problems');
    expect(said).toContain('6 announcements');

    // Imported into a browser that has none of it.
    await page.evaluate(() => localStorage.clear());
    await page.goto(at());
    await page.getByRole('button', { name: 'Add a text' }).click();
    await page.getByText('Import files written for the dataset').click();
    await page.locator('#add-import').setInputFiles(Object.keys(files).map((name) => join(dir, name)));
    await expect(page.locator('.add-said')).toHaveText('Imported 1: Riverside gets £1.25m.');
    await expect(page.locator('.yours-list li')).toHaveCount(1);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('damaged stored records are moved aside with a message, nothing lost, and the explorer still works', async ({ page }) => {
  await page.addInitScript(() => {
    if (!sessionStorage.getItem('seeded')) {
      sessionStorage.setItem('seeded', '1');
      localStorage.setItem('funding-explorer.yours', 'RkV5MQ-damaged-by-hand');
    }
  });
  await page.goto(at());
  const alert = page.locator('.yours-problem');
  await expect(alert).toContainText('could not be read');
  await expect(alert).toContainText('Nothing was deleted');
  expect(await page.evaluate(() => localStorage.getItem('funding-explorer.yours.unreadable'))).toBe('RkV5MQ-damaged-by-hand');
  const [download] = await Promise.all([page.waitForEvent('download'), alert.getByRole('button', { name: 'Download what was stored' }).click()]);
  expect(download.suggestedFilename()).toBe('funding-explorer-stored.txt');
  await expect(page.locator('.record').first()).toBeVisible();
  // New texts are stored apart; the damaged copy stays where it was put.
  await keepOwnText(page);
  await page.reload();
  await expect(page.locator('.yours-problem')).toHaveCount(0);
  expect(await page.evaluate(() => localStorage.getItem('funding-explorer.yours.unreadable'))).toBe('RkV5MQ-damaged-by-hand');
});

test('a long text shows its first twenty figures\' forms, the rest on request or from their marks', async ({ page }) => {
  await page.goto(at());
  const lines = Array.from({ length: 30 }, (_, n) => `Trust ${n + 1} gets £${n + 1}m for 2019/20.`);
  await paste(page, lines.join('\n'));
  await expect(page.locator('.review-figure')).toHaveCount(20);
  // The 25th amount's mark draws the rest and goes to its form.
  await page.locator('#found-24').click();
  await expect(page.locator('.review-figure')).toHaveCount(30);
  await expect(page.locator('#figure-24')).toBeFocused();
  await expect(page.locator('#figure-24 legend')).toContainText('£25m');
});

test('adding a text has no serious accessibility violations, and works with the keyboard alone', async ({ page, isMobile }) => {
  const AxeBuilder = (await import('@axe-core/playwright')).default;
  const serious = async () =>
    (await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()).violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join('; ')})`);
  await page.goto(at());
  await expect(page.locator('.record').first()).toBeVisible();
  if (isMobile) {
    await paste(page, OWN_TEXT);
    expect(await serious()).toEqual([]);
    return;
  }
  // Keyboard only: to "Add a text", paste, find, review, keep.
  await page.locator('#add-open').focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('#add-heading')).toBeFocused();
  expect(await serious()).toEqual([]);
  await page.keyboard.press('Tab'); // Close
  await page.keyboard.press('Tab'); // the text
  await expect(page.locator('#add-text')).toBeFocused();
  await page.keyboard.insertText(OWN_TEXT);
  await page.keyboard.press('Tab');
  await expect(page.locator('#add-find')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('#review-heading')).toBeFocused();
  expect(await serious()).toEqual([]);
  await page.locator('#review-title').focus();
  await page.keyboard.insertText('Typed with keys');
  await page.locator('#review-programme').focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.locator('#review-programme')).toHaveValue('new_care_models');
  await page.locator('#figure-0-role').focus();
  // From "Context" (where every figure starts) up to "Money for a recipient", the first choice.
  for (let n = 0; n < 3; n++) await page.keyboard.press('ArrowUp');
  await expect(page.locator('#figure-0-role')).toHaveValue('allocation');
  await page.locator('#review-new-recipient').focus();
  await page.keyboard.insertText('Keyboard Trust');
  await page.locator('#review-keep').focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('.reader h2')).toHaveText('Typed with keys');
  await expect(page.locator('.reader .figure').first()).toContainText('Money for the recipient');
  expect(await serious()).toEqual([]);
});

test('two tabs keep texts without writing over each other', async ({ page, context }) => {
  const other = await context.newPage();
  await page.goto(at());
  await other.goto(at());
  await expect(other.locator('.record').first()).toBeVisible();
  await keepOwnText(page);
  // The other tab, opened before, keeps a text of its own.
  await paste(other, 'Second Trust gets £3m.');
  await other.getByLabel('Title').fill('Second Trust gets £3m');
  await other.locator('#review-programme').selectOption({ label: 'Integrated care system' });
  await other.getByRole('button', { name: 'Keep it' }).click();
  await expect(other.locator('.reader h2')).toHaveText('Second Trust gets £3m');
  // Both are kept, and the first tab shows the second's text too.
  await page.getByRole('searchbox').fill('trust');
  await expect(page.locator('.record .record-title')).toContainText(['Second Trust gets £3m']);
  await page.reload();
  await page.goto(at('?text=yours'));
  await expect(page.locator('.record')).toHaveCount(2);
  await other.close();
});

test('an imported figure with an inferred year keeps it through an edit', async ({ page }) => {
  const text = 'Inferred Trust gets £2m.';
  const toml = `id = "inferred-trust"
text_file = "inferred-trust.txt"
title = "Inferred Trust gets £2m"
recipients = ["Dudley MCP"]
programme = "new_care_models"

[[items]]
key = "grant"
amount_gbp = 2000000
period = "2018/19"
period_inferred = "The board paper is for 2018/19"
role = "allocation"
stream = "not-stated"
money_type = "not-stated"
evidence = [{ start = 20, end = 23, quote = "£2m" }]
`;
  await page.goto(at());
  await page.getByRole('button', { name: 'Add a text' }).click();
  await page.getByText('Import files written for the dataset').click();
  await page.locator('#add-import').setInputFiles([
    { name: 'inferred-trust.toml', mimeType: 'application/toml', buffer: Buffer.from(toml) },
    { name: 'inferred-trust.txt', mimeType: 'text/plain', buffer: Buffer.from(text) },
  ]);
  await expect(page.locator('.add-said')).toHaveText('Imported 1: Inferred Trust gets £2m.');
  await page.locator('.yours-list').getByRole('button', { name: 'Edit' }).click();
  await expect(page.locator('#figure-0-period')).toHaveValue('2018/19');
  await page.getByLabel('Title').fill('Inferred Trust gets £2m, edited');
  await page.getByRole('button', { name: 'Keep it' }).click();
  await expect(page.locator('.reader .figure').first()).toContainText('2018/19');
});

test('a total, a chart and a disagreement that rest on a kept text say so', async ({ page }) => {
  await withChartsOpen(page);
  // HSJ gives Sunderland £4.8m of vanguard money for 2016/17; this text,
  // written for the test, gives £5.1m.
  await page.goto(at());
  await paste(page, 'Sunderland to get £5.1m\n\nPublished 3 March 2016\n\nAll Together Better Sunderland will receive £5.1m in 2016/17 from the vanguard fund.');
  await page.getByLabel('Title').fill('Sunderland to get £5.1m');
  await page.getByLabel('Publisher').fill('A paper of our own');
  await page.getByLabel('Date published').selectOption({ label: '3 March 2016' });
  await page.locator('#recipient-all-together-better-sunderland').check();
  await page.locator('#review-programme').selectOption('new_care_models');
  await page.locator('#figure-1-role').selectOption('allocation');
  await page.locator('#figure-1-stream').selectOption('vanguard-fund');
  await page.locator('#figure-1-period').selectOption('2016/17');
  await page.getByRole('button', { name: 'Keep it' }).click();
  await expect(page.locator('.reader h2')).toHaveText('Sunderland to get £5.1m');

  await page.goto(at('?recipient=all-together-better-sunderland&fy=2016/17'));
  const note = 'includes money from texts you added in this browser, not in the published data';
  await expect(page.locator('#totals-summary')).toContainText(note);
  const byYear = page.locator('figure.chart').first();
  await expect(byYear.locator('.chart-summary')).toContainText(`It ${note}.`);
  await page.locator('#totals-explained summary').click();
  await expect(page.locator('.disagreements')).toContainText('£4.8m (HSJ) or £5.1m (A paper of our own, added by you)');
  // The timeline draws it as one's own, with its own key.
  const timeline = page.locator('figure.chart').nth(2);
  await expect(timeline.locator('.chart-legend')).toContainText('Added by you in this browser');
  await expect(timeline.locator('.chart-summary')).toContainText('1 of them added by you in this browser');

  // Without it (the published data alone), nothing says so.
  await page.evaluate(() => localStorage.removeItem('funding-explorer.yours'));
  await page.reload();
  await expect(page.locator('#totals-summary')).toContainText('£4.8m');
  await expect(page.locator('#totals-summary')).not.toContainText(note);
  await expect(byYear.locator('.chart-summary')).not.toContainText(note);
  await expect(timeline.locator('.chart-legend')).not.toContainText('by you');
});

test('a text that names no programme is kept with the programme not stated, and found by it', async ({ page }) => {
  await page.goto(at());
  await paste(page, OWN_TEXT);
  await page.getByLabel('Title').fill('Riverside, programme unknown');
  await page.getByLabel('Another recipient (a known organisation, or a new one)').fill('Riverside Care Partnership');
  await page.locator('#figure-0-role').selectOption('allocation');
  await page.getByRole('button', { name: 'Keep it' }).click();
  const reader = page.locator('.reader');
  await expect(reader.locator('h2')).toHaveText('Riverside, programme unknown');
  await expect(reader).toContainText('ProgrammeNot stated');
  // The Programme filter offers it; the published data has no such value.
  await page.goto(at('?programme=none'));
  await expect(page.locator('.record .record-title')).toHaveText(['Riverside, programme unknown']);
  await expect(page.locator('#facet-programme-none')).toBeChecked();
  await expect(page.locator('label[for="facet-programme-none"]')).toContainText('Not stated');
  // "Not stated" is no words of the record's to find it by.
  await page.goto(at('?q=riverside+stated'));
  await expect(page.locator('.result-count')).toHaveText('No records match');
});

test('figures for different recipients are kept as a record for each', async ({ page }) => {
  await page.goto(at());
  await paste(page, 'Two vanguards share £9.2m\n\nAll Together Better Sunderland will receive £4.8m in 2016/17 and Dudley MCP will receive £4.4m in 2016/17 from the vanguard fund.');
  await page.getByLabel('Title').fill('Two vanguards share £9.2m');
  await page.locator('#recipient-all-together-better-sunderland').check();
  await page.locator('#recipient-dudley-mcp').check();
  // "For" is asked only of money for a recipient, once the text has two.
  await expect(page.locator('#figure-1-for')).toHaveCount(0);
  for (const [n, whom] of [[1, 'all-together-better-sunderland'], [2, 'dudley-mcp']]) {
    await page.locator(`#figure-${n}-role`).selectOption('allocation');
    await page.locator(`#figure-${n}-for`).selectOption(whom);
    await page.locator(`#figure-${n}-period`).selectOption('2016/17');
  }
  await expect(page.locator('#figure-0-for')).toHaveCount(0);
  await page.getByRole('button', { name: 'Keep it' }).click();
  await expect(page.locator('.yours-said')).toContainText(
    'Kept 2 records, one for each recipient or group of them: “Two vanguards share £9.2m (All Together Better Sunderland)”, “Two vanguards share £9.2m (Dudley MCP)”',
  );
  await expect(page.locator('.reader h2')).toHaveText('Two vanguards share £9.2m (All Together Better Sunderland)');
  // Dudley's money is Dudley's alone, not shared jointly with Sunderland.
  await page.goto(at('?recipient=dudley-mcp&text=yours'));
  await expect(page.locator('.record .record-title')).toHaveText(['Two vanguards share £9.2m (Dudley MCP)']);
  await page.goto(at('?about=dudley-mcp'));
  await expect(page.locator('.raw-figures')).toContainText('£4.4m (£4,400,000), 2016/17: Publisher not stated (added by you).');
  await expect(page.locator('.recipient-grid')).toContainText('£4.4m');
  await expect(page.locator('.recipient-grid')).not.toContainText('jointly with All Together Better Sunderland');
});
