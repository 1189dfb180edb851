import { registerSW } from 'virtual:pwa-register';

/**
 * The service worker (vite-plugin-pwa, Workbox): it precaches the game, every case and every asset on the first
 * visit, so the next ones work with no network. A new version installs in the background and waits: `ready` hands
 * the app a function that switches to it (and reloads), for the app to offer when no case is under way. Never
 * called in the SCORM build (the plugin is disabled there and this registers nothing).
 */
const CHECK_EVERY_MS = 60 * 60 * 1000;

export function registerOffline(on: { ready(apply: () => Promise<void>): void; offlineReady(): void }): void {
  if (!('serviceWorker' in navigator)) return;
  const update = registerSW({
    immediate: true,
    onNeedRefresh() {
      on.ready(async () => {
        // The plugin reloads only a page that was already controlled when it loaded; one whose first visit installed
        // the service worker would stay on the old version. Reload on the switch, whichever page this is.
        navigator.serviceWorker.addEventListener(
          'controllerchange',
          () => {
            window.location.reload();
          },
          { once: true },
        );
        await update(true);
      });
    },
    onOfflineReady() {
      on.offlineReady();
    },
    // The browser itself looks for a new version only about once a day: look on every start, and hourly while open.
    onRegisteredSW(_url: string, registration: ServiceWorkerRegistration | undefined) {
      if (registration === undefined) return;
      const check = () => {
        registration.update().catch(() => undefined);
      };
      check();
      window.setInterval(check, CHECK_EVERY_MS);
    },
    onRegisterError(error: unknown) {
      // Not an error for the learner: the game plays online as before.
      console.warn('Bedside could not set itself up for offline use:', error);
    },
  });
}
