import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import { bayView, orderStatus, visibleResults } from '../../src/view/view-model.ts';
import {
  createCaseMachine,
  type CaseContext,
  type CaseEvent,
  type LearnerAction,
} from '../../src/engine/index.ts';
import { currentArrest } from '../../src/engine/play/context.ts';
import { loadShippedCase } from '../support/load.ts';
import { firstCase } from '../support/play.ts';

/** Play events on the first case and return the context, as the app's session would hold it. */
function after(...events: CaseEvent[]): CaseContext {
  const actor = createActor(createCaseMachine(firstCase, { seed: 1 })).start();
  actor.send({ type: 'START' });
  for (const e of events) actor.send(e);
  const ctx = actor.getSnapshot().context.play;
  actor.stop();
  return ctx;
}
const view = (ctx: CaseContext) => bayView(ctx, firstCase, { paused: false, reducedMotion: false });
const act = (action: LearnerAction): CaseEvent => ({ type: 'ACT', action });
const to = (toMin: number): CaseEvent => ({ type: 'ADVANCE', toMin });

describe('the bay view the app derives from the engine', () => {
  it('shows the cuff pressure of the last 5-minute cycle, and beat-to-beat pressure once an arterial line is in', () => {
    const cuff = view(after(to(7)));
    expect(cuff.bpSource).toBe('nibp');
    expect(cuff.nibpAtMin).toBe(5);
    const lined = after(act({ do: 'treat', id: 'arterial-line' }), to(7));
    const art = view(lined);
    expect(art.bpSource).toBe('arterial');
    expect(art.patient.arterialLine).toBe(true);
    expect(art.vitals.map).toBe(Math.round(lined.vitals.map));
  });

  it('lays the trolley flat with the legs raised, or sits the patient up, while that position holds', () => {
    expect(view(after(to(2))).patient.posture).toBe('reclined');
    expect(view(after(act({ do: 'treat', id: 'position-legs-raised' }), to(2))).patient.posture).toBe('flat');
    const sat = after(
      act({ do: 'treat', id: 'position-legs-raised' }),
      to(2),
      act({ do: 'treat', id: 'position-sitting-up' }),
      to(3),
    );
    expect(view(sat).patient.posture).toBe('upright');
    expect(
      view(
        after(
          act({ do: 'treat', id: 'position-sitting-up' }),
          to(1),
          act({ do: 'stop', id: 'position-sitting-up' }),
          to(2),
        ),
      ).patient.posture,
    ).toBe('reclined');
  });

  it('draws the drip only while a bolus runs in, the syringe driver while a vasopressor runs, the mask while O2 flows', () => {
    const running = after(
      act({ do: 'treat', id: 'lactated-ringers', dose: 500 }),
      act({ do: 'treat', id: 'norepinephrine', dose: 0.1 }),
      act({ do: 'treat', id: 'oxygen' }),
      to(5),
    );
    expect(view(running).patient).toMatchObject({
      dripRunning: true,
      infusionRunning: true,
      oxygenMask: true,
    });
    const later = after(
      act({ do: 'treat', id: 'lactated-ringers', dose: 500 }),
      act({ do: 'treat', id: 'norepinephrine', dose: 0.1 }),
      to(60),
      act({ do: 'stop', id: 'norepinephrine' }),
    );
    expect(view(later).patient).toMatchObject({
      dripRunning: false,
      infusionRunning: false,
      oxygenMask: false,
    });
  });

  it('raises the MAP alarm at arrival (MAP about 60, below the 65 limit) and not once noradrenaline holds it', () => {
    expect(view(after()).alarms.map).toBe('low');
    const held = after(
      act({ do: 'treat', id: 'lactated-ringers', dose: 1000 }),
      act({ do: 'treat', id: 'norepinephrine', dose: 0.15 }),
      to(60),
    );
    expect(held.vitals.map).toBeGreaterThanOrEqual(65);
    expect(view(held).alarms.map).toBe('ok');
  });

  it('shows an order as ordered, in the lab, then resulted, and lists only visible results', () => {
    const ctx = after(act({ do: 'order', id: 'cbc' }), to(1));
    const order = ctx.orders[0];
    if (order === undefined) throw new Error('no order');
    expect(orderStatus(order, order.orderedAt)).toBe(
      order.sampledAt > order.orderedAt ? 'ordered' : 'in lab',
    );
    expect(orderStatus(order, order.resultAt - 1)).toBe('in lab');
    expect(orderStatus(order, order.resultAt)).toBe('resulted');
    expect(visibleResults(ctx)).toEqual([]);
    expect(visibleResults(after(act({ do: 'order', id: 'cbc' }), to(order.resultAt)))).toHaveLength(1);
  });

  it('blood cultures go from in lab to preliminary to final', () => {
    const ctx = after(act({ do: 'order', id: 'blood-cultures' }), to(1));
    const order = ctx.orders[0];
    if (order?.result?.kind !== 'culture') throw new Error('no culture result');
    const [first, last] = [order.result.stages[0], order.result.stages.at(-1)];
    if (first === undefined || last === undefined) throw new Error('no stages');
    expect(orderStatus(order, first.atMin - 1)).toBe('in lab');
    expect(orderStatus(order, first.atMin)).toBe(first.status === 'final' ? 'resulted' : 'preliminary');
    expect(orderStatus(order, last.atMin)).toBe('resulted');
  });

  it('names the rhythm on the monitor: sinus tachycardia at arrival, with a pulse, a pressure and a saturation', () => {
    const arrival = view(after(to(1)));
    expect(arrival.rhythm).toEqual({
      id: 'sinus',
      name: 'Sinus tachycardia',
      arrestMin: null,
      qrs: 'narrow',
    });
    expect(arrival.vitals.spo2).toBeTypeOf('number');
    expect(arrival.vitals.map).toBeTypeOf('number');
    expect(arrival.patient).toMatchObject({ arrest: false, dead: false });
  });
});

