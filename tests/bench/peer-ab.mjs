// Benchmark only: two builds of the peer engine (tests/bench/peer) in one
// Chromium page, alternated call by call beside crossfilter, to tell whether
// a change to the engine made it faster when the machine's noise moves whole
// runs by more than the change. Each folder is wasm-bindgen's output for
// funding_bench_peer.wasm (`--target web`), one per build:
//
//     node tests/bench/peer-ab.mjs <folder A> <folder B> [runs]
//
// Prints each build's median and its ratio to crossfilter's; refuses to
// report when the two builds do not find the same figures.
import { copyFileSync, cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openReadyPage } from './peer-page.mjs';

const [A, B] = process.argv.slice(2, 4);
const RUNS = Number(process.argv[4] ?? 60);
if (!A || !B) {
  console.error('usage: node tests/bench/peer-ab.mjs <folder A> <folder B> [runs]');
  process.exit(2);
}
const dir = mkdtempSync(join(tmpdir(), 'peer-ab-'));
cpSync(A, join(dir, 'a'), { recursive: true });
cpSync(B, join(dir, 'b'), { recursive: true });
copyFileSync('node_modules/crossfilter2/crossfilter.min.js', join(dir, 'crossfilter.min.js'));
writeFileSync(join(dir, 'index.html'), `<!DOCTYPE html><meta charset="utf-8"><title>peer A/B</title>
<script src="crossfilter.min.js"></script>
<script type="module">
  import initA, * as a from './a/funding_bench_peer.js';
  import initB, * as b from './b/funding_bench_peer.js';
  await initA();
  await initB();
  Object.assign(window, { a, b, ready: true });
</script>`);

const { page, close } = await openReadyPage(dir);
const r = await page.evaluate((runs) => {
  a.generate(100_000);
  a.build();
  b.generate(100_000);
  b.build();
  // The same operation as tests/bench/peer.mjs.
  const cf = crossfilter(JSON.parse(a.items_json()));
  const year = cf.dimension((d) => d[0]);
  const amount = cf.dimension((d) => d[1]);
  const byModel = cf.dimension((d) => d[2]).group().reduceCount();
  const byYear = cf.dimension((d) => d[0]).group().reduceSum((d) => d[1]);
  const operation = () => {
    year.filterFunction((y) => y === '2016/17' || y === '2017/18');
    amount.filterRange([1_000_000, 20_000_001]);
    byModel.all();
    byYear.all();
  };
  const time = (f) => {
    const start = performance.now();
    f();
    return performance.now() - start;
  };
  const ours = { a: [], b: [] };
  const theirs = [];
  for (let i = 0; i < runs + 5; i++) {
    const ta = time(() => a.run());
    const tb = time(() => b.run());
    const tc = time(operation);
    year.filterAll();
    amount.filterAll();
    if (i >= 5) {
      ours.a.push(ta);
      ours.b.push(tb);
      theirs.push(tc);
    }
  }
  return { ours, theirs, same: a.check_json() === b.check_json() };
}, RUNS);
await close();

if (!r.same) {
  console.error('The two builds did not find the same figures: the comparison is void.');
  process.exit(1);
}
const median = (xs) => [...xs].sort((p, q) => p - q)[Math.floor(xs.length / 2)];
const cf = median(r.theirs);
for (const [name, folder] of [['a', A], ['b', B]]) {
  const m = median(r.ours[name]);
  console.log(`${folder}: ${m.toFixed(2)} ms median, ${(m / cf).toFixed(2)} × crossfilter's ${cf.toFixed(2)} ms (${RUNS} runs)`);
}
