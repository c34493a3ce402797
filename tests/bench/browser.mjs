// Browser benchmarks of the release build in dist/, in Debian's headless
// Chromium on this machine: first-load size, time to the list with all data,
// interaction latency, and wasm memory. Run after `trunk build --release`:
//
//     node tests/bench/browser.mjs [runs] [dist folder] [synthetic]
//
// Prints a Markdown table (median, min, max) for BENCHMARKS.md, each figure
// beside the issue's target and whether it is met.
import { launchChromium, listShownProbe } from './chromium.mjs';
import { BUDGET, firstLoadSizes } from '../../scripts/first-load.mjs';
import { serveDirectory } from '../e2e/static-server.mjs';

const RUNS = Number(process.argv[2] ?? 15);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const stats = (xs) => ({ median: median(xs), min: Math.min(...xs), max: Math.max(...xs), runs: xs.length });
const fmt = (s, unit = 'ms') => `${s.median.toFixed(1)} ${unit} (min ${s.min.toFixed(1)}, max ${s.max.toFixed(1)}, ${s.runs} runs)`;

// 1. What the first load transfers, gzip -9 (sizes are deterministic).
const dist = process.argv[3] ?? 'dist';
const { files: gz, wasm: wasmBytes, total } = firstLoadSizes(dist);

const server = await serveDirectory(dist);
const browser = await launchChromium();

// Keeps the wasm instance (the list's moment is marked by listShownProbe).
const probe = () => {
  addEventListener('TrunkApplicationStarted', (e) => {
    window.__wasm = e.detail.wasm;
  });
};

// 2. Navigation start to the list rendered with all data, cold (fresh context),
//    and to the first paint of anything (the browser's first-contentful-paint).
const loads = [];
const firstPaints = [];
let memory = 0;
for (let i = 0; i < RUNS; i++) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.addInitScript(listShownProbe);
  await page.addInitScript(probe);
  await page.goto(server.url);
  await page.waitForFunction(() => window.__listShownAt !== undefined);
  loads.push(await page.evaluate(() => window.__listShownAt));
  // Chromium does not always record it (a load it counts as backgrounded).
  const firstPaint = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime);
  if (firstPaint !== undefined) firstPaints.push(firstPaint);
  if (i === 0) {
    await page.waitForFunction(() => window.__wasm !== undefined);
    memory = await page.evaluate(() => window.__wasm.memory.buffer.byteLength);
  }
  await context.close();
}

// 3. Interaction: a filter click, and a search keystroke. Each is timed from the input to the moment the page has settled: every
//    update Leptos queued has run and the browser has laid out the result.
const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 1280, height: 900 } });
const page = await context.newPage();
await page.goto(server.url);
await page.waitForSelector('.record');
// The page's work in answer to an input is done when the tasks it queued have
// run: Leptos updates the DOM in microtasks, so a message posted after the
// input is handled after them. Reading offsetHeight then makes the browser
// lay out the updated page too, so style and layout are counted.
await page.evaluate(() => {
  window.__settled = () => new Promise((done) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      void document.body.offsetHeight;
      done(performance.now());
    };
    channel.port2.postMessage(0);
  });
});
const clickOnce = () =>
  page.evaluate(async () => {
    const box = document.querySelector('#facet-caremodel-mcp');
    const before = document.querySelector('.result-count').textContent;
    let drew = false;
    requestAnimationFrame(() => { drew = true; });
    const t0 = performance.now();
    box.click();
    const t1 = await window.__settled();
    if (document.querySelector('.result-count').textContent === before) throw new Error('the click changed nothing');
    return { ms: t1 - t0, drew };
  });
// Each differs from the one before, so every keystroke changes the list.
const words = ['t', 'tr', 'tra', 'tran', 'trans', 'transf', 'dudley', 'vanguard', 'care', 'sunderland'];
const keystrokeOnce = (word) =>
  page.evaluate(async (word) => {
    const input = document.querySelector('#search');
    const main = document.querySelector('main');
    let fired;
    const firedAt = new Promise((done) => { fired = done; });
    // The search runs in a task of its own after the key: the page has
    // answered once it has changed and settled.
    const observer = new MutationObserver(() => {
      observer.disconnect();
      fired(performance.now());
    });
    observer.observe(main, { childList: true, subtree: true, characterData: true, attributes: true });
    let drew = false;
    requestAnimationFrame(() => { drew = true; });
    const t0 = performance.now();
    input.value = word;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await firedAt;
    const t1 = await window.__settled();
    return { ms: t1 - t0, drew };
  }, word);