describe('the bay view in cardiac arrest, which is not death', () => {
  // Untreated, the septic shock arrests in the tenth hour; an interruptible advance from the ninth (past the MAP
  // alarm of the third hour, where it would stop first) stops at the arrest.
  const untilArrest = { type: 'ADVANCE', toMin: 16 * 60, interruptible: true } as const;
  const arrested = after(to(9 * 60), untilArrest);
  const startedAt = currentArrest(arrested)?.startedAt ?? Number.NaN;

  it('stops the clock at the arrest, with the patient in arrest and not dead', () => {
    expect(currentArrest(arrested)).not.toBeNull();
    expect(arrested.nowMin).toBe(startedAt);
    expect(arrested.deathAtMin).toBeNull();
    const v = view(arrested);
    expect(v.patient).toMatchObject({ arrest: true, dead: false, consciousness: 'unresponsive' });
  });

  it('shows the rhythm by name, its electrical rate in PEA, no saturation and no pressure without compressions', () => {
    const v = view(arrested);
    expect(v.rhythm).toEqual({ id: 'pea', name: 'Pulseless electrical activity', arrestMin: 0, qrs: 'wide' });
    expect(v.vitals.hr).toBe(Math.round(arrested.vitals.hr));
    expect(v.vitals.spo2).toBeNull();
    expect(v.vitals).toMatchObject({ sbp: null, dbp: null, map: null, rr: 0 });
    expect(v.alarms).toMatchObject({ hr: 'low', map: 'low', spo2: 'low' });
  });

  it('shows the pressure the compressions make, and their ventilations, once CPR runs', () => {
    const cpr = after(to(9 * 60), untilArrest, act({ do: 'treat', id: 'cpr' }), to(startedAt + 1));
    expect(currentArrest(cpr)).not.toBeNull();
    const v = view(cpr);
    expect(v.vitals.map).toBe(Math.round(cpr.vitals.map));
    expect(v.vitals.map).toBeGreaterThan(0);
    expect(v.vitals.spo2).toBeNull();
    expect(v.vitals.rr).toBe(10);
    expect(v.patient.arrest).toBe(true);
  });

  it('after death, a flat line: asystole, no rate, no pressure, and the patient dead, no longer in arrest', () => {
    const dead = after(to(9 * 60), untilArrest, to(startedAt + 60));
    expect(dead.deathAtMin).not.toBeNull();
    const v = view(dead);
    expect(v.patient).toMatchObject({ arrest: false, dead: true });
    expect(v.rhythm).toEqual({ id: 'asystole', name: 'Asystole', arrestMin: null, qrs: 'narrow' });
    expect(v.vitals).toMatchObject({ hr: null, sbp: null, map: null, spo2: null, rr: 0 });
  });
});

