// Google Lighthouse 12 (npm lighthouse@12.2.3; 13 needs Node 22) on the
// release build in Debian's Chromium: RUNS runs of the mobile preset (its
// default: a mid-range phone, slow 4G, 4x CPU slowdown) and of the desktop
// preset, with the median of each score and of the layout shift and
// blocking time. The build is served gzip'd, as a static host serves it.
//
//   node tests/bench/lighthouse.mjs [RUNS=3] [DIST=dist]
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveDirectory } from '../e2e/static-server.mjs';

const RUNS = Number(process.argv[2] ?? 3);
const dist = process.argv[3] ?? 'dist';
const server = await serveDirectory(dist, { gzip: true });
const out = mkdtempSync(join(tmpdir(), 'lighthouse-'));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const TARGETS = {
  mobile: { performance: 95, accessibility: 100, 'best-practices': 100, seo: 100 },
  desktop: { performance: 98, accessibility: 100, 'best-practices': 100, seo: 100 },
};
for (const preset of ['mobile', 'desktop']) {
  const runs = [];
  for (let i = 0; i < RUNS; i++) {
    const report = join(out, `${preset}-${i}.json`);
    // Asynchronously: the page is served from this process.
    await promisify(execFile)(
      'npm',
      ['exec', '--yes', '--package=lighthouse@12.2.3', '--', 'lighthouse', server.url,
        '--quiet', '--output=json', `--output-path=${report}`,
        '--chrome-flags=--headless=new --no-sandbox --disable-gpu',
        ...(preset === 'desktop' ? ['--preset=desktop'] : [])],
      { env: { ...process.env, CHROME_PATH: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' }, maxBuffer: 64 * 1024 * 1024 },
    );
    runs.push(JSON.parse(readFileSync(report, 'utf8')));
  }
  console.log(`\nLighthouse ${runs[0].lighthouseVersion}, ${preset}, median of ${RUNS}:`);
  for (const [category, target] of Object.entries(TARGETS[preset])) {
    const scores = runs.map((r) => Math.round(r.categories[category].score * 100));
    console.log(`  ${category}: ${median(scores)} (${scores.join(', ')}; target ${target})`);
  }
  const audit = (id) => runs.map((r) => r.audits[id].numericValue);
  const cls = audit('cumulative-layout-shift');
  console.log(`  layout shift (CLS): ${median(cls).toFixed(3)} (${cls.map((c) => c.toFixed(3)).join(', ')}; target 0.02)`);
  for (const [id, name] of [['total-blocking-time', 'total blocking time'], ['largest-contentful-paint', 'largest contentful paint'], ['interactive', 'time to interactive']]) {
    const values = audit(id);
    console.log(`  ${name}: ${Math.round(median(values))} ms (${values.map(Math.round).join(', ')})`);
  }
  // What kept a score below 100, from the median run.
  const failing = Object.values(runs[0].audits)
    .filter((a) => a.score !== null && a.score < 0.9 && a.scoreDisplayMode !== 'informative' && a.scoreDisplayMode !== 'manual')
    .map((a) => `${a.id} (${a.displayValue ?? a.score})`);
  if (failing.length) console.log(`  audits below 90 in the first run: ${failing.join('; ')}`);
}
await server.close();
