import {
  APPEARANCE_SIGNS,
  meets,
  type AppearanceSign,
  type CaseContext,
  type ResolvedCase,
} from '../engine/index.ts';

export type Build = 'slim' | 'average' | 'heavy';

/** Who the figure on the trolley is: from the case, never from the state. */
export interface Person {
  ageYears: number;
  sex: 'male' | 'female';
  build: Build;
}

/**
 * Adult weights (kg) below which the figure is drawn slim and from which it is drawn heavy, by sex, when the case
 * gives no build. Without a height this is only a guess at the middle of the adult range.
 */
const BUILD_BY_WEIGHT = { male: { slim: 62, heavy: 105 }, female: { slim: 52, heavy: 90 } } as const;

export function personOf(resolved: ResolvedCase): Person {
  const p = resolved.data.patient;
  const sex = p.sex.value;
  const kg = p.weightKg.value;
  const limits = BUILD_BY_WEIGHT[sex];
  const build = p.build?.value ?? (kg < limits.slim ? 'slim' : kg >= limits.heavy ? 'heavy' : 'average');
  return { ageYears: p.ageYears.value, sex, build };
}

/** Central cyanosis shows on the lips once the saturation is below about 85 %. */
const CYANOSIS_BELOW_SPO2 = 85;

/** What the monitor already implies about the look of the patient: capillary refill, saturation, GCS. */
function fromState(ctx: CaseContext): AppearanceSign[] {
  const v = ctx.vitals;
  const signs: AppearanceSign[] = [];
  if (v.crt > 3) signs.push('pallor');
  if (v.crt > 4) signs.push('mottling');
  if (v.spo2 < CYANOSIS_BELOW_SPO2) signs.push('cyanosis');
  if (v.gcs < 14) signs.push('drowsiness');
  return signs;
}

/** Signs that need a patient awake enough to show them, or breathing on their own. */
const NEEDS_AWAKE: readonly AppearanceSign[] = ['pain', 'drowsiness', 'deep-breathing'];

/**
 * The signs that show on the patient now: the state's own and those the case declares while their condition holds.
 * A grimace goes while an analgesic acts; an unresponsive patient does not grimace or breathe deeply; the dead
 * show none (the figure is grey and still).
 */
export function signsNow(
  ctx: CaseContext,
  resolved: ResolvedCase,
  state: { painRelieved: boolean; unresponsive: boolean; dead: boolean },
): AppearanceSign[] {
  if (state.dead) return [];
  const shown = new Set(fromState(ctx));
  for (const entry of resolved.data.appearance)
    if (entry.when === undefined || meets(entry.when, ctx.vitals)) shown.add(entry.sign);
  if (state.painRelieved) shown.delete('pain');
  if (state.unresponsive) for (const sign of NEEDS_AWAKE) shown.delete(sign);
  return APPEARANCE_SIGNS.filter((sign) => shown.has(sign));
}

const WORDS: Record<AppearanceSign, string> = {
  pallor: 'pale',
  mottling: 'mottled limbs',
  sweating: 'sweating',
  cyanosis: 'blue lips',
  flushing: 'flushed',
  urticaria: 'hives',
  'lip-swelling': 'swollen lips',
  pain: 'grimacing in pain',
  drowsiness: 'drowsy',
  'deep-breathing': 'deep, sighing breaths',
};

/** The look of the patient in words, for a text view beside the canvas ("pale, sweating, grimacing in pain"). */
export function appearanceWords(signs: readonly AppearanceSign[]): string {
  return signs.map((sign) => WORDS[sign]).join(', ');
}
