// Opening the page to its first records shown, against the nearest peer:
// Pagefind 1.6 (npm pagefind) indexing the same records as a static site
// (one page per record: its title, recipients, figures, notes and text) and
// answering its first search, cold, in the same Chromium. Runs alternate
// (ours, then Pagefind's, each in a fresh browser context), so a machine
// that speeds up or slows down moves both; both sites are served gzip'd.
//
// Both answer the same search: ours opened at `?q=QUERY`, timed from
// navigation start to the first record in the list; Pagefind's page
// imports pagefind.js, searches QUERY, loads its first ten results' pages
// and lists their titles, timed from navigation start to that list.
//
//   node tests/bench/pagefind.mjs [RUNS=15] [QUERY=vanguard] [DIST=dist]
import { launchChromium, listShownProbe } from './chromium.mjs';
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { serveDirectory } from '../e2e/static-server.mjs';

const RUNS = Number(process.argv[2] ?? 15);
const QUERY = process.argv[3] ?? 'vanguard';
const dist = process.argv[4] ?? 'dist';
const site = 'target/pagefind-site';

// 1. The same records as a static site, from the dataset's JSON export.
const dataset = JSON.parse(
  execFileSync('cargo', ['run', '-q', '-p', 'funding-core', '--bin', 'announcements', '--', 'export', '--format', 'json'], {
    maxBuffer: 64 * 1024 * 1024,
  }).toString(),
);
const escape = (text) => String(text ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const names = new Map(dataset.organisations.map((o) => [o.id, o.name]));
rmSync(site, { recursive: true, force: true });
mkdirSync(join(site, 'r'), { recursive: true });
for (const record of dataset.records) {
  const recipients = record.recipients.map((id) => names.get(id) ?? id).join(', ');
  const title = record.title ?? `${record.items[0]?.stated_as ?? ''} for ${recipients}`;
  const figures = record.items.map((i) => `<li>${escape(i.stated_as)}: ${escape(i.purpose)}</li>`).join('');
  writeFileSync(
    join(site, 'r', `${record.id}.html`),
    `<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>${escape(title)}</title></head><body><main data-pagefind-body><h1>${escape(title)}</h1><p>${escape(recipients)}</p><p>${escape(record.publisher)}</p><ul>${figures}</ul>${record.notes.map((n) => `<p>${escape(n)}</p>`).join('')}<div>${escape(record.text)}</div></main></body></html>`,
  );
}
writeFileSync(
  join(site, 'index.html'),
  `<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>Search</title></head><body><ul id="results"></ul><script type="module" src="./search.js"></script></body></html>`,
);
writeFileSync(
  join(site, 'search.js'),
  `const pagefind = await import('./pagefind/pagefind.js');
const search = await pagefind.search(new URLSearchParams(location.search).get('q'));
const first = await Promise.all(search.results.slice(0, 10).map((r) => r.data()));
const list = document.getElementById('results');
for (const page of first) {
  const item = document.createElement('li');
  item.className = 'result';
  item.textContent = page.meta.title;
  list.append(item);
}
window.__shownAt = performance.now();
`,
);
execFileSync('npm', ['exec', '--yes', '--package=pagefind@1.6.0', '--', 'pagefind', '--site', site], { stdio: ['ignore', 'ignore', 'inherit'] });

// 2. Alternating cold runs in one browser.
const ours = await serveDirectory(dist, { gzip: true });
const theirs = await serveDirectory(site, { gzip: true });
const browser = await launchChromium();
const cold = async (url, withProbe) => {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  // Ours is marked by the probe; Pagefind's page marks itself.
  if (withProbe) await page.addInitScript(listShownProbe);
  const shownAt = () => window.__listShownAt ?? window.__shownAt;
  await page.goto(url);
  await page.waitForFunction(shownAt, null, { timeout: 30_000 });
  const ms = await page.evaluate(shownAt);
  const shown = await page.locator(withProbe ? '.record' : '.result').count();
  await context.close();
  if (shown === 0) throw new Error(`${url} showed no results`);
  return ms;
};
const query = `?q=${encodeURIComponent(QUERY)}`;
const a = [];
const b = [];
for (let i = 0; i < RUNS; i++) {
  a.push(await cold(`${ours.url}${query}`, true));
  b.push(await cold(`${theirs.url}${query}`, false));
}
await browser.close();
await ours.close();
await theirs.close();

const median = (xs) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
const ms = (x) => `${x.toFixed(0)} ms`;
console.log(`first records shown for "${QUERY}", cold, ${RUNS} alternating runs each (${dataset.records.length} records):`);
console.log(`  ours:     median ${ms(median(a))} (${ms(Math.min(...a))} to ${ms(Math.max(...a))})`);
console.log(`  Pagefind: median ${ms(median(b))} (${ms(Math.min(...b))} to ${ms(Math.max(...b))})`);
console.log(`  ratio ours / Pagefind: ${(median(a) / median(b)).toFixed(2)} (target ≤ 1.00)`);
