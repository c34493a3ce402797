// Registers the service worker, offers a new version when one is deployed
// ("A new version is available: reload") instead of mixing old and new files,
// and shows an honest indicator while the network is gone. Writes text only.
/**
 * Whether a newly installed service worker is a new version to offer: only
 * when another worker controls the page. On a first visit none does; and
 * Firefox can report the first worker as controlling before it reports it
 * "installed", which made a first visit offer a "new version" whose Reload
 * did nothing, so the controlling worker itself is never offered.
 */
export function isNewVersion({ worker, controller }) {
  return Boolean(worker && controller && worker !== controller);
}

const status = document.getElementById('app-status');

function banner(id, text, action) {
  let el = document.getElementById(id);
  if (!el) {
    el = document.createElement('div');
    el.id = id;
    el.className = 'app-banner';
    el.setAttribute('role', 'status');
    status.append(el);
  }
  el.replaceChildren(document.createTextNode(text));
  if (action) {
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = action.label;
    button.addEventListener('click', action.run);
    el.append(' ', button);
  }
  return el;
}

function showConnection() {
  const existing = document.getElementById('offline-indicator');
  if (navigator.onLine) {
    existing?.remove();
  } else {
    banner('offline-indicator', 'Offline: you are using the copy saved on this device. Everything works; nothing new can be fetched.');
  }
}
window.addEventListener('online', showConnection);
window.addEventListener('offline', showConnection);
showConnection();

if ('serviceWorker' in navigator) {
  let reloadAsked = false;
  const offer = (worker) => {
    if (!isNewVersion({ worker, controller: navigator.serviceWorker.controller })) return;
    banner('update-banner', 'A new version is available.', {
      label: 'Reload',
      run: () => {
        reloadAsked = true;
        // A worker that is already active will not change the controller
        // again: reload straight away.
        if (worker.state === 'activated' || worker.state === 'redundant') window.location.reload();
        else worker.postMessage('skip-waiting');
      },
    });
  };
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    // The first install also changes the controller: reload only when asked.
    if (reloadAsked) window.location.reload();
  });
  navigator.serviceWorker
    .register('./sw.js')
    .then((registration) => {
      if (registration.waiting) offer(registration.waiting);
      registration.addEventListener('updatefound', () => {
        const worker = registration.installing;
        worker?.addEventListener('statechange', () => {
          if (worker.state === 'installed') offer(worker);
        });
      });
      const check = () => registration.update().catch(() => {});
      // Look for a new deploy when the connection returns, and every half hour.
      window.addEventListener('online', check);
      setInterval(check, 30 * 60 * 1000);
    })
    .catch(() => {
      // Without a service worker the page still works online.
    });
}
