import type { Statement } from '@xapi/xapi';
import { actionWords, type ResolvedCase } from '../../engine/index.ts';
import type { SavedPlay } from '../save.ts';
import { xapiFromFile, xapiFromLaunch, type XapiConfig, type XapiSetting } from './config.ts';
import { StatementQueue, type Delivery } from './queue.ts';
import { decision, finished, launched, type Stamp } from './statements.ts';

/** Statements waiting for the LRS are kept under this key; the last config file read, under the next. */
export const XAPI_QUEUE_KEY = 'bedside:xapi:queue';
const FILE_KEY = 'bedside:xapi:config';

/**
 * Where statements go: the launch parameters if the address has them, else `bedside.config.json` beside the game,
 * else nothing (the game sends nothing anywhere). The file read last is remembered, so a game opened offline still
 * knows where its waiting statements go. A config whose LRS this build's Content-Security-Policy would block is
 * broken, and says how to build for it, rather than queueing statements that can never leave.
 */
export async function xapiSetting(
  search: string,
  storage: Storage,
  readFile: () => Promise<unknown>,
  allowed: (origin: string) => boolean,
): Promise<XapiSetting> {
  let setting = xapiFromLaunch(search);
  if (setting.kind === 'off') {
    let file: unknown;
    try {
      file = await readFile();
      if (file === undefined) storage.removeItem(FILE_KEY);
      else storage.setItem(FILE_KEY, JSON.stringify(file));
    } catch {
      // Offline, or the server cannot be reached: the file as it was last read here, if it was.
      file = remembered(storage);
    }
    if (file !== undefined) setting = xapiFromFile(file);
  }
  if (setting.kind !== 'on') return setting;
  const origin = new URL(setting.config.endpoint).origin;
  if (allowed(origin)) return setting;
  return {
    kind: 'broken',
    why:
      `this build may not connect to ${origin} (its Content-Security-Policy); build it with ` +
      `BEDSIDE_LRS_ORIGIN=${origin}`,
  };
}

function remembered(storage: Storage): unknown {
  try {
    const text = storage.getItem(FILE_KEY);
    return text === null ? undefined : (JSON.parse(text) as unknown);
  } catch {
    return undefined;
  }
}

/**
 * Whether the page's Content-Security-Policy `<meta>` lets it connect to an origin (no policy: yes). Only what the
 * build writes is understood: 'self' and origins.
 */
export function policyAllows(doc: Document, origin: string): boolean {
  const meta = doc.querySelector('meta[http-equiv="Content-Security-Policy"]');
  if (meta === null) return true;
  const directives = (meta.getAttribute('content') ?? '').split(';').map((d) => d.trim().split(/\s+/));
  const sources = (
    directives.find((d) => d[0] === 'connect-src') ?? directives.find((d) => d[0] === 'default-src')
  )?.slice(1);
  if (sources === undefined) return true;
  return sources.some((s) => s === origin || (s === "'self'" && origin === doc.location.origin));
}

/**
 * The app's side of xAPI, like the LMS's: the play began or was taken up again, each new learner decision once, the
 * end with its score. Calls made before the setting is known (the config file is still being read) are kept, with
 * the moment they happened, and made into statements when it is; with xAPI off they are dropped.
 */
export class XapiLink {
  /** How many of the play's learner entries have been told. */
  private recorded = 0;
  /** The play's end has been told (a reload at the debrief does not tell it again). */
  private told = false;
  private setting: XapiSetting | null = null;
  private early: ((config: XapiConfig) => Statement[])[] = [];
  private queue: StatementQueue | null = null;
  /** What the learner should know (a broken setting, an LRS that refuses); null when all is well. */
  notice: string | null = null;

  constructor(
    private readonly opts: {
      storage: Storage;
      stamp: () => Stamp;
      sender: (
        config: XapiConfig,
        tell: (problem: string | null) => void,
      ) => (batch: Statement[]) => Promise<Delivery>;
      /** The notice changed. */
      changed: () => void;
    },
  ) {}

  /** The setting is known: make what was kept, and send what waits (this play's and any earlier one's). */
  connect(setting: XapiSetting): void {
    this.setting = setting;
    const early = this.early;
    this.early = [];
    if (setting.kind === 'broken') {
      this.notice = `Learning records are not being sent: ${setting.why}.`;
      this.opts.changed();
    }
    if (setting.kind !== 'on') return;
    const send = this.opts.sender(setting.config, (problem) => {
      if (problem === this.notice) return;
      this.notice = problem;
      this.opts.changed();
    });
    this.queue = new StatementQueue(this.opts.storage, XAPI_QUEUE_KEY, send);
    this.queue.add(early.flatMap((make) => make(setting.config)));
    void this.flush();
  }

  /** A new play of a case. */
  began(resolved: ResolvedCase): void {
    this.recorded = 0;
    this.told = false;
    const stamp = this.opts.stamp();
    this.tell((config) => [launched(config, caseRef(resolved), 'initialized', stamp)]);
  }

  /** A saved play taken up again (its decisions were told when they were made). */
  resumed(resolved: ResolvedCase, save: SavedPlay, ended: boolean): void {
    this.recorded = save.log.length;
    this.told = ended;
    if (ended) return;
    const stamp = this.opts.stamp();
    this.tell((config) => [launched(config, caseRef(resolved), 'resumed', stamp)]);
  }

  /** After every change: the decisions made since the last call. */
  kept(resolved: ResolvedCase, save: SavedPlay): void {
    if (save.log.length < this.recorded) this.recorded = 0;
    const entries = save.log.slice(this.recorded).map((e) => ({ ...e, stamp: this.opts.stamp() }));
    this.recorded = save.log.length;
    if (entries.length === 0) return;
    this.tell((config) =>
      entries.flatMap((e) => {
        const made = decision(
          config,
          caseRef(resolved),
          { ...e.action, label: labelOf(resolved, e.action), atMin: e.atMin },
          e.stamp,
        );
        return made === null ? [] : [made];
      }),
    );
  }

  /** The play has ended: completed, and passed or failed against the pass mark. Told once per play. */
  ended(resolved: ResolvedCase, outcome: { percent: number; passMark: number; atMin: number }): void {
    if (this.told) return;
    this.told = true;
    const { percent, passMark, atMin } = outcome;
    const stamps = [this.opts.stamp(), this.opts.stamp()] as const;
    this.tell((config) => finished(config, caseRef(resolved), { percent, passMark, atMin }, stamps));
  }

  /** Send what waits (after every statement, when the network comes back, and now and then). */
  async flush(): Promise<void> {
    await this.queue?.flush();
  }

  private tell(make: (config: XapiConfig) => Statement[]): void {
    const setting = this.setting;
    if (setting === null) this.early.push(make);
    else if (setting.kind === 'on') {
      this.queue?.add(make(setting.config));
      void this.flush();
    }
  }
}

const caseRef = (resolved: ResolvedCase) => ({ id: resolved.data.id, title: resolved.data.title });

/** The catalogue's name for what was done: "Lactate", "Norepinephrine", "Operating room". */
function labelOf(resolved: ResolvedCase, action: { do: string; id: string }): string {
  if (action.do === 'dispose') return resolved.catalog.dispositions[action.id]?.name ?? action.id;
  return actionWords(resolved, `${action.do}:${action.id}`).what.replace(/^"|"$/g, '');
}
