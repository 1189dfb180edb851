import { clockText, durationText, type CaseContext, type TracePoint } from '../engine/index.ts';
import { h } from './dom.ts';

const SVG = 'http://www.w3.org/2000/svg';
const svg = (tag: string, attrs: Record<string, string | number>, text?: string) => {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
};

interface Series {
  label: string;
  colour: string;
  dash: string;
  value: (p: TracePoint) => number | undefined;
}

/** One chart of the course: its series, its scale, the grid lines it labels and the one it marks as a target. */
interface ChartSpec {
  id: string;
  title: string;
  series: Series[];
  min: number;
  max: number;
  grid: number[];
  targets: number[];
  /** The accessible summary: first and last values in words. */
  describe: (first: TracePoint, last: TracePoint) => string;
}

const VITALS: ChartSpec = {
  id: 'vitals',
  title: 'Vitals over the whole course',
  series: [
    { label: 'MAP (mmHg)', colour: '#d43d3d', dash: '', value: (p) => p.map },
    { label: 'Heart rate (/min)', colour: '#1f8a4c', dash: '6 3', value: (p) => p.hr },
    { label: 'SpO₂ (%)', colour: '#1a6fb3', dash: '2 3', value: (p) => p.spo2 },
  ],
  min: 0,
  max: 160,
  grid: [0, 40, 65, 100, 160],
  targets: [65],
  describe: (first, last) =>
    `MAP ${String(first.map)} at arrival, ${String(last.map)} at ${clockText(last.atMin)}; heart rate ${String(first.hr)} to ${String(last.hr)}.`,
};

/** In a case with a metabolic model: glucose against the hypoglycaemia and dextrose thresholds … */
const GLUCOSE: ChartSpec = {
  id: 'glucose',
  title: 'Glucose over the whole course',
  series: [{ label: 'Glucose (mg/dL)', colour: '#8a4fd4', dash: '', value: (p) => p.metabolic?.glucose }],
  min: 0,
  max: 600,
  grid: [0, 70, 250, 400, 600],
  targets: [70, 250],
  describe: (first, last) =>
    `Glucose ${String(first.metabolic?.glucose ?? '')} mg/dL at arrival, ${String(last.metabolic?.glucose ?? '')} at ${clockText(last.atMin)}.`,
};

/** … and potassium against its normal range, up to the 9 mmol/L a hyperkalaemic arrest may reach (6.5: severe). */
const POTASSIUM: ChartSpec = {
  id: 'potassium',
  title: 'Potassium over the whole course',
  series: [
    { label: 'Potassium (mmol/L)', colour: '#b8860b', dash: '', value: (p) => p.metabolic?.potassium },
  ],
  min: 2,
  max: 9,
  grid: [2, 3.5, 5, 6.5, 9],
  targets: [3.5, 5],
  describe: (first, last) =>
    `Potassium ${String(first.metabolic?.potassium ?? '')} mmol/L at arrival, ${String(last.metabolic?.potassium ?? '')} at ${clockText(last.atMin)}.`,
};

function chart(ctx: CaseContext, endedAt: number, spec: ChartSpec): SVGSVGElement {
  const width = 900;
  const height = 300;
  const pad = { left: 48, right: 16, top: 16, bottom: 36 };
  const horizon = Math.max(ctx.trace.at(-1)?.atMin ?? 1, 1);
  const x = (min: number) => pad.left + (min / horizon) * (width - pad.left - pad.right);
  const y = (value: number) =>
    pad.top +
    (1 - (Math.min(spec.max, Math.max(spec.min, value)) - spec.min) / (spec.max - spec.min)) *
      (height - pad.top - pad.bottom);
  const root = svg('svg', {
    viewBox: `0 0 ${String(width)} ${String(height)}`,
    role: 'img',
    'aria-labelledby': `chart-${spec.id}-title chart-${spec.id}-desc`,
    class: 'chart',
  }) as SVGSVGElement;
  root.append(svg('title', { id: `chart-${spec.id}-title` }, spec.title));
  const first = ctx.trace[0];
  const last = ctx.trace.at(-1);
  root.append(
    svg(
      'desc',
      { id: `chart-${spec.id}-desc` },
      first === undefined || last === undefined
        ? ''
        : `${spec.describe(first, last)} Your part ended at ${clockText(endedAt)}. A table of the values follows.`,
    ),
  );
  for (const v of spec.grid) {
    root.append(
      svg('line', {
        x1: pad.left,
        x2: width - pad.right,
        y1: y(v),
        y2: y(v),
        class: spec.targets.includes(v) ? 'grid target' : 'grid',
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
  for (const s of spec.series) {
    const points = ctx.trace
      .flatMap((p) => {
        const value = s.value(p);
        return value === undefined ? [] : [`${x(p.atMin).toFixed(1)},${y(value).toFixed(1)}`];
      })
      .join(' ');
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
  return root;
}

function legend(series: Series[]): HTMLElement {
  return h(
    'ul',
    { class: 'legend' },
    ...series.map((s) => {
      // Styled through the DOM, not a style attribute, which the site's Content-Security-Policy refuses.
      const swatch = h('span', { class: 'swatch' });
      swatch.style.borderColor = s.colour;
      swatch.style.borderStyle = s.dash === '' ? 'solid' : 'dashed';
      return h('li', {}, swatch, ` ${s.label}`);
    }),
    h('li', {}, h('span', { class: 'swatch marker-swatch' }), ' your treatments, calls and disposition'),
  );
}

/** The whole course (the learner's part and the projection), with the learner's interventions marked. */
export function vitalsChart(ctx: CaseContext, endedAt: number): HTMLElement {
  // A case with a metabolic model (ketoacidosis) adds glucose and potassium charts and columns.
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
  const specs = metabolic ? [VITALS, GLUCOSE, POTASSIUM] : [VITALS];
  return h(
    'figure',
    { class: 'chart-figure' },
    h('figcaption', {}, `The course over ${durationText(ctx.nowMin)} (simulation)`),
    ...specs.flatMap((spec) => [chart(ctx, endedAt, spec), legend(spec.series)]),
    table,
  );
}
