// trunk post_build hook: fills the Content-Security-Policy in the built
// index.html with the sha256 hash of each inline script trunk wrote (its wasm
// loader), so that no other inline script can run. The hashes change with
// every build (the loader names hashed files), so they cannot be written by hand.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const PLACEHOLDER = "'inline-script-hashes'";
const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) {
  console.error('csp-hashes: TRUNK_STAGING_DIR is not set (run me as a trunk hook)');
  process.exit(1);
}
const file = join(staging, 'index.html');
const html = readFileSync(file, 'utf8');
const hashes = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(
  ([, body]) => `'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`,
);
if (!html.includes(PLACEHOLDER)) {
  console.error(`csp-hashes: index.html has no ${PLACEHOLDER} in its Content-Security-Policy`);
  process.exit(1);
}
writeFileSync(file, html.replace(PLACEHOLDER, hashes.join(' ')));
console.log(`csp-hashes: ${hashes.length} inline script hash(es) written`);
