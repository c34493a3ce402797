// "Add a text" on a 20,000-word paste, in Chromium, on the release build in
// dist/: from the click on "Find the figures" to the review drawn with every
// find marked (the frame after the marks are in the page). Target: 200 ms.
// Also the panel's first load (the import of its wasm, once a visit).
//
//   node tests/bench/add-text.mjs [runs=7] [dist=dist]
//
// The text is the five seed texts repeated to 20,000 words. Timings are not
// tests: run on a quiet machine, and compare builds in one run.
import { readdirSync, readFileSync } from 'node:fs';
import { launchChromium } from './chromium.mjs';
import { serveDirectory } from '../e2e/static-server.mjs';

const runs = Number(process.argv[2] ?? 7);
const dist = process.argv[3] ?? 'dist';
const WORDS = 20_000;

const seeds = readdirSync('data/announcements')
  .filter((f) => f.endsWith('.txt'))
  .map((f) => readFileSync(`data/announcements/${f}`, 'utf8'))
  .join('\n\n');
const words = seeds.split(/(\s+)/);
let text = '';
for (let n = 0, i = 0; n < WORDS; i = (i + 1) % words.length) {
  text += words[i];
  if (/\S/.test(words[i])) n++;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const server = await serveDirectory(dist, { gzip: true });
const browser = await launchChromium();
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
await page.goto(server.url);
await page.locator('.record').first().waitFor();

const loadStart = Date.now();
await page.locator('#add-open').click();
await page.locator('#add-text').waitFor();
const panelLoad = Date.now() - loadStart;

const times = [];
let marks = 0;
for (let run = 0; run < runs; run++) {
  await page.locator('#add-text').fill(text);
  const { ms, found } = await page.evaluate(async () => {
    const start = performance.now();
    document.querySelector('#add-find').click();
    await new Promise((resolve) => {
      const check = () => (document.querySelector('.review-words') ? resolve() : requestAnimationFrame(check));
      check();
    });
    // The frame that shows the marks.
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    return { ms: performance.now() - start, found: document.querySelectorAll('.review-words .find').length };
  });
  times.push(ms);
  marks = found;
  await page.locator('.review .add-bar button').click();
}
await browser.close();
await server.close();

console.log(`20,000-word paste (${text.length} characters, ${marks} finds marked), ${runs} runs`);
console.log(`  extract and show marked: median ${median(times).toFixed(0)} ms, worst ${Math.max(...times).toFixed(0)} ms (target 200 ms)`);
console.log(`  runs: ${times.map((t) => t.toFixed(0)).join(', ')} ms`);
console.log(`  the panel's first load (click to the panel shown, its wasm from a local server): ${panelLoad} ms`);
