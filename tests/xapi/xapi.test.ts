import { describe, expect, it } from 'vitest';
import type { Statement } from '@xapi/xapi';
import { xapiFromFile, xapiFromLaunch, type XapiConfig } from '../../src/app/xapi/config.ts';
import { StatementQueue, type Delivery } from '../../src/app/xapi/queue.ts';
import { decision, finished, launched, IRI } from '../../src/app/xapi/statements.ts';
import { memoryStorage, toSave } from '../../src/app/save.ts';
import { XAPI_QUEUE_KEY, XapiLink, xapiSetting } from '../../src/app/xapi/xapi-link.ts';
import { playToEnd, summarisePlay, type CaseContext } from '../../src/engine/index.ts';
import { Script } from '../../src/engine/case/schema/script.ts';
import { loadFirstCase } from '../support/load.ts';
import { LrsStatement } from '../support/lrs-validator.ts';

const config: XapiConfig = {
  endpoint: 'https://lrs.example.org/xapi/',
  auth: 'Basic dXNlcjpwYXNz',
  actor: { objectType: 'Agent', name: 'A. Learner', mbox: 'mailto:learner@example.org' },
  registration: '6f1f0c4e-2a55-4b8e-9b0d-3c1e8a3f9d10',
};
const scenario = { id: 'septic-shock-spondylodiscitis', title: 'Back pain, vomiting and a BP of 80/50' };
let n = 0;
const stamp = () => ({
  id: `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
  timestamp: '2026-12-07T13:20:00.000Z',
});

describe('xAPI configuration: off unless given, and a bad one said in words', () => {
  it('is off with no launch parameters and no file section', () => {
    expect(xapiFromLaunch('?case=x&clock=step')).toEqual({ kind: 'off' });
    expect(xapiFromFile({})).toEqual({ kind: 'off' });
  });

  it('reads the launch convention (endpoint, auth, actor as JSON, registration)', () => {
    const search = new URLSearchParams({
      endpoint: 'https://lrs.example.org/xapi',
      auth: 'Basic dXNlcjpwYXNz',
      actor: JSON.stringify({ name: 'A. Learner', mbox: 'mailto:learner@example.org' }),
      registration: config.registration ?? '',
    }).toString();
    const setting = xapiFromLaunch(`?${search}`);
    expect(setting).toMatchObject({ kind: 'on', config: { endpoint: 'https://lrs.example.org/xapi/' } });
  });

  it('reads a config file with a user name and password', () => {
    const setting = xapiFromFile({
      xapi: {
        endpoint: 'https://lrs.example.org/xapi/',
        username: 'user',
        password: 'pass',
        actor: { account: { homePage: 'https://lms.example.org', name: '42' } },
      },
    });
    expect(setting).toMatchObject({ kind: 'on', config: { auth: 'Basic dXNlcjpwYXNz' } });
  });

  it('names what is wrong', () => {
    expect(xapiFromLaunch('?endpoint=ftp://x&auth=a&actor={}')).toMatchObject({
      kind: 'broken',
      why: expect.stringMatching(/endpoint.*http\(s\).*actor.*mbox/s) as unknown,
    });
    expect(xapiFromLaunch('?endpoint=https://x/&auth=a&actor=nope')).toEqual({
      kind: 'broken',
      why: 'launch parameters: actor: not JSON',
    });
    expect(xapiFromFile({ xapi: { endpoint: 'https://x/', actor: { mbox: 'mailto:a@b' } } })).toMatchObject({
      kind: 'broken',
      why: expect.stringMatching(/^bedside\.config\.json xapi: auth/) as unknown,
    });
  });
});

describe('the statements a play makes', () => {
  it('meet the xAPI statement rules a stub LRS checks, with the catalogue id and the simulated minute', () => {
    const statements: Statement[] = [
      launched(config, scenario, 'initialized', stamp()),
      ...(
        [
          { do: 'order', id: 'lactate', label: 'Lactate', atMin: 5 },
          { do: 'treat', id: 'norepinephrine', dose: 0.1, label: 'Norepinephrine', atMin: 40 },
          { do: 'consult', id: 'general-surgery', label: 'General surgery', atMin: 150 },
          { do: 'diagnose', id: 'septic-shock', label: 'Septic shock', atMin: 160 },
          { do: 'dispose', id: 'operating-room', label: 'Operating room', atMin: 180 },
        ] as const
      )
        .map((e) => decision(config, scenario, e, stamp()))
        .filter((s) => s !== null),
      ...finished(config, scenario, { percent: 91.5, passMark: 70, atMin: 180 }, [stamp(), stamp()]),
    ];
    for (const s of statements) expect(LrsStatement.safeParse(s).error?.issues ?? []).toEqual([]);
    expect(statements[1]?.object).toMatchObject({ id: 'urn:bedside:order:lactate' });
    expect(statements[2]?.result?.extensions?.[IRI.dose]).toBe(0.1);
    expect(statements[4]?.context?.extensions?.[IRI.minute]).toBe(160);
    expect(statements.at(-2)?.verb.id).toBe('http://adlnet.gov/expapi/verbs/completed');
    expect(statements.at(-1)?.verb.id).toBe('http://adlnet.gov/expapi/verbs/passed');
    expect(statements.at(-1)?.result?.score?.scaled).toBeCloseTo(0.915);
  });

  it('only the reported verbs make one; a failed play says failed', () => {
    expect(
      decision(config, scenario, { do: 'examine', id: 'abdomen', label: 'Abdomen', atMin: 1 }, stamp()),
    ).toBeNull();
    const [, verdict] = finished(config, scenario, { percent: 40, passMark: 70, atMin: 30 }, [
      stamp(),
      stamp(),
    ]);
    expect(verdict.verb.id).toBe('http://adlnet.gov/expapi/verbs/failed');
    expect(verdict.result?.success).toBe(false);
  });
});

describe('the statement queue: kept through a reload, sent once the LRS is back, none twice', () => {
  const statement = (): Statement => launched(config, scenario, 'initialized', stamp());

  it('keeps what the LRS could not take, and sends it once it can', async () => {
    const storage = memoryStorage();
    const received: string[] = [];
    let up = false;
    const send = (batch: Statement[]): Promise<Delivery> => {
      if (!up) return Promise.reject(new Error('offline'));
      received.push(...batch.map((s) => s.id ?? ''));
      return Promise.resolve('delivered');
    };
    const first = new StatementQueue(storage, 'q', send);
    first.add([statement(), statement()]);
    await first.flush();
    expect(received).toEqual([]);
    // A reload: a new queue over the same storage still has them.
    const second = new StatementQueue(storage, 'q', send);
    expect(second.waiting()).toHaveLength(2);
    up = true;
    second.add([statement()]);
    await Promise.all([second.flush(), second.flush()]);
    expect(received).toHaveLength(3);
    expect(new Set(received).size).toBe(3);
    expect(second.waiting()).toEqual([]);
    await second.flush();
    expect(received).toHaveLength(3);
  });

  it('a batch whose reply was lost goes again with the same ids, and the LRS’s "already have it" ends it', async () => {
    const storage = memoryStorage();
    const stored = new Map<string, Statement>();
    let replies = 0;
    const lrs = (batch: Statement[]): Promise<Delivery> => {
      // An LRS keeps one statement per id: the same id again is recognised, not stored twice.
      for (const s of batch) stored.set(s.id ?? '', s);
      replies += 1;
      // The first reply never arrives (the connection drops after the LRS stored the batch).
      if (replies === 1) return Promise.reject(new Error('connection reset'));
      return Promise.resolve('delivered');
    };
    const queue = new StatementQueue(storage, 'q', lrs);
    const made = [statement(), statement()];
    queue.add(made);
    await queue.flush();
    expect(queue.waiting().map((s) => s.id)).toEqual(made.map((s) => s.id));
    await queue.flush();
    expect(queue.waiting()).toEqual([]);
    expect([...stored.keys()]).toEqual(made.map((s) => s.id));
  });

  it('a storage that refuses keeps the queue in memory', async () => {
    const storage = memoryStorage();
    storage.setItem = () => {
      throw new Error('QuotaExceededError');
    };
    const queue = new StatementQueue(storage, 'q', () => Promise.resolve('later'));
    queue.add([statement()]);
    expect(queue.waiting()).toHaveLength(1);
    await queue.flush();
    expect(queue.waiting()).toHaveLength(1);
  });
});

describe("the app's link: what a play tells, and when", () => {
  const resolved = loadFirstCase();
  const script = Script.parse({ actions: resolved.data.bestPath.actions });
  const ctx: CaseContext = playToEnd(resolved, script);
  const save = toSave(ctx, '', { clock: 'step', secondsPerMinute: 2, units: 'conventional' });

  function link(storage = memoryStorage()) {
    const sent: Statement[] = [];
    const made = new XapiLink({
      storage,
      stamp,
      sender: () => (batch) => {
        sent.push(...batch);
        return Promise.resolve('delivered');
      },
      changed: () => undefined,
    });
    return { made, sent, storage };
  }

  it('keeps what happens before the setting is known, with its moment, and tells it once it is', async () => {
    const { made, sent } = link();
    made.began(resolved);
    made.kept(resolved, { ...save, log: save.log.slice(0, 4) });
    made.connect({ kind: 'on', config });
    made.kept(resolved, save);
    made.ended(resolved, {
      percent: summarisePlay(resolved, ctx).score.percent,
      passMark: 70,
      atMin: ctx.nowMin,
    });
    made.ended(resolved, {
      percent: summarisePlay(resolved, ctx).score.percent,
      passMark: 70,
      atMin: ctx.nowMin,
    });
    await made.flush();
    const decisions = save.log.filter((e) =>
      ['order', 'treat', 'consult', 'diagnose', 'dispose'].includes(e.action.do),
    );
    expect(sent.map((s) => s.verb.display?.['en-US'])).toEqual([
      'initialized',
      ...decisions.map(
        (e) =>
          (
            ({
              order: 'ordered',
              treat: 'treated',
              consult: 'consulted',
              diagnose: 'diagnosed',
              dispose: 'disposed',
            }) as Record<string, string>
          )[e.action.do],
      ),
      'completed',
      'passed',
    ]);
    expect(new Set(sent.map((s) => s.id)).size).toBe(sent.length);
    // The catalogue's own name for the object: "Lactate", not the phrase "Lactate ordered".
    expect(sent[1]?.object).toMatchObject({
      definition: { name: { 'en-US': expect.not.stringMatching(/ordered|"/) as unknown } },
    });
  });

  it('with xAPI off, nothing is kept or sent', async () => {
    const { made, sent, storage } = link();
    made.began(resolved);
    made.connect({ kind: 'off' });
    made.kept(resolved, save);
    made.ended(resolved, {
      percent: summarisePlay(resolved, ctx).score.percent,
      passMark: 70,
      atMin: ctx.nowMin,
    });
    await made.flush();
    expect(sent).toEqual([]);
    expect(storage.getItem(XAPI_QUEUE_KEY)).toBeNull();
  });

  it('a play taken up again says resumed, and one taken up at its debrief says nothing more', async () => {
    const { made, sent } = link();
    made.connect({ kind: 'on', config });
    made.resumed(resolved, save, true);
    made.kept(resolved, save);
    made.ended(resolved, {
      percent: summarisePlay(resolved, ctx).score.percent,
      passMark: 70,
      atMin: ctx.nowMin,
    });
    await made.flush();
    expect(sent).toEqual([]);
    made.resumed(resolved, { ...save, log: save.log.slice(0, 3) }, false);
    await made.flush();
    expect(sent.map((s) => s.verb.display?.['en-US'])).toEqual(['resumed']);
  });

  it('a broken setting is said, and nothing is sent', () => {
    const { made, sent } = link();
    made.connect({ kind: 'broken', why: 'launch parameters: actor: not JSON' });
    made.began(resolved);
    expect(made.notice).toBe('Learning records are not being sent: launch parameters: actor: not JSON.');
    expect(sent).toEqual([]);
  });

  it("settings: launch parameters first, then the file, remembered for a start offline; the build's policy checked", async () => {
    const storage = memoryStorage();
    const file = {
      xapi: { endpoint: 'https://lrs.example.org/x', auth: 'Basic a', actor: { mbox: 'mailto:a@b.c' } },
    };
    const allowAll = () => true;
    expect(await xapiSetting('', storage, () => Promise.resolve(file), allowAll)).toMatchObject({
      kind: 'on',
    });
    // Offline next time: the file cannot be read, the copy read last time is used.
    expect(
      await xapiSetting('', storage, () => Promise.reject(new Error('offline')), allowAll),
    ).toMatchObject({
      kind: 'on',
      config: { endpoint: 'https://lrs.example.org/x/' },
    });
    // The file is gone from the server: off, and forgotten.
    expect(await xapiSetting('', storage, () => Promise.resolve(undefined), allowAll)).toEqual({
      kind: 'off',
    });
    expect(await xapiSetting('', storage, () => Promise.reject(new Error('offline')), allowAll)).toEqual({
      kind: 'off',
    });
    // Launch parameters win over the file.
    const launch = `?endpoint=${encodeURIComponent('https://other.example.org/')}&auth=x&actor=${encodeURIComponent('{"mbox":"mailto:a@b.c"}')}`;
    expect(await xapiSetting(launch, storage, () => Promise.resolve(file), allowAll)).toMatchObject({
      config: { endpoint: 'https://other.example.org/' },
    });
    // An LRS the build's policy would block: broken, naming the build option.
    expect(
      await xapiSetting(
        launch,
        storage,
        () => Promise.resolve(undefined),
        () => false,
      ),
    ).toEqual({
      kind: 'broken',
      why: 'this build may not connect to https://other.example.org (its Content-Security-Policy); build it with BEDSIDE_LRS_ORIGIN=https://other.example.org',
    });
  });
});
