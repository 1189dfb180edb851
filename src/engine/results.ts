import type { ResolvedCase } from './load/load-case.ts';
import type { Vitals } from './physiology/observe.ts';
import type { ComponentValue } from './schema/case.ts';
import type { Component, Range } from './schema/catalog.ts';
import type { Provenance, TextFact } from './schema/fact.ts';

export type Flag = '' | 'L' | 'H' | 'LL' | 'HH';

/** A flag in words, so colour is never the only signal: "critically high". */
export function flagWords(flag: Flag): string {
  return { '': '', L: 'low', H: 'high', LL: 'critically low', HH: 'critically high' }[flag];
}

/** One row of a result table: the view formats it, the engine decides the numbers and flags. */
export interface ResultRow {
  componentId: string;
  name: string;
  value: number | string;
  unit: string;
  range: Range | null;
  flag: Flag;
  si: { value: number; unit: string; range: Range | null } | null;
  provenance: Provenance;
  reported?: string;
  note?: string;
}

export type ComputedResult =
  | { kind: 'panel'; rows: ResultRow[]; comment: TextFact | null }
  | { kind: 'report'; report: TextFact; impression: TextFact | null }
  | { kind: 'culture'; stages: { atMin: number; status: 'preliminary' | 'final'; report: TextFact }[] };

const ASSUMED_NORMAL = 'The case gives no value for this; a normal result is assumed.';

/** The result of a test for a sample taken now, with the patient in the given state. */
export function computeResult(
  resolved: ResolvedCase,
  testId: string,
  vitals: Vitals,
  sampledAt: number,
): ComputedResult {
  const test = resolved.catalog.tests[testId];
  if (test === undefined) throw new Error(`unknown test ${testId}`); // loader and action checks make this a bug
  const given = resolved.data.results[testId];
  if (given?.kind === 'report')
    return { kind: 'report', report: given.report, impression: given.impression ?? null };
  if (given?.kind === 'culture') {
    return {
      kind: 'culture',
      stages: given.stages.map((s) => ({
        atMin: sampledAt + s.afterMin,
        status: s.status,
        report: s.report,
      })),
    };
  }
  if (test.kind === 'report') {
    return {
      kind: 'report',
      report: { value: 'No abnormality reported.', provenance: 'synthetic', note: ASSUMED_NORMAL },
      impression: null,
    };
  }
  if (test.kind === 'culture') {
    const none = (status: 'preliminary' | 'final', afterMin: number, text: string) => ({
      atMin: sampledAt + afterMin,
      status,
      report: { value: text, provenance: 'synthetic' as const, note: ASSUMED_NORMAL },
    });
    return {
      kind: 'culture',
      stages: [
        none('preliminary', 1440, 'No growth at 24 hours.'),
        none('final', 7200, 'No growth at 5 days.'),
      ],
    };
  }
  const sex = resolved.data.patient.sex.value;
  const rows = Object.entries(test.components ?? {}).map(([componentId, component]) => {
    const range = given?.ranges?.[componentId] ?? rangeFor(component, sex);
    return row(componentId, component, range, given?.values[componentId], vitals);
  });
  return { kind: 'panel', rows, comment: given?.comment ?? null };
}

function rangeFor(component: Component, sex: 'male' | 'female'): Range | null {
  return (sex === 'male' ? component.rangeMale : component.rangeFemale) ?? component.range ?? null;
}

function row(
  componentId: string,
  component: Component,
  range: Range | null,
  given: ComponentValue | undefined,
  vitals: Vitals,
): ResultRow {
  let value: number | string;
  let provenance: Provenance;
  const extra: { reported?: string; note?: string } = {};
  if (given === undefined) {
    value =
      component.normal ??
      (range?.low !== undefined && range.high !== undefined
        ? (range.low + range.high) / 2
        : (range?.low ?? range?.high ?? 0));
    provenance = 'synthetic';
    extra.note = ASSUMED_NORMAL;
  } else if ('fromState' in given) {
    value = roundTo(given.offset + given.scale * vitals[given.fromState], component.decimals);
    const reported = given.asReported;
    if (reported !== undefined && roundTo(reported.value, component.decimals) === value) {
      provenance = reported.provenance;
      if (reported.reported !== undefined) extra.reported = reported.reported;
      if (reported.note !== undefined) extra.note = reported.note;
    } else {
      provenance = 'synthetic';
      if (given.note !== undefined) extra.note = given.note;
    }
  } else {
    value = given.value;
    provenance = given.provenance;
    if (given.reported !== undefined) extra.reported = given.reported;
    if (given.note !== undefined) extra.note = given.note;
  }
  if (typeof value === 'number') value = roundTo(value, component.decimals);
  const si =
    component.si !== undefined && typeof value === 'number'
      ? {
          value: siRound(value * component.si.factor),
          unit: component.si.unit,
          range: range === null ? null : scaleRange(range, component.si.factor),
        }
      : null;
  return {
    componentId,
    name: component.name,
    value,
    unit: component.unit,
    range,
    flag: typeof value === 'number' ? flagFor(value, range, component.critical ?? null) : '',
    si,
    provenance,
    ...extra,
  };
}

export function flagFor(value: number, range: Range | null, critical: Range | null): Flag {
  if (critical?.low !== undefined && value < critical.low) return 'LL';
  if (critical?.high !== undefined && value > critical.high) return 'HH';
  if (range?.low !== undefined && value < range.low) return 'L';
  if (range?.high !== undefined && value > range.high) return 'H';
  return '';
}

function scaleRange(range: Range, factor: number): Range {
  const out: Range = {};
  if (range.low !== undefined) out.low = siRound(range.low * factor);
  if (range.high !== undefined) out.high = siRound(range.high * factor);
  return out;
}

export function roundTo(x: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(x * f) / f;
}

function siRound(x: number): number {
  const magnitude = Math.abs(x);
  return roundTo(x, magnitude >= 100 ? 0 : magnitude >= 10 ? 1 : magnitude >= 1 ? 2 : 3);
}

/** A one-line summary for timelines: "WBC 27.4 ×10³/µL H; Hb 9.9 g/dL L". */
export function summarise(result: ComputedResult, upToMin: number): string {
  switch (result.kind) {
    case 'panel':
      return result.rows
        .map(
          (r) =>
            `${r.name} ${String(r.value)}${r.unit === '' ? '' : ` ${r.unit}`}${r.flag === '' ? '' : ` ${r.flag}`}`,
        )
        .join('; ');
    case 'report':
      return (result.impression ?? result.report).value;
    case 'culture': {
      const latest = result.stages.filter((s) => s.atMin <= upToMin).at(-1);
      return latest === undefined ? 'pending' : `${latest.status}: ${latest.report.value}`;
    }
    default:
      return result satisfies never;
  }
}

/** Minute at which the first part of the result is available (a culture's first stage). */
export function firstAvailableAt(result: ComputedResult | null, resultAt: number): number {
  return result?.kind === 'culture' ? (result.stages[0]?.atMin ?? resultAt) : resultAt;
}
