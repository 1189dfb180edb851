import { z } from 'zod';

/**
 * Where xAPI statements go, and as whom: off unless given (the game sends nothing anywhere without it). From the
 * launch parameters an LMS or LRS puts in the address (the xAPI "launch" convention: `endpoint`, `auth`, `actor` as
 * JSON, `registration`), or from a `bedside.config.json` beside the game (`{ "xapi": { … } }`).
 */
const Agent = z
  .looseObject({
    objectType: z.literal('Agent').optional(),
    name: z.string().optional(),
    mbox: z
      .string()
      .regex(/^mailto:\S+@\S+$/, { error: 'mbox is "mailto:" and an address' })
      .optional(),
    account: z.strictObject({ homePage: z.url(), name: z.string().min(1) }).optional(),
  })
  .refine((a) => a.mbox !== undefined || a.account !== undefined, {
    error: 'the actor needs an mbox ("mailto:…") or an account ({ homePage, name })',
  });

export const XapiConfig = z.strictObject({
  endpoint: z
    .url({ protocol: /^https?$/, error: 'endpoint: the LRS address, http(s)://…' })
    .transform((u) => (u.endsWith('/') ? u : `${u}/`)),
  /** The Authorization header's value ("Basic …"), as launch parameters carry it. */
  auth: z.string().min(1, { error: 'auth: the Authorization value, e.g. "Basic dXNlcjpwYXNz"' }),
  actor: Agent,
  registration: z.uuid({ error: 'registration: a UUID' }).optional(),
});
export type XapiConfig = z.infer<typeof XapiConfig>;

/** The file form: credentials may be given as a user name and password instead of an Authorization value. */
const FileForm = z.strictObject({
  xapi: z
    .strictObject({
      endpoint: z.string(),
      auth: z.string().optional(),
      username: z.string().optional(),
      password: z.string().optional(),
      actor: z.unknown(),
      registration: z.string().optional(),
    })
    .optional(),
});

export type XapiSetting =
  { kind: 'off' } | { kind: 'on'; config: XapiConfig } | { kind: 'broken'; why: string };

const explain = (where: string, error: z.ZodError) =>
  `${where}: ${error.issues.map((i) => `${i.path.join('.') || 'xapi'}: ${i.message}`).join('; ')}`;

/** The launch parameters, if the address has an `endpoint`: on, broken (and why), or off. */
export function xapiFromLaunch(search: string): XapiSetting {
  const params = new URLSearchParams(search);
  const endpoint = params.get('endpoint');
  if (endpoint === null) return { kind: 'off' };
  let actor: unknown;
  try {
    actor = JSON.parse(params.get('actor') ?? 'null');
  } catch {
    return { kind: 'broken', why: 'launch parameters: actor: not JSON' };
  }
  const registration = params.get('registration');
  const parsed = XapiConfig.safeParse({
    endpoint,
    auth: params.get('auth') ?? '',
    actor,
    ...(registration === null ? {} : { registration }),
  });
  return parsed.success
    ? { kind: 'on', config: parsed.data }
    : { kind: 'broken', why: explain('launch parameters', parsed.error) };
}

/** `bedside.config.json`'s contents (already parsed from JSON), if it names an LRS: on, broken (and why), or off. */
export function xapiFromFile(json: unknown): XapiSetting {
  const file = FileForm.safeParse(json);
  if (!file.success) return { kind: 'broken', why: explain('bedside.config.json', file.error) };
  const x = file.data.xapi;
  if (x === undefined) return { kind: 'off' };
  const auth =
    x.auth ?? (x.username === undefined ? '' : `Basic ${btoa(`${x.username}:${x.password ?? ''}`)}`);
  const parsed = XapiConfig.safeParse({
    endpoint: x.endpoint,
    auth,
    actor: x.actor,
    ...(x.registration === undefined ? {} : { registration: x.registration }),
  });
  return parsed.success
    ? { kind: 'on', config: parsed.data }
    : { kind: 'broken', why: explain('bedside.config.json xapi', parsed.error) };
}
