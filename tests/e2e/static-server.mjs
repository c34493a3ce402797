// A small static file server for the end-to-end tests: serves a folder on
// 127.0.0.1 at a free port, optionally under a sub-path, with the right types
// for wasm. The tests start and stop it themselves.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

/** Starts serving `root`; resolves to { url, close }. With `gzip`, text and
 *  wasm go compressed to a browser that asks, as a static host sends them
 *  (the dataset file is gzip'd already). */
export function serveDirectory(root, { basePath = '/', gzip = false } = {}) {
  const base = basePath.endsWith('/') ? basePath : `${basePath}/`;
  const rootDir = resolve(root);
  // Long links are part of what the suite tries: allow 2 MB of request headers.
  const server = createServer({ maxHeaderSize: 2 * 1024 * 1024 }, async (req, res) => {
    try {
      const path = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
      if (!path.startsWith(base)) {
        res.writeHead(404).end('not found');
        return;
      }
      let file = normalize(join(rootDir, path.slice(base.length)));
      if (!file.startsWith(rootDir)) {
        res.writeHead(403).end('forbidden');
        return;
      }
      if ((await stat(file).catch(() => null))?.isDirectory()) file = join(file, 'index.html');
      const type = TYPES[extname(file)] ?? 'application/octet-stream';
      const body = await readFile(file);
      const compress = gzip && type !== 'application/octet-stream' && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
      res.writeHead(200, {
        'content-type': type,
        'cache-control': 'no-cache',
        ...(compress ? { 'content-encoding': 'gzip', vary: 'accept-encoding' } : {}),
      });
      res.end(compress ? gzipSync(body) : body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  return new Promise((ok) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      ok({ url: `http://127.0.0.1:${port}${base}`, close: () => new Promise((done) => server.close(done)) });
    });
  });
}
