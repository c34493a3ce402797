// trunk post_build hook, run with TRUNK_STAGING_DIR set to the finished build:
// 0. writes the dataset beside the page: data/ (or FUNDING_DATA_DIR) checked,
//    encoded and gzip'd by `announcements encode`, named by a hash of its
//    contents, and that name put in the page's preload link (src/dataset_file.rs
//    fetches it); a problem in the data fails the build, naming the record;
// 1. gives the wasm's imports short names, in the wasm and in its glue
//    (scripts/shorten-imports.mjs), and updates the two files' integrity
//    hashes in index.html;
// 2. writes the sha256 of each inline script (trunk's wasm loader) into the
//    page's Content-Security-Policy, so no other inline script can run;
// 3. names the build by a hash of all its files (meta build-id, and the
//    footer's "Version");
// 4. writes that id and the list of every file into the service worker, so the
//    precache list always matches the build and never goes stale.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { shortenImports } from './shorten-imports.mjs';

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) {
  console.error('post-build: TRUNK_STAGING_DIR is not set (run me as a trunk hook)');
  process.exit(1);
}
const fail = (message) => {
  console.error(`post-build: ${message}`);
  process.exit(1);
};
const indexFile = join(staging, 'index.html');
const swFile = join(staging, 'sw.js');

let html = readFileSync(indexFile, 'utf8');

// 0. The dataset. The same checks as `announcements validate`; cargo shows
//    the command's own message (every problem) when it fails.
{
  const dataDir = process.env.FUNDING_DATA_DIR || 'data';
  const encoded = join(staging, 'dataset.bin');
  // On a new machine cargo first compiles the command (about a minute).
  console.log(`post-build: checking ${dataDir} and writing it for the page (announcements encode)`);
  try {
    execFileSync('cargo', ['run', '-q', '-p', 'funding-core', '--bin', 'announcements', '--', 'encode', '--data', dataDir, encoded], {
      stdio: 'inherit',
    });
  } catch {
    fail(`${dataDir} could not be written as the page's dataset (its problems are listed above)`);
  }
  const packed = readFileSync(encoded);
  // Named by its contents, so no cache can pair a page with another build's data.
  const name = `dataset-${createHash('sha256').update(packed).digest('hex').slice(0, 16)}.bin`;
  renameSync(encoded, join(staging, name));
  // The release build's html is minified: the href may be unquoted.
  const placeholder = /\bhref=("?)__DATASET__\1/;
  if (!placeholder.test(html)) fail('index.html has no <link id="dataset" href="__DATASET__"> to name the dataset in');
  html = html.replace(placeholder, `href="./${name}"`);
  console.log(`post-build: ${dataDir} written as ${name}, ${packed.length} bytes`);
}

// 1. Short import names (scripts/shorten-imports.mjs: 5.0 KiB of the
//    gzip'd first load, BENCHMARKS.md). The page's wasm and its glue are the
//    files the loader names; each one's integrity hash (trunk's sha384) is
//    rewritten after, or a browser would refuse the changed file.
// (The add panel's wasm, funding-add_bg.wasm, is loaded by name when first
// used; it keeps its names.)
const wasmName = readdirSync(staging).find((f) => f.endsWith('_bg.wasm') && !f.startsWith('funding-add'));
if (!wasmName) fail('the build has no *_bg.wasm');
const jsName = wasmName.replace(/_bg\.wasm$/, '.js');
try {
  const { renamed, saved } = shortenImports(join(staging, wasmName), join(staging, jsName));
  console.log(`post-build: ${renamed} imports renamed, ${saved} bytes fewer`);
} catch (e) {
  fail(`shortening the wasm's import names: ${e.message}`);
}
for (const file of [wasmName, jsName]) {
  const tag = new RegExp(`<link\\b[^>]*\\bhref="?\\./${file.replace(/\./g, '\\.')}"?[^>]*>`);
  const link = html.match(tag);
  if (!link) continue;
  const integrity = `sha384-${createHash('sha384').update(readFileSync(join(staging, file))).digest('base64')}`;
  if (!/\bintegrity=/.test(link[0])) continue;
  const updated = link[0].replace(/\bintegrity=("?)sha384-[^"\s>]*\1/, (_, quote) => `integrity=${quote}${integrity}${quote}`);
  if (updated === link[0]) fail(`${file}'s integrity is not a sha384 this hook can rewrite: ${link[0]}`);
  html = html.replace(tag, () => updated);
}

// 2. CSP hashes of inline scripts.
const CSP_PLACEHOLDER = "'inline-script-hashes'";
if (!html.includes(CSP_PLACEHOLDER)) fail(`index.html has no ${CSP_PLACEHOLDER} in its Content-Security-Policy`);
const hashes = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(
  ([, body]) => `'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`,
);
html = html.replace(CSP_PLACEHOLDER, hashes.join(' '));
writeFileSync(indexFile, html);

// 3. Every file of the build, and a build id from their contents.
const files = [];
const walk = (dir) => {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (path !== swFile) files.push(relative(staging, path).split(sep).join('/'));
  }
};
walk(staging);
const id = createHash('sha256');
for (const file of files) id.update(file).update(readFileSync(join(staging, file)));
const buildId = id.digest('hex').slice(0, 12);
// The release build's html is minified: attributes may be unquoted and in any order.
const buildIdMeta = /<meta\b[^>]*\bname="?build-id"?[^>]*>/;
const meta = html.match(buildIdMeta);
if (!meta) fail('index.html has no <meta name="build-id">');
const withId = meta[0].replace(/\bcontent=("?)[^"\s>]*\1/, `content="${buildId}"`);
html = html.replace(buildIdMeta, withId);
// And in the footer, where people see it ("Version development" as written).
const footerId = /(<p\b[^>]*\bclass="?build-id"?[^>]*>)Version development</;
if (!footerId.test(html)) fail('index.html has no <p class="build-id">Version development</p>');
writeFileSync(indexFile, html.replace(footerId, (_, open) => `${open}Version ${buildId}<`));

// 4. The service worker's build id and precache list.
const sw = readFileSync(swFile, 'utf8');
if (!sw.includes("'__BUILD_ID__'") || !sw.includes("['__PRECACHE__']")) fail('sw.js lacks its placeholders');
const precache = ['./', ...files];
writeFileSync(swFile, sw.replace("'__BUILD_ID__'", JSON.stringify(buildId)).replace("['__PRECACHE__']", JSON.stringify(precache)));
console.log(`post-build: build ${buildId}, ${hashes.length} inline script hash(es), ${precache.length} files precached`);
