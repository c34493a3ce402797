// One place that says what the first load is and what it weighs: every file
// of a build that a first visit fetches (html, js, wasm, css and the dataset,
// dataset-<hash>.bin), each gzip -9 (the dataset is gzip'd already: a server
// that compresses it again sends about as much). The service worker (sw.js) is fetched after
// the page is up, and icons and the manifest only when installing: not counted.
// Nor is the add panel (funding-add*: the "Add a text" panel, with the extractor and data/'s file format),
// which the page loads only when a person first adds, shares, exports or imports a text.
import { readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

/** The issue 23 budgets, in bytes (gzip -9). */
export const BUDGET = { firstLoad: 300 * 1024, wasm: 240 * 1024 };

/** { files: { name: gzip bytes }, wasm: bytes, total: bytes } for a build folder. */
export function firstLoadSizes(dist) {
  const top = readdirSync(dist).filter((f) => /\.(html|js|wasm|css|bin)$/.test(f) && f !== 'sw.js' && !isAddPanel(f));
  // wasm-bindgen's snippets (the few lines that import the add panel) are
  // imported by the page's glue at once.
  const snippets = readdirSync(dist, { recursive: true })
    .map(String)
    .filter((f) => f.startsWith('snippets') && f.endsWith('.js'));
  const names = [...top, ...snippets];
  const files = Object.fromEntries(names.map((f) => [f, gzipSync(readFileSync(join(dist, f)), { level: 9 }).length]));
  const wasm = Object.entries(files).filter(([f]) => f.endsWith('.wasm')).reduce((a, [, b]) => a + b, 0);
  const total = Object.values(files).reduce((a, b) => a + b, 0);
  return { files, wasm, total };
}

export const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;

/** Whether a build file is the add panel's, loaded on first use and not at first. */
export const isAddPanel = (name) => name.startsWith('funding-add');

/** The add panel's files and their gzip -9 sizes: what opening "Add a text" fetches. */
export function addPanelSizes(dist) {
  const names = readdirSync(dist).filter(isAddPanel);
  const files = Object.fromEntries(names.map((f) => [f, gzipSync(readFileSync(join(dist, f)), { level: 9 }).length]));
  return { files, total: Object.values(files).reduce((a, b) => a + b, 0) };
}
