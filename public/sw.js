// The explorer's service worker: keeps every file of one build in a cache
// named by that build, serves the page from it (online or not), and hands over
// to a new build only when the page asks, so old and new files never mix.
// BUILD_ID and PRECACHE are written by scripts/post-build.mjs from the build
// itself; this file in public/ is the template.
const BUILD_ID = '__BUILD_ID__';
const PRECACHE = ['__PRECACHE__'];
const PREFIX = 'funding-explorer-';
const CACHE = PREFIX + BUILD_ID;
const INDEX = new URL('index.html', self.registration.scope).href;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) =>
      // Straight from the network: an HTTP cache must not slip in an old file.
      cache.addAll(PRECACHE.map((url) => new Request(url, { cache: 'reload' }))),
    ),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith(PREFIX) && name !== CACHE) await caches.delete(name);
      }
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(
    (async () => {
      const cache = await caches.open(CACHE);
      // Any view of the page (any query string) is the same index.html.
      const cached = request.mode === 'navigate' ? await cache.match(INDEX) : await cache.match(request);
      return cached || fetch(request);
    })(),
  );
});
