import type { CaseContext } from '../engine/index.ts';
import type { BayView } from '../view/bay-view.ts';
import { alarmConditions } from './alarm-conditions.ts';
import type { SoundSnapshot } from './scheduler.ts';

/** What the sound of the bay follows: the monitor as the bay draws it, and the engine's record for the cues. */
export function soundSnapshot(view: BayView, ctx: CaseContext): SoundSnapshot {
  return {
    nowMin: view.nowMin,
    hr: view.vitals.hr,
    spo2: view.vitals.spo2,
    rhythm: view.rhythm.id,
    conditions: alarmConditions(view),
    paused: view.paused,
    cues: {
      result: ctx.timeline.filter((e) => e.kind === 'result' && e.afterEnd !== true).length,
      order: ctx.orders.length,
      consultant: ctx.consults.filter((c) => c.arrivesAt <= ctx.nowMin).length,
    },
  };
}
