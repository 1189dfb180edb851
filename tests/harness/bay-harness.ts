import '@fontsource/atkinson-hyperlegible/400.css';
import '@fontsource/atkinson-hyperlegible/700.css';
import { createActor } from 'xstate';
import { mountBay } from '../../src/game/bay.ts';
import type { BayHandle, BayView } from '../../src/view/bay-view.ts';
import { bayView } from '../../src/view/view-model.ts';
import { caseFiles, catalogFiles } from '../../src/app/case-files.ts';
import { createCaseMachine, loadCase, loadCatalog, toLearnerAction } from '../../src/engine/index.ts';

/**
 * Mounts the bay at full width, for looking at it, for screenshots and for the harness test.
 *
 * - `?scenario=<name>`: a hand-made view (see SCENARIOS: each rhythm, pacing, compressions, an arterial line …).
 * - `?case=<id>&at=<min>&plan=best|none&seed=<n>`: a shipped case played through the engine to minute `at`, along
 *   its best path or untreated (with the case's default seed unless one is given), and drawn from the real view
 *   model (the patient as the case makes them look).
 * - `&reduced=1` draws still strips (what the harness test reads), `&paused=1` freezes, `&tick=1` moves the clock
 *   a minute a second.
 */
const OK = { hr: 'ok', map: 'ok', spo2: 'ok', rr: 'ok', temp: 'ok' } as const;
type RhythmId = BayView['rhythm']['id'];
/** Complexes from the ventricles are wide (an infranodal block's escape here; see `chb-junctional`). */
const qrsOf = (id: RhythmId): 'narrow' | 'wide' =>
  ['vt', 'pvt', 'pea', 'chb'].includes(id) ? 'wide' : 'narrow';

const base: BayView = {
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

/** A shipped case played through the engine to `atMin`, on its best path or untreated, as the app would show it. */
function caseView(id: string, atMin: number, plan: string, seed: number | null): BayView {
  const catalog = loadCatalog(catalogFiles());
  if (!catalog.ok) throw new Error('catalogue does not load');
  const file = caseFiles().find((f) => f.name === `cases/${id}.json`);
  if (file === undefined) throw new Error(`no case ${id}`);
  const loaded = loadCase(file, catalog.value);
  if (!loaded.ok) throw new Error(`case ${id} does not load`);
  const resolved = loaded.value;
  const actor = createActor(createCaseMachine(resolved, { seed: seed ?? resolved.data.defaultSeed })).start();
  actor.send({ type: 'START' });
  const steps = plan === 'best' ? resolved.data.bestPath.actions.filter((a) => a.at <= atMin) : [];
  for (const step of steps) {
    const action = toLearnerAction(step);
    if (action === null || step.do === 'dispose') continue; // the bay is drawn before the patient leaves
    actor.send({ type: 'ADVANCE', toMin: step.at });
    actor.send({ type: 'ACT', action });
  }
  actor.send({ type: 'ADVANCE', toMin: atMin });
  const view = bayView(actor.getSnapshot().context.play, resolved, { paused: false, reducedMotion: false });
  actor.stop();
  return view;
}

const query = new URLSearchParams(location.search);
const caseId = query.get('case');
const chosen =
  caseId === null
    ? (SCENARIOS[query.get('scenario') ?? 'shock'] ?? base)
    : caseView(
        caseId,
        Number(query.get('at') ?? '0'),
        query.get('plan') ?? 'best',
        query.has('seed') ? Number(query.get('seed')) : null,
      );
let view: BayView = {
  ...chosen,
  reducedMotion: query.get('reduced') === '1',
  paused: query.get('paused') === '1',
};

const parent = document.getElementById('bay');
if (parent === null) throw new Error('missing #bay');
const handle: BayHandle = mountBay(parent, view);

if (query.get('tick') === '1') {
  setInterval(() => {
    view = { ...view, nowMin: view.nowMin + 1 };
    handle.update(view);
  }, 1000);
}

declare global {
  interface Window {
    bay?: BayHandle;
    /** The view the bay was mounted with, for the harness test. */
    bayView?: BayView;
  }
}
window.bay = handle;
window.bayView = view;
