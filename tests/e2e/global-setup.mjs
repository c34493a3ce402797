// Serves the release build in dist/ and the hostile-data build for the whole
// run; the workers read the addresses from BASE_URL and HOSTILE_URL. Returns
// the teardown that stops the servers.
import { existsSync } from 'node:fs';
import { serveDirectory } from './static-server.mjs';

export const HOSTILE_DIST = 'target/dist-hostile';

export default async function globalSetup() {
  for (const dir of ['dist', HOSTILE_DIST]) {
    if (!existsSync(`${dir}/index.html`)) {
      throw new Error(`${dir}/ has no build: scripts/test.sh builds it before the suite`);
    }
  }
  const main = await serveDirectory('dist');
  const hostile = await serveDirectory(HOSTILE_DIST);
  process.env.BASE_URL = main.url;
  process.env.HOSTILE_URL = hostile.url;
  return async () => {
    await main.close();
    await hostile.close();
  };
}
