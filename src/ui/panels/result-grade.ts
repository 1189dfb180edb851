import { changeSince, flagWords, valueText, type Change, type ResultRow } from '../../engine/index.ts';
import { h, type Child } from '../dom.ts';
import type { PlayModel } from '../model.ts';

/** How a result stands out: graded by how far it lies outside its range, and its trend since the last sample. */

const ARROW: Record<Change, string> = { up: '↑', down: '↓', same: '=' };

/** How far outside its range a value lies: a WBC of 27.4 (range 4–11) must stand out more than one of 11.6. */
export type Severity = 'normal' | 'mild' | 'marked' | 'critical';

/**
 * The lab's flag, graded for the eye: HH and LL are critical; a value beyond its range by at least the width of the
 * range (or, for a range open at one end, by its limit) is marked; any other flag is mild. A teaching display rule:
 * the flag itself, and the words a screen reader hears, stay the lab's.
 */
export function severity(row: Pick<ResultRow, 'flag' | 'value' | 'range'>): Severity {
  if (row.flag === '') return 'normal';
  if (row.flag.length === 2) return 'critical';
  const { value, range } = row;
  if (typeof value !== 'number' || range === null) return 'mild';
  const { low, high } = range;
  const width =
    low !== undefined && high !== undefined && high > low ? high - low : Math.abs(high ?? low ?? 0) || 1;
  const beyond = row.flag === 'H' ? value - (high ?? value) : (low ?? value) - value;
  return beyond >= width ? 'marked' : 'mild';
}

/** The flag in words, graded: "high", "markedly high", "critically high" (the lab's HH already says critical). */
export function flagText(row: Pick<ResultRow, 'flag' | 'value' | 'range'>): string {
  if (row.flag === '') return '';
  return `${severity(row) === 'marked' ? 'markedly ' : ''}${flagWords(row.flag)}`;
}

/** The flag cell: "H (high)"; a marked value adds "!" and a critical one "!!" for the eye, the words for the ear. */
export function flagCell(row: Pick<ResultRow, 'flag' | 'value' | 'range'>): Child[] {
  if (row.flag === '') return [];
  const grade = severity(row);
  const mark = grade === 'critical' ? '!! ' : grade === 'marked' ? '! ' : '';
  return [
    mark === '' ? null : h('span', { class: `grade-mark grade-${grade}`, 'aria-hidden': 'true' }, mark),
    `${row.flag} (`,
    grade === 'marked' ? h('span', { class: 'sr-only' }, 'markedly ') : null,
    `${flagWords(row.flag)})`,
  ];
}

/** Decimals as printed ("5.80" keeps two), so a change reads in the lab's own precision. */
const decimals = (x: number) => (String(x).split('.')[1] ?? '').length;

/** The change between two printed values, signed: "+0.3", "−1.2". */
export function changeText(before: number, now: number): string {
  const places = Math.max(decimals(before), decimals(now));
  const difference = Number((now - before).toFixed(places));
  if (difference === 0) return '0';
  return `${difference > 0 ? '+' : '−'}${Math.abs(difference).toFixed(places)}`;
}

/** A small line of the earlier samples and this one, oldest first: drawn only for three or more. */
function sparkline(values: number[]): SVGElement | null {
  if (values.length < 3) return null;
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const span = hi - lo || 1;
  const points = values
    .map((v, i) => `${String((i / (values.length - 1)) * 40)},${String(11 - ((v - lo) / span) * 10)}`)
    .join(' ');
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('class', 'sparkline');
  svg.setAttribute('viewBox', '-1 0 42 12');
  svg.setAttribute('aria-hidden', 'true');
  const line = document.createElementNS('http://www.w3.org/2000/svg', 'polyline');
  line.setAttribute('points', points);
  svg.append(line);
  return svg;
}

export type Units = PlayModel['units'];
const shownValue = (r: ResultRow, units: Units) => (units === 'si' && r.si !== null ? r.si.value : r.value);

/**
 * "5.8 → 6.1 ↑ +0.3": the previous sample's value, this one's and the change, with a sparkline of every sample so
 * far once there are three. A screen reader hears ", up 0.3 from 5.8" after the value.
 */
export function trend(history: ResultRow[], now: ResultRow, units: Units): HTMLElement | null {
  const previous = history.at(-1);
  if (previous === undefined) return null;
  const change = changeSince(previous, now);
  if (change === null) return null;
  const before = shownValue(previous, units);
  const after = shownValue(now, units);
  const exact =
    typeof before === 'number' &&
    typeof after === 'number' &&
    previous.censored === undefined &&
    now.censored === undefined;
  const delta = exact ? changeText(before, after) : null;
  const series = [...history, now].map((r) => shownValue(r, units)).filter((v) => typeof v === 'number');
  const was = valueText(before, previous.censored);
  const spoken =
    change === 'same'
      ? `, unchanged from ${was}`
      : `, ${change}${delta === null ? '' : ` ${delta.replace(/^[+−]/, '')}`} from ${was}`;
  // Two short lines, so the value column stays narrow: "4.5 → 4.8", then "↑ +0.3" and the sparkline.
  const shown =
    change === 'same'
      ? [h('span', { class: 'trend-line' }, 'unchanged')]
      : [
          h('span', { class: 'trend-line' }, `${was} → ${valueText(after, now.censored)}`),
          h(
            'span',
            { class: 'trend-line' },
            `${ARROW[change]}${delta === null ? '' : ` ${delta}`}`,
            sparkline(series),
          ),
        ];
  return h(
    'span',
    { class: `trend trend-${change}` },
    h('span', { 'aria-hidden': 'true' }, ...shown),
    h('span', { class: 'sr-only' }, spoken),
  );
}
