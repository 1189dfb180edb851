import '@fontsource/atkinson-hyperlegible/400.css';
import '@fontsource/atkinson-hyperlegible/700.css';
import { mountBay } from '../../src/game/bay.ts';
import type { BayHandle, BayView } from '../../src/view/bay-view.ts';

/**
 * Mounts the bay at full width with a scenario from the query string, for looking at it and for screenshots:
 * ?scenario=shock|treated|dead|well|drowsy|vf|asystole|pea-cpr &reduced=1 &paused=1 &tick=1 (advance the clock a minute a second).
 */
const OK = { hr: 'ok', map: 'ok', spo2: 'ok', rr: 'ok', temp: 'ok' } as const;

const base: BayView = {
  nowMin: 42,
  vitals: { hr: 78, sbp: 124, dbp: 76, map: 92, spo2: 98, rr: 14, temp: 36.8 },
  rhythm: { id: 'sinus', name: 'Sinus rhythm' },
  nibpAtMin: 40,
  bpSource: 'nibp',
  alarms: OK,
  patient: {
    perfusion: 'normal',
    consciousness: 'alert',
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

const scenarios: Record<string, BayView> = {
  well: base,
  shock: {
    ...base,
    nowMin: 18,
    vitals: { hr: 109, sbp: 84, dbp: 48, map: 60, spo2: 94, rr: 24, temp: 38.9 },
    rhythm: { id: 'sinus', name: 'Sinus tachycardia' },
    nibpAtMin: 15,
    alarms: { ...OK, map: 'low', temp: 'high' },
    patient: { ...base.patient, perfusion: 'mottled', consciousness: 'drowsy', dripRunning: true },
  },
  treated: {
    ...base,
    nowMin: 75,
    vitals: { hr: 94, sbp: 104, dbp: 56, map: 72, spo2: 97, rr: 18, temp: 38.1 },
    nibpAtMin: 70,
    bpSource: 'arterial',
    patient: {
      ...base.patient,
      perfusion: 'pale',
      dripRunning: true,
      infusionRunning: true,
      oxygenMask: true,
      arterialLine: true,
    },
  },
  drowsy: {
    ...base,
    vitals: { hr: 128, sbp: 96, dbp: 60, map: 72, spo2: 88, rr: 32, temp: 35.2 },
    rhythm: { id: 'sinus', name: 'Sinus tachycardia' },
    alarms: { ...OK, hr: 'high', spo2: 'low', rr: 'high' },
    patient: { ...base.patient, perfusion: 'pale', consciousness: 'unresponsive', oxygenMask: true },
  },
  dead: {
    ...base,
    nowMin: 96,
    vitals: { hr: null, sbp: null, dbp: null, map: null, spo2: null, rr: 0, temp: 37.4 },
    rhythm: { id: 'asystole', name: 'Asystole' },
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
const arrested = (rhythm: BayView['rhythm'], cpr: boolean): BayView => ({
  ...base,
  nowMin: 581,
  vitals: {
    hr: rhythm.id === 'pea' ? 40 : null,
    sbp: cpr ? 57 : null,
    dbp: cpr ? 32 : null,
    map: cpr ? 40 : null,
    spo2: null,
    rr: cpr ? 10 : 0,
    temp: 37.7,
  },
  rhythm,
  nibpAtMin: 580,
  alarms: { ...OK, hr: 'low', map: 'low', spo2: 'low', rr: cpr ? 'ok' : 'low' },
  patient: { ...base.patient, perfusion: 'mottled', consciousness: 'unresponsive', arrest: true },
});
scenarios.vf = arrested({ id: 'vf', name: 'Ventricular fibrillation' }, false);
scenarios.asystole = arrested({ id: 'asystole', name: 'Asystole' }, false);
scenarios['pea-cpr'] = arrested({ id: 'pea', name: 'Pulseless electrical activity' }, true);

const query = new URLSearchParams(location.search);
const chosen = scenarios[query.get('scenario') ?? 'shock'] ?? base;
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
  }
}
window.bay = handle;
