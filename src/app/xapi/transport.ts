import type XAPI from '@xapi/xapi';
import type { Statement } from '@xapi/xapi';
import type { XapiConfig } from './config.ts';
import type { Delivery } from './queue.ts';

/**
 * Statements to the LRS through @xapi/xapi (its headers, version and URLs), loaded only when xAPI is switched on so
 * a game that reports nowhere never downloads it. Its own fetch adapter throws away the HTTP status on an error;
 * this one keeps it, because the status decides what happens to the batch: stored (2xx), already stored (409, an id
 * the LRS knows, as after a reply that never arrived), or kept for later (no network, the LRS down or refusing).
 */
export function lrsSender(
  config: XapiConfig,
  tell: (problem: string | null) => void,
): (batch: Statement[]) => Promise<Delivery> {
  let client: Promise<XAPI> | null = null;
  const connect = async () => {
    const { default: Client } = await import('@xapi/xapi');
    return new Client({
      endpoint: config.endpoint,
      auth: config.auth,
      version: '1.0.3',
      adapter: keepStatus,
    });
  };
  return async (batch) => {
    client ??= connect();
    let reply: { status: number; data: unknown };
    try {
      reply = await (await client).sendStatements({ statements: batch });
    } catch {
      // No network, a refused connection, a policy that blocks the address: nothing to tell, try again later.
      return 'later';
    }
    const { status } = reply;
    if ((status >= 200 && status < 300) || status === 409) {
      tell(null);
      return 'delivered';
    }
    tell(refusal(status, typeof reply.data === 'string' ? reply.data : ''));
    return 'later';
  };
}

/** What to tell the learner when the LRS answers but will not store: the statements wait in this browser. */
function refusal(status: number, body: string): string {
  const detail = body.trim().slice(0, 160);
  const why =
    status === 401 || status === 403
      ? 'refused the credentials Bedside was given'
      : status >= 500
        ? 'had an error'
        : 'refused the statements';
  return (
    `The learning record store ${why} (HTTP ${String(status)}${detail === '' ? '' : `: ${detail}`}). ` +
    'Your record is kept in this browser and sent when it accepts it.'
  );
}

/** The client's adapter hook: a function from a request to a response. */
type AdapterFunction = Extract<
  NonNullable<ConstructorParameters<typeof XAPI>[0]['adapter']>,
  (...args: never[]) => unknown
>;

/** fetch, answering with the status whatever it is (network failures still reject). The body stays text. */
const keepStatus = (async ({
  url,
  method,
  headers,
  data,
}: {
  url: string;
  method: string;
  headers?: Record<string, string>;
  data?: unknown;
}) => {
  const body =
    data === undefined
      ? null
      : typeof data === 'string' || data instanceof Blob
        ? data
        : JSON.stringify(data);
  const response = await fetch(url, { method, body, ...(headers === undefined ? {} : { headers }) });
  return {
    data: await response.text(),
    headers: Object.fromEntries(response.headers.entries()),
    status: response.status,
  };
}) as AdapterFunction;
