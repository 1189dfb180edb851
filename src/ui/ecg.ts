import { clockText } from '../engine/index.ts';
import type { EcgTracing } from '../view/ecg-reads.ts';
import { COLUMN_S, layout, MM_PER_MV, MM_PER_S, RECORD_S, recording, type LeadName } from './ecg-geometry.ts';

const SVG_NS = 'http://www.w3.org/2000/svg';

function svg(
  tag: string,
  attrs: Record<string, string | number>,
  ...children: (Node | string)[]
): SVGElement {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, String(value));
  node.append(...children);
  return node;
}

/** Paper geometry in millimetres (the SVG's user unit): a calibration margin, four rows of 30 mm. */
const LEFT_MM = 8;
const TOP_MM = 2;
const ROW_MM = 30;
/** Where the baseline sits in its row: a little below the middle, since most complexes point up. */
const BASELINE_IN_ROW_MM = 17;
const WIDTH_MM = LEFT_MM + RECORD_S * MM_PER_S + 2;
const HEIGHT_MM = TOP_MM + 4 * ROW_MM + 2;
/** One sample every 4 ms: 0.1 mm of paper, finer than the pen. */
const STEP_S = 0.004;

const baselineOf = (row: number) => TOP_MM + row * ROW_MM + BASELINE_IN_ROW_MM;

/** The pen's path over one stretch of one lead, as SVG polyline points in millimetres. */
function penPoints(
  voltageAt: (lead: LeadName, t: number) => number,
  lead: LeadName,
  fromS: number,
  toS: number,
  baseline: number,
): string {
  const points: string[] = [];
  const n = Math.round((toS - fromS) / STEP_S);
  for (let i = 0; i <= n; i++) {
    const t = fromS + i * STEP_S;
    const x = LEFT_MM + t * MM_PER_S;
    const y = baseline - voltageAt(lead, t) * MM_PER_MV;
    points.push(`${x.toFixed(1)},${y.toFixed(2)}`);
  }
  return points.join(' ');
}

/** The 1-mV calibration pulse at the start of a row: 10 mm high, 0.2 s wide. */
function calibration(baseline: number): SVGElement {
  const x0 = 0.5;
  const top = baseline - MM_PER_MV;
  return svg('path', {
    class: 'ecg-cal',
    d: `M${String(x0)} ${String(baseline)} h1.5 V${String(top)} h5 V${String(baseline)} h1`,
  });
}

/**
 * A 12-lead ECG drawn on paper: the standard 3 × 4 layout (2.5 s of each lead) and a 10-s lead II rhythm strip, at
 * 25 mm/s and 10 mm/mV. Its name says what it is and when it was recorded, never what it shows: reading it is the
 * learner's task.
 */
