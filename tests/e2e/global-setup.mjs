// Serves the release build in dist/ for the whole run; the workers read the
// address from BASE_URL. Returns the teardown that stops the server.
import { existsSync } from 'node:fs';
import { serveDirectory } from './static-server.mjs';

export default async function globalSetup() {
  if (!existsSync('dist/index.html')) {
    throw new Error('dist/ has no build: run `trunk build --release` first (scripts/test.sh does)');
  }
  const server = await serveDirectory('dist');
  process.env.BASE_URL = server.url;
  return async () => server.close();
}
