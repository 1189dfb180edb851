import { defineConfig, type Plugin } from 'vite';

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

export default defineConfig({
  // Relative asset URLs: the built site works from any sub-path (an LMS package, a hospital intranet folder).
  base: './',
  build: { outDir: 'dist', target: 'es2022', chunkSizeWarningLimit: 1600 },
  plugins: [contentSecurityPolicyMeta()],
  server: { port: 5173, host: '127.0.0.1' },
  preview: { port: 4173, host: '127.0.0.1' },
});
