import type { CaseContext } from '../play/context.ts';
import { doseEndMin } from './physiology/kinetics.ts';
import type { ResolvedCase } from '../case/load/load-case.ts';

/**
 * Minutes at which the care record can change what the treatments do (a bolus ends, an antibiotic starts to
 * kill, a procedure starts …). Between two of them the physiology inputs are constant, so the integrator
 * recomputes them only here. tests/engine/advance.test.ts checks this against recomputing every minute.
 */
export function inputBreakpoints(ctx: CaseContext, resolved: ResolvedCase): Set<number> {
  const model = resolved.data.physiology;
  const at = new Set<number>();
  for (const given of ctx.treatments) {
    at.add(given.atMin);
    at.add(given.atMin + 1); // a one-off dose's solutes are all delivered in its first minute
    if (given.endsAt !== null) at.add(given.endsAt);
    const treatment = resolved.catalog.treatments[given.treatmentId];
    if (treatment === undefined) continue;
    if (treatment.mode === 'bolus' && treatment.rateMlPerMin !== undefined)
      at.add(given.atMin + Math.floor(given.dose / treatment.rateMlPerMin));
    for (const effect of treatment.effects) {
      // A one-off dose with kinetics changes what it does every minute until it has worn off.
      if ('kinetics' in effect && effect.kinetics !== undefined && treatment.mode === 'dose') {
        const end = doseEndMin(effect.kinetics);
        for (let m = 0; m <= end; m++) at.add(given.atMin + m);
      }
      switch (effect.type) {
        case 'treats-driver':
          at.add(given.atMin + model.driver.killLagMin);
          if (effect.durationMin !== undefined)
            at.add(given.atMin + model.driver.killLagMin + effect.durationMin);
          break;
        case 'bronchodilator':
        case 'haemodynamic':
          if (effect.durationMin !== undefined) at.add(given.atMin + effect.durationMin);
          break;
        case 'corticosteroid':
          at.add(given.atMin + model.severity.steroidLagMin);
          break;
        case 'antipyretic':
        case 'analgesic':
          at.add(given.atMin + effect.durationMin);
          break;
        case 'fixed-pressor':
          for (let m = 0; m <= effect.onsetMin; m++) at.add(given.atMin + m);
          break;
        case 'pacing':
          at.add(given.atMin + effect.onsetMin); // a wire captures once it is in
          break;
        case 'membrane-stabiliser':
          at.add(given.atMin + Math.ceil(effect.durationMin));
          break;
        case 'airway':
          at.add(given.atMin + Math.ceil(treatment.durationMin)); // the tube is in
          break;
        default:
          break;
      }
    }
  }
  for (const p of ctx.procedures) {
    at.add(p.startsAt);
    at.add(p.endsAt);
    at.add(p.startsAt + p.inductionMin);
  }
  return at;
}

/** Minutes at which something must be noted or computed: samples, results, procedures, boluses in, consultants. */
export function eventMinutes(ctx: CaseContext, resolved: ResolvedCase): Set<number> {
  const at = new Set<number>();
  for (const order of ctx.orders) {
    at.add(order.sampledAt);
    at.add(order.resultAt);
    if (order.result?.kind === 'culture') for (const stage of order.result.stages) at.add(stage.atMin);
    const given = resolved.data.results[order.testId];
    if (order.result === null && given?.kind === 'culture')
      for (const stage of given.stages) at.add(order.sampledAt + stage.afterMin);
  }
  for (const p of ctx.procedures) {
    at.add(p.startsAt);
    at.add(p.endsAt);
  }
  for (const given of ctx.treatments) if (given.endsAt !== null) at.add(given.endsAt);
  for (const consult of ctx.consults) at.add(consult.arrivesAt);
  return at;
}
