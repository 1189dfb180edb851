import type { BayView } from '../view/bay-view.ts';

/** What the heart does now, read from the view: the monitor draws every lane from this. */
export interface HeartSpec {
  rhythm: BayView['rhythm']['id'];
  /** Width of the complexes: a nodal block's junctional escape is narrow, an infranodal one's wide. */
  qrs: 'narrow' | 'wide';
  /** The ventricular rate the view gives (null: none a monitor can count). */
  rateBpm: number | null;
  pacing: BayView['pacing'];
  /** Lead II as the case's ECG has it, drawn on conducted (sinus and narrow) beats; null: the textbook complex. */
  leadII: BayView['leadII'];
  cpr: boolean;
  /** Minutes into the arrest: VF is coarse at first and finer as the minutes pass. */
  arrestMin: number;
  /** Whether the beats make a pulse (not in an arrest, not after death). */
  output: boolean;
  /** The pressure the arterial line reads (beats, or compressions in an arrest), or null for none. */
  pressure: { sbp: number; dbp: number } | null;
}

/** The heart spec for a view. */
export function heartSpec(view: BayView): HeartSpec {
  const { dead, arrest, cpr } = view.patient;
  const { sbp, dbp } = view.vitals;
  return {
    rhythm: dead ? 'asystole' : view.rhythm.id,
    qrs: view.rhythm.qrs,
    rateBpm: view.vitals.hr,
    pacing: dead ? null : view.pacing,
    leadII: dead ? null : view.leadII,
    cpr: !dead && cpr,
    arrestMin: view.rhythm.arrestMin ?? 0,
    output: !dead && !arrest,
    pressure: sbp === null || dbp === null ? null : { sbp, dbp },
  };
}

/** A number in [0, 1) from an integer: the same every time, unrelated to its neighbours (a 32-bit mix). */
export function unitHash(n: number, salt: number): number {
  let h = Math.imul(n ^ Math.imul(salt, 0x9e3779b1), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  h = (h ^ (h >>> 16)) >>> 0;
  return h / 4294967296;
}
