import { clockText, durationText, type CaseContext } from '../engine/index.ts';
import { h } from './dom.ts';

const SVG = 'http://www.w3.org/2000/svg';
const svg = (tag: string, attrs: Record<string, string | number>, text?: string) => {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
};

const SERIES = [
  { key: 'map', label: 'MAP (mmHg)', colour: '#d43d3d', dash: '' },
  { key: 'hr', label: 'Heart rate (/min)', colour: '#1f8a4c', dash: '6 3' },
  { key: 'spo2', label: 'SpO₂ (%)', colour: '#1a6fb3', dash: '2 3' },
] as const;

/** The whole course (the learner's part and the projection), with the learner's interventions marked. */
export function vitalsChart(ctx: CaseContext, endedAt: number): HTMLElement {
  const width = 900;
  const height = 300;
  const pad = { left: 48, right: 16, top: 16, bottom: 36 };
  const horizon = Math.max(ctx.trace.at(-1)?.atMin ?? 1, 1);
  const x = (min: number) => pad.left + (min / horizon) * (width - pad.left - pad.right);
  const y = (value: number) =>
    pad.top + (1 - Math.min(160, Math.max(0, value)) / 160) * (height - pad.top - pad.bottom);
  const root = svg('svg', {
    viewBox: `0 0 ${String(width)} ${String(height)}`,
    role: 'img',
    'aria-labelledby': 'chart-title chart-desc',
    class: 'chart',
  });
  root.append(svg('title', { id: 'chart-title' }, 'Vitals over the whole course'));
  const first = ctx.trace[0];
  const last = ctx.trace.at(-1);
  root.append(
    svg(
      'desc',
      { id: 'chart-desc' },
      first === undefined || last === undefined
        ? ''
        : `MAP ${String(first.map)} at arrival, ${String(last.map)} at ${clockText(last.atMin)}; heart rate ${String(first.hr)} to ${String(last.hr)}. Your part ended at ${clockText(endedAt)}. A table of the values follows.`,
    ),
  );
  for (const v of [0, 40, 65, 100, 160]) {
    root.append(
      svg('line', {
        x1: pad.left,
        x2: width - pad.right,
        y1: y(v),
        y2: y(v),
        class: v === 65 ? 'grid target' : 'grid',
      }),
    );
    root.append(
      svg('text', { x: pad.left - 6, y: y(v) + 4, 'text-anchor': 'end', class: 'axis' }, String(v)),
    );
  }
  for (let m = 0; m <= horizon; m += 120)
    root.append(
      svg('text', { x: x(m), y: height - 12, 'text-anchor': 'middle', class: 'axis' }, `${String(m / 60)} h`),
    );
  root.append(
    svg('rect', {
      x: x(endedAt),
      y: pad.top,
      width: Math.max(0, x(horizon) - x(endedAt)),
      height: height - pad.top - pad.bottom,
      class: 'projection',
    }),
  );
  root.append(svg('text', { x: x(endedAt) + 4, y: pad.top + 12, class: 'axis' }, 'after you: simulated'));
  for (const entry of ctx.log.filter(
    (e) => e.accepted && ['treat', 'consult', 'dispose'].includes(e.action.do),
  )) {
    root.append(
      svg('line', {
        x1: x(entry.atMin),
        x2: x(entry.atMin),
        y1: pad.top,
        y2: height - pad.bottom,
        class: 'marker',
      }),
    );
  }
  for (const s of SERIES) {
    const points = ctx.trace.map((p) => `${x(p.atMin).toFixed(1)},${y(p[s.key]).toFixed(1)}`).join(' ');
    root.append(
      svg('polyline', {
        points,
        fill: 'none',
        stroke: s.colour,
        'stroke-width': 2.5,
        'stroke-dasharray': s.dash,
      }),
    );
  }
  const legend = h(
    'ul',
    { class: 'legend' },
    ...SERIES.map((s) =>
      h(
        'li',
        {},
        h('span', {
          class: 'swatch',
          style: `border-color:${s.colour};border-style:${s.dash === '' ? 'solid' : 'dashed'}`,
        }),
        ` ${s.label}`,
      ),
    ),
    h('li', {}, h('span', { class: 'swatch marker-swatch' }), ' your treatments, calls and disposition'),
  );
  // A case with a metabolic model (ketoacidosis) adds glucose, potassium and pH to the table.
  const metabolic = ctx.trace.some((p) => p.metabolic !== undefined);
  const rows = ctx.trace
    .filter((p) => p.atMin % 30 === 0)
    .map((p) =>
      h(
        'tr',
        {},
        h('th', { scope: 'row' }, clockText(p.atMin)),
        h('td', {}, String(p.map)),
        h('td', {}, String(p.hr)),
        h('td', {}, String(p.spo2)),
        h('td', {}, p.lactate.toFixed(1)),
        ...(metabolic && p.metabolic !== undefined
          ? [
              h('td', {}, String(p.metabolic.glucose)),
              h('td', {}, p.metabolic.potassium.toFixed(1)),
              h('td', {}, p.metabolic.ph.toFixed(2)),
            ]
          : []),
      ),
    );
  const columns = ['Time', 'MAP', 'HR', 'SpO₂', 'Lactate'];
  if (metabolic) columns.push('Glucose (mg/dL)', 'K⁺ (mmol/L)', 'pH');
  const table = h(
    'details',
    {},
    h('summary', {}, 'The values as a table'),
    h(
      'table',
      { class: 'results' },
      h('thead', {}, h('tr', {}, ...columns.map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, ...rows),
    ),
  );
  const figure = h(
    'figure',
    { class: 'chart-figure' },
    h('figcaption', {}, `Vitals over ${durationText(ctx.nowMin)} (simulation)`),
    legend,
    table,
  );
  figure.insertBefore(root, legend);
  return figure;
}