export function ecgFigure(tracing: EcgTracing, key: string, name: string): HTMLElement {
  const { voltageAt } = recording(tracing);
  const gridId = `ecg-grid-${key}`;
  const grid = svg(
    'pattern',
    { id: gridId, width: 5, height: 5, patternUnits: 'userSpaceOnUse' },
    svg('path', { class: 'ecg-grid-minor', d: 'M1 0V5M2 0V5M3 0V5M4 0V5M0 1H5M0 2H5M0 3H5M0 4H5' }),
    svg('path', { class: 'ecg-grid-major', d: 'M0 0H5V5' }),
  );
  const traces: SVGElement[] = [];
  const labels: SVGElement[] = [];
  layout(tracing.leads).forEach((column, c) => {
    column.forEach((lead, row) => {
      const baseline = baselineOf(row);
      const fromS = c * COLUMN_S;
      traces.push(
        svg('polyline', {
          class: 'ecg-pen',
          'data-lead': lead,
          points: penPoints(voltageAt, lead, fromS, fromS + COLUMN_S, baseline),
        }),
      );
      const x = LEFT_MM + fromS * MM_PER_S;
      labels.push(svg('text', { class: 'ecg-label', x: x + 1, y: baseline - 10 }, lead));
      // The mark where the machine switches leads.
      if (c > 0)
        traces.push(svg('path', { class: 'ecg-switch', d: `M${String(x)} ${String(baseline - 2.5)}v5` }));
    });
  });
  const stripBaseline = baselineOf(3);
  traces.push(
    svg('polyline', {
      class: 'ecg-pen',
      'data-lead': 'II-strip',
      points: penPoints(voltageAt, 'II', 0, RECORD_S, stripBaseline),
    }),
  );
  labels.push(svg('text', { class: 'ecg-label', x: LEFT_MM + 1, y: stripBaseline - 10 }, 'II'));
  const recorded = `recorded at T+${clockText(tracing.recordedAt)}`;
  const drawing = svg(
    'svg',
    {
      class: 'ecg-paper',
      viewBox: `0 0 ${String(WIDTH_MM)} ${String(HEIGHT_MM)}`,
      role: 'img',
      'aria-label': `${name} ${recorded}`,
      'data-leads': tracing.leads,
    },
    svg('defs', {}, grid),
    svg('rect', { class: 'ecg-sheet', width: WIDTH_MM, height: HEIGHT_MM, fill: `url(#${gridId})` }),
    ...[0, 1, 2, 3].map((row) => calibration(baselineOf(row))),
    ...traces,
    ...labels,
  );
  const figure = document.createElement('figure');
  figure.className = 'ecg';
  const caption = document.createElement('figcaption');
  caption.className = 'meta';
  caption.textContent = `${name}, ${recorded}. 25 mm/s, 10 mm/mV; each small square 0.04 s and 0.1 mV. Leads in columns of 2.5 s, lead II along the bottom.`;
  const enlarge = document.createElement('button');
  enlarge.type = 'button';
  enlarge.className = 'ecg-enlarge';
  enlarge.dataset.focus = `ecg-enlarge:${key}`;
  enlarge.setAttribute('aria-haspopup', 'dialog');
  enlarge.textContent = 'Enlarge the tracing';
  enlarge.addEventListener('click', () => {
    showLarge(drawing, gridId, `${name} ${recorded}`, enlarge);
  });
  figure.append(drawing, caption, enlarge);
  return figure;
}

/**
 * The tracing across the whole screen, to measure an ST segment: a copy of the drawing in a modal dialog that
 * scrolls sideways on a phone; Escape or its button closes it and gives focus back.
 */
function showLarge(drawing: SVGElement, gridId: string, title: string, invoker: HTMLElement): void {
  const copy = drawing.cloneNode(true) as SVGElement;
  // Ids are unique in a page: the copy's grid gets its own.
  const copyId = `${gridId}-large`;
  copy.querySelector('pattern')?.setAttribute('id', copyId);
  copy.querySelector('.ecg-sheet')?.setAttribute('fill', `url(#${copyId})`);
  const close = document.createElement('button');
  close.type = 'button';
  close.className = 'primary';
  close.textContent = 'Close';
  const heading = document.createElement('h2');
  heading.id = 'ecg-large-title';
  heading.textContent = title;
  const scroller = document.createElement('div');
  scroller.className = 'ecg-scroll';
  // A keyboard user scrolls the tracing sideways on a narrow screen.
  scroller.tabIndex = 0;
  scroller.setAttribute('role', 'group');
  scroller.setAttribute('aria-label', 'The tracing, scrolling sideways');
  scroller.append(copy);
  const dialog = document.createElement('dialog');
  dialog.className = 'modal ecg-large';
  dialog.setAttribute('aria-labelledby', heading.id);
  const actions = document.createElement('div');
  actions.className = 'dialog-actions';
  actions.append(close);
  dialog.append(heading, scroller, actions);
  const finish = () => {
    if (dialog.open) dialog.close();
    dialog.remove();
    if (invoker.isConnected) invoker.focus();
  };
  close.addEventListener('click', finish);
  dialog.addEventListener('close', finish);
  document.body.append(dialog);
  dialog.showModal();
  close.focus();
}
