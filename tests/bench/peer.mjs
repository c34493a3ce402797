// Benchmark only: our engine beside crossfilter (npm `crossfilter2`) in one
// headless Chromium page, on the same synthetic records. Run by
// scripts/bench.sh, which first builds the engine for the browser:
//
//     cargo build --release --target wasm32-unknown-unknown -p funding-bench-peer
//     wasm-bindgen --target web --out-dir target/bench-peer \
//         target/wasm32-unknown-unknown/release/funding_bench_peer.wasm
//     node tests/bench/peer.mjs [records] [runs]
//
// The operation: filter by financial year (2016/17 or 2017/18) and amount
// (£1m to £20m), then count by care model and sum by year. crossfilter's
// records are the funding items; its dimensions and groups are built before
// timing (as our index is). Ours is what the page runs on every change: the
// rows in order, all eight facets' counts and the reconciled totals. Both
// results are checked to hold the same figures.
import { copyFileSync, writeFileSync } from 'node:fs';
import { openReadyPage } from './peer-page.mjs';

const RECORDS = Number(process.argv[2] ?? 100_000);
const RUNS = Number(process.argv[3] ?? 30);
const dir = 'target/bench-peer';
copyFileSync('node_modules/crossfilter2/crossfilter.min.js', `${dir}/crossfilter.min.js`);
writeFileSync(`${dir}/index.html`, `<!DOCTYPE html><meta charset="utf-8"><title>peer</title>
<script src="crossfilter.min.js"></script>
<script type="module">
  import init, * as engine from './funding_bench_peer.js';
  const wasm = await init();
  window.engine = engine;
  window.wasmMemory = () => wasm.memory.buffer.byteLength;
  window.ready = true;
</script>`);

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const stats = (xs) => `${median(xs).toFixed(2)} ms (min ${Math.min(...xs).toFixed(2)}, max ${Math.max(...xs).toFixed(2)}, ${xs.length} runs)`;

const { page, close } = await openReadyPage(dir);

const result = await page.evaluate(({ records, runs }) => {
  const time = (f) => {
    const start = performance.now();
    const value = f();
    return [performance.now() - start, value];
  };
  const [generateMs] = time(() => engine.generate(records));
  const [buildMs] = time(() => engine.build());
  const memoryAfterBuild = wasmMemory();

  const [toCrossfilterMs, items] = time(() => JSON.parse(engine.items_json()));
  const [crossfilterBuildMs, cf] = time(() => {
    const cf = crossfilter(items);
    const year = cf.dimension((d) => d[0]);
    const amount = cf.dimension((d) => d[1]);
    const model = cf.dimension((d) => d[2]);
    const byYear = cf.dimension((d) => d[0]);
    return {
      year, amount,
      countByModel: model.group().reduceCount(),
      sumByYear: byYear.group().reduceSum((d) => d[1]),
    };
  });
  const crossfilterOperation = () => {
    cf.year.filterFunction((y) => y === '2016/17' || y === '2017/18');
    cf.amount.filterRange([1_000_000, 20_000_001]);
    const byModel = cf.countByModel.all();
    const byYear = cf.sumByYear.all();
    return { byModel, byYear };
  };
  const clear = () => {
    cf.year.filterAll();
    cf.amount.filterAll();
  };

  const ours = [];
  const theirs = [];
  let figures = 0;
  let answer;
  for (let i = 0; i < runs + 3; i++) {
    const [a, n] = time(() => engine.run());
    const [b, groups] = time(crossfilterOperation);
    // group.all() is crossfilter's own array, changed by the next filter: copy it.
    answer = { byModel: groups.byModel.map((g) => ({ ...g })), byYear: groups.byYear.map((g) => ({ ...g })) };
    clear();
    if (i >= 3) { ours.push(a); theirs.push(b); }
    figures = n;
  }
  // Both filtered the same figures: counts by model and sums by year agree.
  const check = JSON.parse(engine.check_json());
  const plain = (groups) => Object.fromEntries(groups.filter((g) => g.value > 0).map((g) => [g.key, g.value]));
  const same = JSON.stringify(plain(answer.byModel)) === JSON.stringify(check.byModel)
    && JSON.stringify(plain(answer.byYear)) === JSON.stringify(check.byYear);
  const debug = { ours: check, theirs: { byModel: plain(answer.byModel), byYear: plain(answer.byYear) } };
  return { debug, generateMs, buildMs, memoryAfterBuild, memoryAfterAll: wasmMemory(), toCrossfilterMs, crossfilterBuildMs, ours, theirs, figures, same, items: items.length };
}, { records: RECORDS, runs: RUNS });

await close();

if (!result.same) {
  console.error("The two engines did not filter the same figures: the comparison is void.", JSON.stringify(result.debug));
  process.exit(1);
}
const ratio = median(result.ours) / median(result.theirs);
console.log(`| ${RECORDS.toLocaleString('en-GB')} records (${result.items.toLocaleString('en-GB')} figures; ${result.figures.toLocaleString('en-GB')} in view) | ours | crossfilter |`);
console.log('| --- | --- | --- |');
console.log(`| build (index; dimensions and groups) | ${result.buildMs.toFixed(0)} ms | ${result.crossfilterBuildMs.toFixed(0)} ms |`);
console.log(`| the operation, median | ${stats(result.ours)} | ${stats(result.theirs)} |`);
console.log(`| ratio ours / crossfilter | ${ratio.toFixed(2)}: ${ratio < 1 ? 'ours is faster, the goal met' : '**ours is slower, the goal missed**'} | |`);
console.log(`| wasm memory after the build | ${(result.memoryAfterBuild / 1048576).toFixed(1)} MiB | |`);
console.log(`(generating the records took ${result.generateMs.toFixed(0)} ms; handing them to crossfilter as JSON ${result.toCrossfilterMs.toFixed(0)} ms; neither is timed above)`);
