// The suite's `test`: every page fails its test on a script error, a dialog
// (alert from injected markup) or a Content-Security-Policy violation.
import { test as base, expect } from '@playwright/test';

export const test = base.extend({
  page: async ({ page }, use) => {
    const problems = [];
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('dialog', async (dialog) => {
      problems.push(`dialog opened: ${dialog.message()}`);
      await dialog.dismiss();
    });
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) problems.push(`CSP: ${message.text()}`);
    });
    await use(page);
    expect(problems, 'the page reported problems').toEqual([]);
  },
});

export { expect };

/** The address of the explorer (or the hostile build) with `query`. */
export const at = (query = '') => `${process.env.BASE_URL}${query}`;
export const hostile = (query = '') => `${process.env.HOSTILE_URL}${query}`;

/** Opens the charts on every page `page` loads, as the page remembers a
 *  person's choice (they start folded, one click away). */
export const withChartsOpen = (page) =>
  page.addInitScript(() => localStorage.setItem('funding-explorer.charts-open', 'true'));
