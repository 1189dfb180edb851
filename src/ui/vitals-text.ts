import { appearanceWords } from '../view/appearance.ts';
import type { BayView } from '../view/bay-view.ts';
import { clockText } from '../engine/index.ts';
import { h, type Child } from './dom.ts';

const ALARM_WORD = { ok: '', low: 'LOW', high: 'HIGH' } as const;

/** A reading the monitor cannot make: "---" on screen, "no reading" to a screen reader (two parts, no alarm word). */
const noReading = (): Child[] => [
  h('span', { 'aria-hidden': 'true' }, '---'),
  h('span', { class: 'sr-only' }, 'no reading'),
];

/** The monitor in words: readable without the canvas, for screen readers and small screens. */
export function vitalsText() {
  const list = h('dl', { class: 'vitals' });
  // Not a live region: the numbers change every minute, and a screen reader reads them when the learner asks.
  const section = h(
    'section',
    { class: 'monitor-text', 'aria-labelledby': 'monitor-title' },
    h('h2', { id: 'monitor-title', class: 'sr-only' }, 'Monitor'),
    list,
  );
  return {
    el: section,
    update(view: BayView) {
      const v = view.vitals;
      const a = view.alarms;
      // Any numeric out of its limits: the strip says so at a glance (a red edge) as well as beside the value.
      section.classList.toggle(
        'alarming',
        Object.values(a).some((level) => level !== 'ok'),
      );
      const item = (label: Child[], value: Child[], alarm: keyof typeof a | null, className = '') => {
        const level = alarm === null ? 'ok' : a[alarm];
        // Each term and its value in one <div> (allowed inside <dl>), so they stay together however the row wraps.
        return h(
          'div',
          { class: className },
          h('dt', {}, ...label),
          h(
            'dd',
            { class: level === 'ok' ? '' : 'alarm' },
            ...value,
            level === 'ok' || value.length > 1 ? '' : ` ${ALARM_WORD[level]}`,
          ),
        );
      };
      const reading = (value: number | null, unit: string): Child[] =>
        value === null ? noReading() : [`${String(value)} ${unit}`];
      const lost = view.patient.arrest || view.patient.dead;
      // Where the BP comes from, after "BP": left out of the compact strip pinned on a phone.
      const bpSource =
        view.bpSource === 'arterial'
          ? ' (arterial line)'
          : lost
            ? ''
            : ` (cuff, ${clockText(view.nibpAtMin)})`;
      list.replaceChildren(
        item(['Rhythm'], [view.rhythm.name], null, lost ? 'rhythm arrest' : 'rhythm'),
        item(['HR'], reading(v.hr, '/min'), 'hr', 'hr'),
        item(
          ['BP', bpSource === '' ? null : h('span', { class: 'bp-source' }, bpSource)],
          v.sbp === null || v.dbp === null || v.map === null
            ? noReading()
            : [`${String(v.sbp)}/${String(v.dbp)} (MAP ${String(v.map)}) mmHg`],
          'map',
          'bp',
        ),
        item(['SpO₂'], reading(v.spo2, '%'), 'spo2', 'spo2'),
        item(['RR'], [`${String(v.rr)} /min`], 'rr', 'rr'),
        item(['Temp'], [`${v.temp.toFixed(1)} °C`], 'temp', 'temp'),
        // What the canvas shows of the patient (hives, a grimace, mottling), in words for those who cannot see it.
        ...(view.patient.signs.length === 0
          ? []
          : [item(['Looks'], [appearanceWords(view.patient.signs)], null, 'looks')]),
      );
    },
  };
}
