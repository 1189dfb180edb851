import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
  '.json': 'application/json',
};

/**
 * A plain static server for a built site that answers only under `prefix` (a deep sub-path, as an LMS or an intranet
 * folder serves it), reading each file as it is asked for (so a file changed on disk is a new version), with the
 * network switchable off (`online(false)` drops every connection, as with the wifi gone).
 */
export async function serveUnder(
  outDir: string,
  prefix: string,
): Promise<{ url: string; online(on: boolean): void; close(): Promise<void> }> {
  let up = true;
  const server: Server = createServer((req, res) => {
    if (!up) {
      req.socket.destroy();
      return;
    }
    const path = decodeURIComponent((req.url ?? '').split('?')[0] ?? '');
    const file = normalize(join(outDir, path.slice(prefix.length) || 'index.html'));
    if (
      !path.startsWith(prefix) ||
      !file.startsWith(outDir) ||
      !existsSync(file) ||
      !statSync(file).isFile()
    ) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-cache',
    });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${String((server.address() as AddressInfo).port)}${prefix}`,
    online(on) {
      up = on;
    },
    close: () =>
      new Promise<void>((resolve) =>
        server.close(() => {
          resolve();
        }),
      ),
  };
}
