import type { BayView } from '../../src/view/bay-view.ts';

/** Hand-made views of the bay for the harness: each rhythm, pacing, compressions, an arterial line, the shocked patient. */
const OK = { hr: 'ok', map: 'ok', spo2: 'ok', rr: 'ok', temp: 'ok' } as const;
type RhythmId = BayView['rhythm']['id'];
/** Complexes from the ventricles are wide (an infranodal block's escape here; see `chb-junctional`). */
const qrsOf = (id: RhythmId): 'narrow' | 'wide' =>
  ['vt', 'pvt', 'pea', 'chb'].includes(id) ? 'wide' : 'narrow';

export const base: BayView = {
  nowMin: 42,
  vitals: { hr: 78, sbp: 124, dbp: 76, map: 92, spo2: 98, rr: 14, temp: 36.8 },
  rhythm: { id: 'sinus', name: 'Sinus rhythm', arrestMin: null, qrs: 'narrow' },
  pacing: null,
  leadII: null,
  nibpAtMin: 40,
  bpSource: 'nibp',
  alarms: OK,
  patient: {
    person: { ageYears: 47, sex: 'male', build: 'average' },
    perfusion: 'normal',
    consciousness: 'alert',
    signs: [],
    cpr: false,
    dripRunning: false,
    infusionRunning: false,
    oxygenMask: false,
    arterialLine: false,
    arrest: false,
    dead: false,
    posture: 'reclined',
  },
  reducedMotion: false,
  steadyAlarms: false,
  largeType: false,
  paused: false,
};

/** A perfusing rhythm at a rate, with the pressure it makes. */
const perfusing = (id: RhythmId, name: string, hr: number, [sbp, dbp]: [number, number]): BayView => ({
  ...base,
  vitals: { ...base.vitals, hr, sbp, dbp, map: Math.round((sbp + 2 * dbp) / 3) },
  rhythm: { id, name, arrestMin: null, qrs: qrsOf(id) },
  alarms: { ...OK, hr: hr > 120 ? 'high' : hr < 50 ? 'low' : 'ok', map: sbp < 90 ? 'low' : 'ok' },
});

/** An arrest rhythm some minutes in, with or without compressions. */
const arrested = (id: RhythmId, name: string, arrestMin: number, cpr: boolean): BayView => ({
  ...base,
  nowMin: 581,
  vitals: {
    hr: id === 'pea' ? 40 : id === 'pvt' ? 180 : null,
    sbp: cpr ? 57 : null,
    dbp: cpr ? 32 : null,
    map: cpr ? 40 : null,
    spo2: null,
    rr: cpr ? 10 : 0,
    temp: 37.7,
  },
  rhythm: { id, name, arrestMin, qrs: qrsOf(id) },
  nibpAtMin: 580,
  alarms: { ...OK, hr: 'low', map: 'low', spo2: 'low', rr: cpr ? 'ok' : 'low' },
  patient: {
    ...base.patient,
    perfusion: 'mottled',
    consciousness: 'unresponsive',
    signs: ['pallor', 'mottling', 'cyanosis'],
    arrest: true,
    cpr,
  },
});

const withLine = (view: BayView): BayView => ({
  ...view,
  bpSource: 'arterial',
  patient: { ...view.patient, arterialLine: true },
});

const chb = perfusing('chb', 'Complete heart block', 38, [84, 48]);

export const SCENARIOS: Record<string, BayView> = {
  well: base,
  sinus: perfusing('sinus', 'Sinus rhythm', 78, [124, 76]),
  af: perfusing('af', 'Atrial fibrillation', 124, [102, 64]),
  svt: perfusing('svt', 'Supraventricular tachycardia', 186, [96, 62]),
  vt: perfusing('vt', 'Ventricular tachycardia (with a pulse)', 170, [86, 54]),
  chb,
  /** Sinus bradycardia with the ST elevation of an inferior STEMI in lead II (cases/inferior-stemi-rv.json). */
  stemi: {
    ...perfusing('sinus', 'Sinus bradycardia', 58, [104, 66]),
    leadII: { stMm: 2.5, t: 'upright', q: false, lowVoltage: false },
  },
  'chb-junctional': { ...chb, rhythm: { ...chb.rhythm, qrs: 'narrow' } },
  /** A junctional escape slowed by β-blockade and hyperkalaemia (BRASH): narrow, regular, no P waves. */
  junctional: perfusing('junctional', 'Junctional bradycardia', 26, [80, 40]),
  paced: {
    ...chb,
    vitals: { ...chb.vitals, hr: 70, sbp: 112, dbp: 68, map: 83 },
    rhythm: { ...chb.rhythm, name: 'Complete heart block, paced' },
    pacing: { rateBpm: 70, state: 'capture' },
    alarms: OK,
  },
  vf: arrested('vf', 'Ventricular fibrillation', 1, false),
  'vf-fine': arrested('vf', 'Ventricular fibrillation', 14, false),
  'vf-cpr': arrested('vf', 'Ventricular fibrillation', 3, true),
  pvt: arrested('pvt', 'Pulseless ventricular tachycardia', 1, false),
  pea: arrested('pea', 'Pulseless electrical activity', 2, false),
  'pea-cpr': arrested('pea', 'Pulseless electrical activity', 4, true),
  asystole: arrested('asystole', 'Asystole', 6, false),
  'asystole-pacing': {
    ...arrested('asystole', 'Asystole, pacing without capture', 6, false),
    pacing: { rateBpm: 70, state: 'no-capture' },
  },
  arterial: withLine(perfusing('sinus', 'Sinus rhythm', 88, [118, 66])),
  'arterial-af': withLine(perfusing('af', 'Atrial fibrillation', 118, [104, 60])),
  'arterial-cpr': withLine(arrested('pea', 'Pulseless electrical activity', 4, true)),
  shock: {
    ...base,
    nowMin: 18,
    vitals: { hr: 109, sbp: 84, dbp: 48, map: 60, spo2: 94, rr: 24, temp: 38.9 },
    rhythm: { id: 'sinus', name: 'Sinus tachycardia', arrestMin: null, qrs: 'narrow' },
    nibpAtMin: 15,
    alarms: { ...OK, map: 'low', temp: 'high' },
    patient: {
      ...base.patient,
      perfusion: 'mottled',
      consciousness: 'drowsy',
      signs: ['pallor', 'mottling', 'drowsiness', 'pain'],
      dripRunning: true,
    },
  },
  dead: {
    ...base,
    nowMin: 96,
    vitals: { hr: null, sbp: null, dbp: null, map: null, spo2: null, rr: 0, temp: 37.4 },
    rhythm: { id: 'asystole', name: 'Asystole', arrestMin: null, qrs: 'narrow' },
    nibpAtMin: 95,
    alarms: { ...OK, hr: 'low', map: 'low', spo2: 'low', rr: 'low' },
    patient: {
      ...base.patient,
      perfusion: 'mottled',
      consciousness: 'unresponsive',
      dripRunning: true,
      oxygenMask: true,
      dead: true,
    },
  },
};
