import type { BayView } from '../game/bay-view.ts';
import { clockText } from '../engine/index.ts';
import { h } from './dom.ts';

const ALARM_WORD = { ok: '', low: 'LOW', high: 'HIGH' } as const;

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
      const item = (label: string, value: string, alarm: keyof typeof a | null) => {
        const level = alarm === null ? 'ok' : a[alarm];
        // Each term and its value in one <div> (allowed inside <dl>), so they stay together however the row wraps.
        return h(
          'div',
          {},
          h('dt', {}, label),
          h(
            'dd',
            { class: level === 'ok' ? '' : 'alarm' },
            value,
            level === 'ok' ? '' : ` ${ALARM_WORD[level]}`,
          ),
        );
      };
      list.replaceChildren(
        item('HR', view.patient.dead ? 'asystole' : `${String(v.hr)} /min`, 'hr'),
        item(
          view.bpSource === 'arterial' ? 'BP (arterial line)' : `BP (cuff, ${clockText(view.nibpAtMin)})`,
          `${String(v.sbp)}/${String(v.dbp)} (${String(v.map)}) mmHg`,
          'map',
        ),
        item('SpO₂', `${String(v.spo2)} %`, 'spo2'),
        item('RR', `${String(v.rr)} /min`, 'rr'),
        item('Temp', `${v.temp.toFixed(1)} °C`, 'temp'),
      );
    },
  };
}
