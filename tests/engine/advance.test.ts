import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { advanceTo } from '../../src/engine/advance.ts';
import { inputsAt } from '../../src/engine/care.ts';
import { applyAction } from '../../src/engine/actions.ts';
import type { CaseContext, LearnerAction } from '../../src/engine/index.ts';
import { copyPatient } from '../../src/engine/physiology/state.ts';
import { stepMinute } from '../../src/engine/physiology/step.ts';
import { firstCase, startActor } from '../support/play.ts';

/** The reference: recompute every input every minute. The engine only recomputes at breakpoints. */
function naivePatientAt(ctx: CaseContext, toMin: number) {
  const patient = copyPatient(ctx.patient);
  const model = firstCase.data.physiology;
  for (let minute = ctx.nowMin; minute < toMin && !patient.arrested; minute++) {
    stepMinute(patient, inputsAt(ctx, firstCase, minute), model, firstCase.data.patient.weightKg.value);
  }
  return patient;
}

const action = fc.oneof(
  fc.constantFrom<LearnerAction>(
    { do: 'treat', id: 'lactated-ringers', dose: 1000 },
    { do: 'treat', id: 'lactated-ringers', dose: 333 },
    { do: 'treat', id: 'ceftriaxone' },
    { do: 'treat', id: 'hydrocortisone' },
    { do: 'treat', id: 'vasopressin' },
    { do: 'treat', id: 'paracetamol' },
    { do: 'treat', id: 'diclofenac' },
    { do: 'treat', id: 'oxygen' },
    { do: 'stop', id: 'norepinephrine' },
    { do: 'stop', id: 'lactated-ringers' },
    { do: 'stop', id: 'vasopressin' },
    { do: 'order', id: 'lactate' },
  ),
  fc
    .double({ min: 0.01, max: 0.5, noNaN: true })
    .map((dose): LearnerAction => ({ do: 'treat', id: 'norepinephrine', dose })),
);

describe('integrating between breakpoints', () => {
  it('gives exactly the patient that recomputing every input every minute gives', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 40 }), action), { maxLength: 12 }),
        fc.integer({ min: 1, max: 300 }),
        (plan, span) => {
          const actor = startActor();
          let ctx = actor.getSnapshot().context.play;
          for (const [gap, act] of plan) {
            ctx = applyAction(advanceTo(ctx, firstCase, ctx.nowMin + gap), firstCase, act);
            if (ctx.deathAtMin !== null) return;
          }
          const fast = advanceTo(ctx, firstCase, ctx.nowMin + span).patient;
          expect(fast).toEqual(naivePatientAt(ctx, ctx.nowMin + span));
        },
      ),
      { numRuns: 200 },
    );
  });
});
