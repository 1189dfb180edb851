import type { CaseContext } from './context.ts';
import type { ResolvedCase } from './load/load-case.ts';
import type { MinuteInputs } from './physiology/state.ts';

export const isRunning = (t: { atMin: number; endsAt: number | null }, minute: number) =>
  t.atMin <= minute && (t.endsAt === null || minute < t.endsAt);

/**
 * What the care given so far does to the patient during minute `minute`: the bridge from the learner's record
 * (treatments, procedures) to the physiology model's inputs. Which drugs work on this patient's disease is the
 * case's say (physiology.driver.effectiveTreatments), not the code's.
 */
export function inputsAt(ctx: CaseContext, resolved: ResolvedCase, minute: number): MinuteInputs {
  const model = resolved.data.physiology;
  const catalog = resolved.catalog.treatments;
  const inputs: MinuteInputs = {
    fluidMl: 0,
    durableFluidMl: 0,
    pressorRate: 0,
    fixedPressorMmHg: 0,
    killing: false,
    sourceControlled: false,
    burdenFactorPerMin: 1,
    inductionMapDropMmHg: 0,
    steroidActing: false,
    nephrotoxic: false,
    antipyreticDropC: 0,
    painRelieved: false,
    spo2Gain: 0,
  };
  for (const given of ctx.treatments) {
    if (given.atMin > minute) continue;
    const treatment = catalog[given.treatmentId];
    if (treatment === undefined) continue;
    const running = isRunning(given, minute);
    const since = minute - given.atMin;
    for (const effect of treatment.effects) {
      switch (effect.type) {
        case 'crystalloid': {
          if (!running) break;
          const rate = treatment.rateMlPerMin ?? given.dose;
          const delivered = Math.min(rate, Math.max(0, given.dose - since * rate));
          inputs.fluidMl += delivered;
          inputs.durableFluidMl += delivered * (effect.durableFraction ?? model.volume.durableFraction);
          break;
        }
        case 'vasopressor':
          if (running) inputs.pressorRate += given.dose * effect.potency;
          break;
        case 'fixed-pressor':
          if (running) inputs.fixedPressorMmHg += effect.mapMmHg * Math.min(1, since / effect.onsetMin);
          break;
        case 'antimicrobial':
          if (
            since >= model.driver.killLagMin &&
            model.driver.effectiveTreatments.includes(given.treatmentId)
          )
            inputs.killing = true;
          break;
        case 'corticosteroid':
          if (since >= model.severity.steroidLagMin) inputs.steroidActing = true;
          break;
        case 'nephrotoxic':
          inputs.nephrotoxic = true;
          break;
        case 'antipyretic':
          if (since < effect.durationMin)
            inputs.antipyreticDropC = Math.max(inputs.antipyreticDropC, effect.tempDropC);
          break;
        case 'analgesic':
          if (since < effect.durationMin) inputs.painRelieved = true;
          break;
        case 'oxygen':
          if (running) inputs.spo2Gain = Math.max(inputs.spo2Gain, effect.spo2Gain);
          break;
        default:
          throw new Error(`unhandled effect ${JSON.stringify(effect satisfies never)}`);
      }
    }
  }
  for (const procedure of ctx.procedures) {
    if (minute >= procedure.endsAt) {
      if (procedure.controlsSource) inputs.sourceControlled = true;
      continue;
    }
    if (minute < procedure.startsAt) continue;
    inputs.burdenFactorPerMin *=
      procedure.burdenFactor ** (1 / Math.max(1, procedure.endsAt - procedure.startsAt));
    if (minute < procedure.startsAt + procedure.inductionMin) {
      inputs.inductionMapDropMmHg += procedure.inductionMapDropMmHg * (inputs.pressorRate > 0 ? 0.5 : 1);
    }
  }
  return inputs;
}
