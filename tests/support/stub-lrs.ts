import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { LrsStatement } from './lrs-validator.ts';

/** One POST as the stub saw it. */
export interface Received {
  ids: string[];
  status: number;
}

/**
 * A learning record store for tests, on its own origin (so the game's requests cross origins, with CORS, as they do
 * to a real LRS): it takes statements at `/xapi/statements` (one or an array), checks the credentials, the version
 * header and every statement against the xAPI rules (lrs-validator.ts), keeps one statement per id and answers 409 to
 * an id it already has. `reachable(false)` drops every connection (the network gone); `refuse(status)` answers
 * every POST with that status.
 */
export async function startStubLrs(auth: string): Promise<{
  endpoint: string;
  origin: string;
  stored: Map<string, unknown>;
  posts: Received[];
  /** Statements the stub refused, with why. */
  invalid: string[];
  reachable(on: boolean): void;
  refuse(status: number | null): void;
  close(): Promise<void>;
}> {
  const stored = new Map<string, unknown>();
  const posts: Received[] = [];
  const invalid: string[] = [];
  let up = true;
  let refusing: number | null = null;
  const cors = {
    'access-control-allow-origin': '*',
    'access-control-allow-headers': 'Authorization, Content-Type, X-Experience-API-Version',
    'access-control-allow-methods': 'GET, POST, PUT, OPTIONS',
    'access-control-expose-headers': 'X-Experience-API-Version',
  };
  const server: Server = createServer((req, res) => {
    if (!up) {
      req.socket.destroy();
      return;
    }
    if (req.method === 'OPTIONS') {
      res.writeHead(204, cors).end();
      return;
    }
    void body(req).then((text) => {
      const reply = (status: number, payload: string, ids: string[] = []) => {
        if (req.method === 'POST') posts.push({ ids, status });
        res.writeHead(status, {
          ...cors,
          'content-type': 'application/json',
          'x-experience-api-version': '1.0.3',
        });
        res.end(payload);
      };
      if (req.method !== 'POST' || !(req.url ?? '').startsWith('/xapi/statements')) {
        reply(404, '"not found"');
        return;
      }
      if (refusing !== null) {
        reply(refusing, '"refused by the test"');
        return;
      }
      if (req.headers.authorization !== auth) {
        reply(401, '"bad credentials"');
        return;
      }
      if (!/^1\.0\.\d$/.test(String(req.headers['x-experience-api-version']))) {
        reply(400, '"X-Experience-API-Version missing"');
        return;
      }
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        reply(400, '"not JSON"');
        return;
      }
      const batch: unknown[] = Array.isArray(parsed) ? parsed : [parsed];
      const problems = batch.flatMap((s, i) => {
        const check = LrsStatement.safeParse(s);
        return check.success ? [] : [`[${String(i)}] ${check.error.message}`];
      });
      const ids = batch.map((s) => (s as { id?: string }).id ?? '');
      if (new Set(ids).size !== ids.length) problems.push('the same id twice in one batch');
      if (problems.length > 0) {
        invalid.push(...problems);
        reply(400, JSON.stringify(problems), ids);
        return;
      }
      if (ids.some((id) => stored.has(id))) {
        reply(409, '"a statement with this id is stored"', ids);
        return;
      }
      batch.forEach((s, i) => stored.set(ids[i] ?? '', s));
      reply(200, JSON.stringify(ids), ids);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`;
  return {
    endpoint: `${origin}/xapi/`,
    origin,
    stored,
    posts,
    invalid,
    reachable(on) {
      up = on;
    },
    refuse(status) {
      refusing = status;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
}

function body(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      resolve(Buffer.concat(chunks).toString('utf8'));
    });
    req.on('error', reject);
  });
}
