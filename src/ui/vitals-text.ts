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
  return {
    el: h(
      'section',
      { class: 'monitor-text', 'aria-labelledby': 'monitor-title' },
      h('h2', { id: 'monitor-title', class: 'sr-only' }, 'Monitor'),
      list,
    ),
    update(view: BayView) {
      const v = view.vitals;
      const a = view.alarms;
      const item = (label: string, value: Child[], alarm: keyof typeof a | null, className = '') => {
        const level = alarm === null ? 'ok' : a[alarm];
        // Each term and its value in one <div> (allowed inside <dl>), so they stay together however the row wraps.
        return h(
          'div',
          { class: className },
          h('dt', {}, label),
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
      list.replaceChildren(
        item('Rhythm', [view.rhythm.name], null, lost ? 'rhythm arrest' : 'rhythm'),
        item('HR', reading(v.hr, '/min'), 'hr'),
        item(
          view.bpSource === 'arterial'
            ? 'BP (arterial line)'
            : lost
              ? 'BP'
              : `BP (cuff, ${clockText(view.nibpAtMin)})`,
          v.sbp === null || v.dbp === null || v.map === null
            ? noReading()
            : [`${String(v.sbp)}/${String(v.dbp)} (${String(v.map)}) mmHg`],
          'map',
        ),
        item('SpO₂', reading(v.spo2, '%'), 'spo2'),
        item('RR', [`${String(v.rr)} /min`], 'rr'),
        item('Temp', [`${v.temp.toFixed(1)} °C`], 'temp'),
      );
    },
  };
}
