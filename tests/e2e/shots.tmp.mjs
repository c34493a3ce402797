import { chromium } from 'playwright-core';
import { serveDirectory } from './static-server.mjs';
const { url, close } = await serveDirectory('dist');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const views = [
  ['default', '', null],
  ['fy2016', '?fy=2016/17', null],
  ['surrey', '?recipient=surrey-heartlands', null],
  ['reader', '?open=west-yorkshire-harrogate-ics-2018', null],
  ['gateshead', '?q=gateshead', null],
];
for (const [w, h, tag] of [[1280, 900, 'desk'], [375, 812, 'phone']]) {
  const page = await browser.newPage({ viewport: { width: w, height: h } });
  for (const [name, q] of views) {
    await page.goto(url + q);
    await page.waitForSelector('.result-count:not(:empty)');
    await page.waitForTimeout(300);
    if (name === 'default') {
      for (const d of await page.locator('.totals details').all()) await d.evaluate((e) => (e.open = true));
    }
    await page.screenshot({ path: `/tmp/shots/${name}-${tag}.png`, fullPage: name !== 'reader' });
  }
  await page.close();
}
await browser.close();
await close();
