import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin, type PluginOption } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { shippedCases } from './scripts/vite-cases.ts';

/**
 * The Content-Security-Policy of the built site, each directive with why. Authored text is only ever rendered as text
 * (issue 15), and this is the second wall: no inline script, no eval, nothing fetched from another origin.
 *
 * connect-src is the only place another origin may come in: an LRS (xAPI statements from an LMS package) at
 * `BEDSIDE_LRS_ORIGIN` when the site is built, e.g. `BEDSIDE_LRS_ORIGIN=https://lrs.example.org npm run build`
 * (several origins separated by spaces). Nothing else in this list should need to change for an LMS.
 */
export function contentSecurityPolicy(lrsOrigin = process.env.BEDSIDE_LRS_ORIGIN ?? ''): string {
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    // The bundle only: Vite emits no inline script and Phaser needs no eval; zod, which would compile its object
    // parsers with new Function, is set jitless in the browser and interprets them instead.
    'script-src': ["'self'"],
    // The stylesheet only. Styles the app and Phaser set through the CSSOM (el.style.x = …) are not inline styles
    // in CSP's sense, so no 'unsafe-inline'; a style="" in markup or a <style> element would be refused.
    'style-src': ["'self'"],
    // Phaser makes its default textures from data: PNGs and turns loaded images into blob: URLs; the favicon is data:.
    'img-src': ["'self'", 'data:', 'blob:'],
    // @fontsource's files, bundled beside the stylesheet.
    'font-src': ["'self'"],
    'connect-src': ["'self'", ...lrsOrigins(lrsOrigin)],
    // Monitor tones and alarms to come (howler decodes to blob: or plays data: URIs).
    'media-src': ["'self'", 'blob:', 'data:'],
    'worker-src': ["'self'", 'blob:'],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    // frame-ancestors is ignored in a <meta> policy: refusing to be framed needs an HTTP header from the server.
  };
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');
}

/** Each origin on its own, checked: a stray ";" or path in the variable must not smuggle in a directive. */
function lrsOrigins(text: string): string[] {
  return text
    .split(/\s+/)
    .filter((entry) => entry !== '')
    .map((entry) => {
      const url = URL.canParse(entry) ? new URL(entry) : null;
      if (url === null || (url.protocol !== 'https:' && url.protocol !== 'http:'))
        throw new Error(`BEDSIDE_LRS_ORIGIN: "${entry}" is not an http(s) origin`);
      return url.origin;
    });
}

/**
 * The policy as a <meta> right after the charset in the built index.html, before any script or stylesheet it governs.
 * Build only: the dev server injects inline scripts for hot reload.
 */
function contentSecurityPolicyMeta(): Plugin {
  return {
    name: 'bedside-content-security-policy',
    apply: 'build',
    transformIndexHtml(html) {
      const charset = /<meta charset="UTF-8" \/>/i;
      if (!charset.test(html))
        throw new Error('index.html: no <meta charset="UTF-8" /> to put the policy after');
      const meta = `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy()}" />`;
      return html.replace(charset, (found) => `${found}\n    ${meta}`);
    },
  };
}

/**
 * Offline play (vite-plugin-pwa with Workbox): the service worker precaches the built game, its stylesheet and
 * fonts, the icons and the manifest (every case is bundled into the game's script), so after one visit Bedside plays
 * with no network, from whatever sub-path it is served. A new version installs and waits ('prompt'): the game offers
 * it between cases (src/app/offline.ts). The SCORM build has none: packages are served from LMS paths where a service
 * worker's scope is unpredictable and its cache hard for an LMS admin to clear.
 */
function offline(mode: string): PluginOption {
  return VitePWA({
    disable: mode === 'scorm',
    registerType: 'prompt',
    injectRegister: false,
    manifest: {
      name: 'Bedside: emergency medicine at the bedside of real cases',
      short_name: 'Bedside',
      description: 'A browser game that teaches emergency medicine with real published cases.',
      start_url: './',
      scope: './',
      display: 'standalone',
      background_color: '#0f1b2d',
      theme_color: '#0f1b2d',
      icons: [
        { src: 'bedside-192.png', sizes: '192x192', type: 'image/png' },
        { src: 'bedside-512.png', sizes: '512x512', type: 'image/png' },
        { src: 'bedside-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
      ],
    },
    workbox: {
      globPatterns: ['**/*.{js,css,html,json,woff,woff2,png,svg,webmanifest,ogg,mp3,m4a}'],
      // The game's script is about 2.4 MB (Phaser and the bundled cases); Workbox skips files over 2 MiB by default.
      maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
      navigateFallback: 'index.html',
      cleanupOutdatedCaches: true,
      // The first version takes the open page at once (nothing to replace); later ones wait for the learner.
      clientsClaim: true,
    },
  });
}

export default defineConfig(({ mode }) => ({
  // Relative asset URLs: the built site works from any sub-path (an LMS package, a hospital intranet folder).
  base: './',
  // Copied to the build as they are: the app's icons (for the installed app and the tab).
  publicDir: 'assets/icons',
  build: {
    outDir: 'dist',
    target: 'es2022',
    chunkSizeWarningLimit: 1600,
    rolldownOptions: {
      // The engine is pure (no module does anything when imported), so what the page does not call is left out:
      // the case loader and its schemas reach the browser only with an author's own file (src/app/cases.ts).
      treeshake: {
        moduleSideEffects: (id: string) => !id.includes('/src/engine/'),
      },
    },
  },
  plugins: [
    shippedCases(fileURLToPath(new URL('.', import.meta.url))),
    contentSecurityPolicyMeta(),
    offline(mode),
  ],
  server: { port: 5173, host: '127.0.0.1' },
  preview: { port: 4173, host: '127.0.0.1' },
}));