const measure = async () => {
  const clicks = [];
  for (let i = 0; i < RUNS * 2; i++) clicks.push(await clickOnce());
  const keystrokes = [];
  for (let i = 0; i < RUNS * 2; i++) keystrokes.push(await keystrokeOnce(words[i % words.length]));
  // Back to the whole list for the next round.
  await keystrokeOnce('');
  return { clicks, keystrokes };
};
// At the top of the page, as a link opens it: the first chart is in view,
// the other two and the list below it (the browser skips laying out and
// painting what is off screen, content-visibility). Then with all three
// charts in view, where the browser must draw each one.
const atTop = await measure();
await page.evaluate(() => document.querySelector('#charts').scrollIntoView());
const chartsInView = await measure();
await browser.close();
await server.close();

// The issue's targets. On synthetic data (the third argument, `synthetic`)
// only the keystroke has one: every key within 50 ms, so the median and the
// worst are both held to it. The size and load targets are the
// real data's.
const synthetic = process.argv[4] === 'synthetic';
const KIB = 1024;
const verdict = (value, limit) => (value <= limit ? 'met' : '**missed**');
const row = (what, shown, target, ...checks) =>
  `| ${what} | ${shown} | ${target} | ${checks.length ? checks.every((c) => c === 'met') ? 'met' : '**missed**' : ''} |`;
// A size, load or memory figure: held to its target on the real data only.
const realRow = (what, shown, target, value, limit) =>
  synthetic ? row(what, shown, '') : row(what, shown, target, verdict(value, limit));
const ms = (xs) => xs.map((x) => x.ms);
// Interaction samples fall in two kinds: those where the page settled before
// the browser's next frame (the time is the page's work and the layout it
// forces), and those where the browser drew a frame first (the time also holds
// the wait for that frame and its paint). The median is over both, as a person
// meets them; the split says how much each kind weighs.
const split = (xs) => {
  const drew = xs.filter((x) => x.drew).map((x) => x.ms);
  const before = xs.filter((x) => !x.drew).map((x) => x.ms);
  const part = (ys, what) => (ys.length ? `${ys.length} ${what}, median ${median(ys).toFixed(1)}` : `none ${what}`);
  return `${part(before, 'settled before a frame')}; ${part(drew, 'after the browser drew one')}`;
};
const interaction = (what, xs, limit) => {
  const s = stats(ms(xs));
  const shown = `${fmt(s)}: ${split(xs)}`;
  if (limit === undefined) return row(what, shown, '');
  return row(what, shown, `median ≤ ${limit.median} ms, worst ≤ ${limit.worst} ms`, verdict(s.median, limit.median), verdict(s.max, limit.worst));
};
const frame = synthetic ? undefined : { median: 16, worst: 50 };
const keystrokeLimit = synthetic ? { median: 50, worst: 50 } : frame;
const lines = [
  '| measure | figure | target | verdict |',
  '| --- | --- | --- | --- |',
  realRow(
    'first load, gzip -9',
    `${(total / KIB).toFixed(1)} KiB (${Object.entries(gz).map(([f, b]) => `${f.replace(/-[0-9a-f]{16}/, '')} ${(b / KIB).toFixed(1)}`).join(', ')})`,
    `≤ ${BUDGET.firstLoad / KIB} KiB`, total, BUDGET.firstLoad,
  ),
  realRow('wasm, gzip -9', `${(wasmBytes / KIB).toFixed(1)} KiB`, `≤ ${BUDGET.wasm / KIB} KiB`, wasmBytes, BUDGET.wasm),
  row('navigation start to the first paint', fmt(stats(firstPaints)), ''),
  realRow('navigation start to the list with all data', fmt(stats(loads)), 'median ≤ 300 ms', median(loads), 300),
  interaction('filter click to the list, counts, totals and charts updated', atTop.clicks, frame),
  interaction('keystroke to the list, counts, totals and charts updated', atTop.keystrokes, keystrokeLimit),
  interaction('the same click, the three charts in view', chartsInView.clicks, frame),
  interaction('the same keystroke, the three charts in view', chartsInView.keystrokes, keystrokeLimit),
  realRow('wasm memory after load', `${(memory / 1048576).toFixed(1)} MiB`, '≤ 16 MiB', memory, 16 * 1048576),
];
console.log(lines.join('\n'));
