// What the browser benchmarks share: Debian's Chromium launched as the
// end-to-end suite launches it, and the probe that marks the moment the
// list first shows records (`window.__listShownAt`).
import { chromium } from '@playwright/test';

export const launchChromium = () =>
  chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });

/** Run in the page before its scripts (`page.addInitScript`). */
export const listShownProbe = () => {
  new MutationObserver((_, observer) => {
    if (document.querySelector('.record')) {
      window.__listShownAt = performance.now();
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
};
