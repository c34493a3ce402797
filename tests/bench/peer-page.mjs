// Benchmark only: serves a folder and opens its page in headless Chromium,
// waiting until the page's module script has set `window.ready` (the peer
// benchmarks' pages load their engines first). Returns the page and a
// function that closes the browser and the server.
import { chromium } from '@playwright/test';
import { serveDirectory } from '../e2e/static-server.mjs';

export async function openReadyPage(dir) {
  const server = await serveDirectory(dir);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = await browser.newPage();
  await page.goto(server.url);
  await page.waitForFunction(() => window.ready === true);
  return {
    page,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}
