import type { ResolvedCase } from '../case/load/load-case.ts';
import type { Treatment } from '../case/schema/catalog.ts';
import { draw, isShockable, rhythmName, shockChance, withCurrent } from '../sim/arrest.ts';
import { momentOf, readingsOf } from '../sim/gate.ts';
import { inputsAt } from '../sim/care.ts';
import { currentArrest, type CaseContext } from './context.ts';

/** Treatments that act on the heart's rhythm or the airway at the moment they are given. */

/** Whether a tube is in: an airway procedure given and its minutes passed. */
export function intubated(ctx: CaseContext, resolved: ResolvedCase): boolean {
  return inputsAt(ctx, resolved, ctx.nowMin).ventilated; // the care's own rule: a tube is in once placed
}

/**
 * What a shock or an antiarrhythmic does to the rhythm, drawn now from the play's seed: a shock in VF/pVT may
 * bring back a circulation (the machine then leaves the arrest phase), a synchronised shock or a drug may turn a
 * perfusing tachyarrhythmia into sinus rhythm. Anything else leaves the rhythm as it is, and says so.
 */
export function actOnRhythm(
  ctx: CaseContext,
  resolved: ResolvedCase,
  treatment: Treatment,
  dose: number,
  missed: readonly number[],
): { changes: Partial<CaseContext>; text: string; rngState: number } {
  const rngState = ctx.rngState;
  const arrest = currentArrest(ctx);
  const moment = momentOf(ctx, readingsOf(ctx.vitals));
  for (const [index, effect] of treatment.effects.entries()) {
    if (missed.includes(index)) continue;
    if (effect.type === 'defibrillation') {
      if (arrest === null)
        return {
          changes: {},
          text: 'The patient has a pulse: an unsynchronised shock is not indicated.',
          rngState,
        };
      if (!isShockable(ctx.rhythm))
        return {
          changes: {},
          text: `${rhythmName(ctx.rhythm, 0)} is not a shockable rhythm: no effect.`,
          rngState,
        };
      const d = draw(rngState, shockChance(ctx, resolved, moment));
      const shocked = {
        ...arrest,
        shocks: arrest.shocks + 1,
        firstShockAt: arrest.firstShockAt ?? ctx.nowMin,
      };
      return {
        changes: {
          arrests: withCurrent(ctx, shocked),
          ...(d.happens ? { due: [{ kind: 'rosc' as const }] } : {}),
        },
        text: d.happens
          ? `Shock ${String(shocked.shocks)} (${String(dose)} J): an organised rhythm with a pulse.`
          : `Shock ${String(shocked.shocks)} (${String(dose)} J): still ${rhythmName(ctx.rhythm, 0).toLowerCase()}.`,
        rngState: d.rngState,
      };
    }
    const converts =
      effect.type === 'cardioversion'
        ? effect.success
        : effect.type === 'antiarrhythmic'
          ? effect.conversion
          : 0;
    if (converts > 0 && arrest === null && (['vt', 'svt', 'af'] as const).some((r) => r === ctx.rhythm)) {
      const d = draw(rngState, converts);
      return {
        changes: d.happens ? { rhythm: 'sinus' } : {},
        text: d.happens
          ? 'The rhythm converts to sinus rhythm.'
          : `Still ${rhythmName(ctx.rhythm, 0).toLowerCase()}.`,
        rngState: d.rngState,
      };
    }
    if (effect.type === 'cardioversion')
      return {
        changes: {},
        text:
          arrest === null
            ? 'Nothing to cardiovert in this rhythm.'
            : 'A synchronised shock does not fire in a pulseless rhythm: defibrillate instead.',
        rngState,
      };
  }
  return { changes: {}, text: '', rngState };
}
