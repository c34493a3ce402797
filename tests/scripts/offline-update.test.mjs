// public/offline.js decides when a newly installed service worker is "a new
// version" to offer. Firefox ESR reports the first worker as controlling
// before it reports it installed, so a first visit offered a new version
// whose Reload did nothing: a first visit must never be offered one.
import assert from 'node:assert/strict';
import { test } from 'node:test';

// The script runs in a page; here it gets the little of one it touches at
// load (online, with no service worker), so that its rule can be imported.
globalThis.window ??= { addEventListener() {} };
globalThis.document ??= { getElementById: () => null };
Object.defineProperty(globalThis, 'navigator', { value: { onLine: true }, configurable: true });
const { isNewVersion } = await import('../../public/offline.js');

const first = { name: 'first worker' };
const second = { name: 'second worker' };

test('a first visit is never offered a new version, in any order of events', () => {
  // Chromium: the worker is reported installed before it controls the page.
  assert.equal(isNewVersion({ worker: first, controller: null }), false);
  // Firefox: it already controls the page when it is reported installed.
  assert.equal(isNewVersion({ worker: first, controller: first }), false);
});

test('a page controlled by one version is offered the next', () => {
  assert.equal(isNewVersion({ worker: second, controller: first }), true);
});

test('no worker, or the controlling one, is not offered as new', () => {
  assert.equal(isNewVersion({ worker: second, controller: second }), false);
  assert.equal(isNewVersion({ worker: null, controller: first }), false);
});