describe("lead II on the monitor follows the case's 12-lead ECG", () => {
  const stemi = loadShippedCase('cases/inferior-stemi-rv.json');
  /** The STEMI played untreated to `toMin` with this seed (its chance events: heart block at 20 min, VF at 25). */
  function stemiAt(toMin: number, seed: number): CaseContext {
    const actor = createActor(createCaseMachine(stemi, { seed })).start();
    actor.send({ type: 'START' });
    actor.send(to(toMin));
    const ctx = actor.getSnapshot().context.play;
    actor.stop();
    return ctx;
  }
  /** The first seed whose untreated play is in `rhythm` at 30 min: which seed it is follows the engine's dice. */
  function seedInRhythmAt30(rhythm: CaseContext['rhythm']): number {
    const seed = Array.from({ length: 200 }, (_, i) => i + 1).find((s) => stemiAt(30, s).rhythm === rhythm);
    if (seed === undefined) throw new Error(`no seed reaches ${rhythm}`);
    return seed;
  }
  const stemiView = (ctx: CaseContext) => bayView(ctx, stemi, { paused: false, reducedMotion: false });

  it("shows the inferior STEMI's ST elevation in lead II in sinus rhythm, as its ECG declares (2.5 mm)", () => {
    const v = stemiView(stemiAt(10, stemi.data.defaultSeed));
    expect(v.rhythm.id).toBe('sinus');
    expect(v.leadII).toEqual({ stMm: 2.5, t: 'upright', q: false, lowVoltage: false });
    expect(v.leadII?.stMm).toBeGreaterThan(0);
  });

  it('keeps it over the narrow junctional escape of heart block, and drops it in VF (no conducted beats)', () => {
    const block = stemiView(stemiAt(30, seedInRhythmAt30('chb')));
    expect(block.rhythm).toMatchObject({ id: 'chb', qrs: 'narrow' });
    expect(block.leadII?.stMm).toBe(2.5);
    const vf = stemiView(stemiAt(30, seedInRhythmAt30('vf')));
    expect(vf.rhythm.id).toBe('vf');
    expect(vf.leadII).toBeNull();
  });

  it('drops it while the pacemaker captures: paced beats are ventricular', () => {
    const actor = createActor(createCaseMachine(stemi, { seed: seedInRhythmAt30('chb') })).start();
    actor.send({ type: 'START' });
    actor.send(to(30));
    actor.send(act({ do: 'treat', id: 'transcutaneous-pacing', dose: 70 }));
    actor.send(to(31));
    const v = stemiView(actor.getSnapshot().context.play);
    actor.stop();
    expect(v.pacing?.state).toBe('capture');
    expect(v.leadII).toBeNull();
  });

  it("leaves the septic patient's lead II as the monitor's own: the case's ECG gives it nothing beyond sinus", () => {
    const v = view(after(to(1)));
    expect(v.rhythm.id).toBe('sinus');
    expect(v.leadII).toBeNull();
  });
});
