import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';
import { z } from 'zod';
import { SAVE_VERSION, SavedPlaySchema, type SavedPlay } from '../save.ts';

/**
 * A play in an LMS's resume slot (SCORM 1.2's `cmi.suspend_data`: 4,096 characters at most, and some LMSs cut
 * anything longer without a word). The save is its action log, so it is written compactly and then deflated:
 * each id once in a dictionary, each entry as the minutes since the one before, a verb letter and the id's index.
 * A classroom's votes and board are left out (an LMS learner plays alone).
 */
export const SUSPEND_LIMIT = 4096;

/** The verbs as one letter each (the save's schema names every verb; this covers them all or fails to compile). */
const VERB_LETTER: Record<SavedPlay['log'][number]['action']['do'], string> = {
  examine: 'e',
  ask: 'a',
  order: 'o',
  cancel: 'c',
  treat: 't',
  stop: 's',
  consult: 'k',
  diagnose: 'd',
  dispose: 'p',
};
const LETTER_VERB = new Map(Object.entries(VERB_LETTER).map(([verb, letter]) => [letter, verb]));

/** The compact form before deflating: short keys, the log as one string. */
const Compact = z.strictObject({
  v: z.literal(SAVE_VERSION),
  c: z.string(),
  h: z.string(),
  s: z.number(),
  n: z.number(),
  e: z.number().nullable(),
  /** clock ('s'tep or 'r'eal), seconds per minute, units ('c'onventional or 's'i). */
  o: z.tuple([z.enum(['s', 'r']), z.number(), z.enum(['c', 's'])]),
  /** Each id once, in order of first use. */
  d: z.array(z.string()),
  /** Entries separated by ",": minutes since the previous entry (base 36), the verb's letter, the id's index (base 36), and "~" and the dose if one was given. */
  l: z.string(),
});

/**
 * The play as suspend data within `limit` characters. A play too long for it keeps its longest beginning that fits,
 * ending at that entry's minute (`complete: false`, and `atMin` says where a resume will pick up): the LMS never gets
 * more than it may store, and the learner is told rather than finding a play cut short.
 */
export function suspendDataFor(
  save: SavedPlay,
  limit = SUSPEND_LIMIT,
): { data: string; complete: true } | { data: string; complete: false; atMin: number; kept: number } {
  const whole = encode(save);
  if (whole.length <= limit) return { data: whole, complete: true };
  // The longest beginning of the log that fits: encoded length grows with the entries kept.
  let lo = 0;
  let hi = save.log.length - 1;
  const prefix = (n: number) => {
    const log = save.log.slice(0, n);
    const atMin = log.at(-1)?.atMin ?? 0;
    return { save: { ...save, log, nowMin: atMin, endedAtMin: null }, atMin };
  };
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (encode(prefix(mid).save).length <= limit) lo = mid;
    else hi = mid - 1;
  }
  const kept = prefix(lo);
  return { data: encode(kept.save), complete: false, atMin: kept.atMin, kept: lo };
}

/** The play as deflated compact text in base64 (plain ASCII, which every LMS stores as given). */
export function encode(save: SavedPlay): string {
  const ids: string[] = [];
  const index = new Map<string, number>();
  let previous = 0;
  const entries = save.log.map(({ atMin, action }) => {
    let i = index.get(action.id);
    if (i === undefined) {
      i = ids.length;
      ids.push(action.id);
      index.set(action.id, i);
    }
    const dose = action.do === 'treat' && action.dose !== undefined ? `~${String(action.dose)}` : '';
    const text = `${(atMin - previous).toString(36)}${VERB_LETTER[action.do]}${i.toString(36)}${dose}`;
    previous = atMin;
    return text;
  });
  const compact: z.infer<typeof Compact> = {
    v: save.version,
    c: save.caseId,
    h: save.caseHash,
    s: save.seed,
    n: save.nowMin,
    e: save.endedAtMin,
    o: [
      save.settings.clock === 'step' ? 's' : 'r',
      save.settings.secondsPerMinute,
      save.settings.units === 'si' ? 's' : 'c',
    ],
    d: ids,
    l: entries.join(','),
  };
  return toBase64(deflateSync(strToU8(JSON.stringify(compact)), { level: 9 }));
}

const ENTRY = /^([0-9a-z]+)([a-z])([0-9a-z]+)(?:~(.+))?$/;

/**
 * The play from suspend data, checked as any save is (the same schema), or why it cannot be read. Nothing an LMS
 * hands back is trusted: a cut-off or edited string is refused with a reason, never half-read.
 */
export function fromSuspendData(text: string): { ok: true; save: SavedPlay } | { ok: false; why: string } {
  let json: unknown;
  try {
    json = JSON.parse(strFromU8(inflateSync(fromBase64(text))));
  } catch {
    return { ok: false, why: 'the LMS’s resume data is not a Bedside play (it does not unpack)' };
  }
  const compact = Compact.safeParse(json);
  if (!compact.success) return { ok: false, why: 'the LMS’s resume data is not a Bedside play' };
  const { v, c, h, s, n, e, o, d, l } = compact.data;
  let atMin = 0;
  const log: unknown[] = [];
  for (const [k, entry] of (l === '' ? [] : l.split(',')).entries()) {
    const m = ENTRY.exec(entry);
    const verb = m === null ? undefined : LETTER_VERB.get(m[2] ?? '');
    const id = m === null ? undefined : d[Number.parseInt(m[3] ?? '', 36)];
    if (m === null || verb === undefined || id === undefined)
      return { ok: false, why: `the LMS’s resume data has an unreadable entry (${String(k + 1)})` };
    atMin += Number.parseInt(m[1] ?? '', 36);
    const dose = m[4] === undefined ? {} : { dose: Number(m[4]) };
    log.push({ atMin, action: { do: verb, id, ...dose } });
  }
  const save = SavedPlaySchema.safeParse({
    version: v,
    caseId: c,
    caseHash: h,
    seed: s,
    log,
    nowMin: n,
    endedAtMin: e,
    settings: {
      clock: o[0] === 's' ? 'step' : 'real',
      secondsPerMinute: o[1],
      units: o[2] === 's' ? 'si' : 'conventional',
    },
  });
  return save.success
    ? { ok: true, save: save.data }
    : {
        ok: false,
        why: `the LMS’s resume data does not make a valid play (${save.error.issues[0]?.message ?? ''})`,
      };
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
