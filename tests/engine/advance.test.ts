import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { advanceTo } from '../../src/engine/sim/advance.ts';
import { inputsAt } from '../../src/engine/sim/care.ts';
import { applyAction } from '../../src/engine/play/actions.ts';
import type { CaseContext, LearnerAction, ResolvedCase } from '../../src/engine/index.ts';
import { copyPatient } from '../../src/engine/sim/physiology/state.ts';
import { stepMinute } from '../../src/engine/sim/physiology/step.ts';
import { loadShippedCase, shippedCasePaths } from '../support/load.ts';
import { firstCase, startActor } from '../support/play.ts';

/** The reference: recompute every input every minute. The engine only recomputes at breakpoints. */
function naivePatientAt(ctx: CaseContext, toMin: number, resolved: ResolvedCase = firstCase) {
  const patient = copyPatient(ctx.patient);
  const model = resolved.data.physiology;
  for (let minute = ctx.nowMin; minute < toMin; minute++) {
    stepMinute(patient, inputsAt(ctx, resolved, minute), model, resolved.data.patient.weightKg.value);
  }
  return patient;
}

/** The arrest flags are the integrator's to clear once it stops for an arrest; compare the physiology. */
const settled = (p: CaseContext['patient']) => ({ ...p, arrested: false, arrestCause: null });

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
  // Every treatment in the catalogue (one-off doses with kinetics, infusions, solutes, positions …), given at any
  // dose up to its maximum, in every shipped case: the breakpoints must catch every minute where an input changes.
  for (const path of shippedCasePaths()) {
    it(`misses no change of input in ${path}, whatever is given`, () => {
      const resolved = loadShippedCase(path);
      const ids = Object.keys(resolved.catalog.treatments);
      const anyAction = fc.oneof(
        fc
          .tuple(fc.constantFrom(...ids), fc.double({ min: 0.05, max: 1, noNaN: true }))
          .map(([id, share]): LearnerAction => ({
            do: 'treat',
            id,
            dose: (resolved.catalog.treatments[id]?.doseMax ?? 1) * share,
          })),
        fc.constantFrom(...ids).map((id): LearnerAction => ({ do: 'stop', id })),
      );
      fc.assert(
        fc.property(
          fc.array(fc.tuple(fc.integer({ min: 0, max: 30 }), anyAction), { maxLength: 10 }),
          fc.integer({ min: 1, max: 240 }),
          (plan, span) => {
            const actor = startActor(1, resolved);
            let ctx = actor.getSnapshot().context.play;
            for (const [gap, act] of plan) {
              ctx = applyAction(advanceTo(ctx, resolved, ctx.nowMin + gap), resolved, act);
              if (ctx.due.length > 0) return; // the machine's to handle (an arrest, an event)
            }
            const fast = advanceTo(ctx, resolved, ctx.nowMin + span);
            expect(settled(fast.patient)).toEqual(settled(naivePatientAt(ctx, fast.nowMin, resolved)));
          },
        ),
        { numRuns: 60 },
      );
    });
  }

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
            if (ctx.due.length > 0) return;
          }
          const fast = advanceTo(ctx, firstCase, ctx.nowMin + span);
          expect(settled(fast.patient)).toEqual(settled(naivePatientAt(ctx, fast.nowMin)));
        },
      ),
      { numRuns: 200 },
    );
  });
});
