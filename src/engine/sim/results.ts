import type { ResolvedCase } from '../case/load/load-case.ts';
import type { Vitals } from './physiology/observe.ts';
import type { ComponentValue } from '../case/schema/case.ts';
import type { Component, MeasurableRange, Range } from '../case/schema/catalog.ts';
import type { Provenance, TextFact } from '../case/schema/fact.ts';
import type { EcgLeadSet, EcgMorphology } from '../case/schema/ecg.ts';
import type { Rhythm } from '../case/schema/course.ts';

export type Flag = '' | 'L' | 'H' | 'LL' | 'HH';

/** A flag in words, so colour is never the only signal: "critically high". */
export function flagWords(flag: Flag): string {
  return { '': '', L: 'low', H: 'high', LL: 'critically low', HH: 'critically high' }[flag];
}

/** One row of a result table: the view formats it, the engine decides the numbers and flags. */
export interface ResultRow {
  componentId: string;
  name: string;
  /** The value shown: the true value, or the analyser's limit when it is censored. */
  value: number | string;
  /** Beyond the measurable range: the value is the limit and reads "> limit" or "< limit". */
  censored?: 'above' | 'below';
  unit: string;
  range: Range | null;
  flag: Flag;
  si: { value: number; unit: string; range: Range | null } | null;
  provenance: Provenance;
  reported?: string;
  note?: string;
}

/**
 * An ECG as recorded: what the view needs to draw it. The rhythm, rate and any pacing are the patient's at the
 * moment of recording, the shape of each complex the case's.
 */
export interface EcgRecording {
  leads: EcgLeadSet;
  /** The rhythm at recording. */
  rhythm: Rhythm;
  /** Ventricular rate at recording (beats/min), as the monitor counted it. */
  rateBpm: number;
  /** The pacing rate when a pacemaker set the heart rate at recording (it captured); 0 when not paced. */
  pacedBpm: number;
  /** The case's morphology; null: a normal tracing (the case declares none). */
  morphology: EcgMorphology | null;
}

/** The patient at the moment a sample is taken or a recording made. */
export interface Sample {
  atMin: number;
  vitals: Vitals;
  rhythm: Rhythm;
  /** The rate of a running pacemaker (beats/min), 0 when none runs. */
  pacingBpm: number;
}

/** Rhythms without a circulation: pacing does not capture in them. */
const PULSELESS: readonly Rhythm[] = ['vf', 'pvt', 'pea', 'asystole'];

/** The pacing rate if the pacemaker set the heart rate (the engine's heart rate is the higher of the two), else 0. */
function pacedRate({ rhythm, pacingBpm, vitals }: Sample): number {
  if (pacingBpm <= 0 || PULSELESS.includes(rhythm)) return 0;
  return Math.round(vitals.hr) <= Math.round(pacingBpm) ? pacingBpm : 0;
}

export type ComputedResult =
  | { kind: 'panel'; rows: ResultRow[]; comment: TextFact | null }
  | { kind: 'report'; report: TextFact; impression: TextFact | null; ecg?: EcgRecording }
  | { kind: 'culture'; stages: { atMin: number; status: 'preliminary' | 'final'; report: TextFact }[] };

const ASSUMED_NORMAL = 'The case gives no value for this; a normal result is assumed.';
/** A read's own result is a pointer: what it says is each recording's report, shown with what it covers. */
const READ_POINTER: Record<'ecg' | 'imaging', TextFact> = {
  ecg: {
    value: 'the written read of each ECG recorded before it was asked for is in Results.',
    provenance: 'synthetic',
    note: "The game's wording; the read itself is each ECG's report in the case.",
  },
  imaging: {
    value: 'the preliminary impression of each scan done before it was asked for is in Results.',
    provenance: 'synthetic',
    note: "The game's wording; the wet read is each scan's impression in the case, given before its report.",
  },
};

/** The result of a test for a sample taken now, with the patient in the given state. */
export function computeResult(resolved: ResolvedCase, testId: string, sample: Sample): ComputedResult {
  const { vitals, atMin: sampledAt } = sample;
  const test = resolved.catalog.tests[testId];
  if (test === undefined) throw new Error(`unknown test ${testId}`); // loader and action checks make this a bug
  const given = resolved.data.results[testId];
  if (test.reads !== undefined) return { kind: 'report', report: READ_POINTER[test.reads], impression: null };
  // An ECG is drawn, not only written: the tracing carries the rate of the moment and the case's morphology.
  const ecg =
    test.ecg === undefined
      ? {}
      : {
          ecg: {
            leads: test.ecg,
            rhythm: sample.rhythm,
            rateBpm: Math.round(vitals.hr),
            pacedBpm: pacedRate(sample),
            morphology: given?.kind === 'report' ? (given.morphology ?? null) : null,
          },
        };
  if (given?.kind === 'report')
    return { kind: 'report', report: given.report, impression: given.impression ?? null, ...ecg };
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
      ...ecg,
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
    const measurable = given?.measurable?.[componentId] ?? component.measurable ?? null;
    const reading = readValue(component, range, given?.values[componentId], vitals, sampledAt);
    return row(componentId, component, range, measurable, reading);
  });
  return { kind: 'panel', rows, comment: given?.comment ?? null };
}

function rangeFor(component: Component, sex: 'male' | 'female'): Range | null {
  return (sex === 'male' ? component.rangeMale : component.rangeFemale) ?? component.range ?? null;
}

/** The true value of a sample with the provenance to show beside it, before the analyser's range applies. */
interface Reading {
  value: number | string;
  provenance: Provenance;
  reported?: string;
  note?: string;
}

function readValue(
  component: Component,
  range: Range | null,
  given: ComponentValue | undefined,
  vitals: Vitals,
  sampledAt: number,
): Reading {
  if (given === undefined) {
    const value =
      component.normal ??
      (range?.low !== undefined && range.high !== undefined
        ? (range.low + range.high) / 2
        : (range?.low ?? range?.high ?? 0));
    return { value, provenance: 'synthetic', note: ASSUMED_NORMAL };
  }
  if ('fromState' in given) {
    const value = roundTo(
      given.offset + given.scale * (vitals[given.fromState] ?? Number.NaN),
      component.decimals,
    );
    const reported = given.asReported;
    if (reported !== undefined && roundTo(reported.value, component.decimals) === value)
      return withWords({ value, provenance: reported.provenance }, reported);
    return withWords({ value, provenance: 'synthetic' }, { note: given.note });
  }
  if ('course' in given) {
    // The schema keeps the points in time order from minute 0, so a sample always finds one.
    const point = given.course.findLast((p) => p.fromMin <= sampledAt);
    if (point === undefined) throw new Error(`no course point at minute ${String(sampledAt)}`);
    return withWords({ value: point.value, provenance: point.provenance }, point);
  }
  return withWords({ value: given.value, provenance: given.provenance }, given);
}

function withWords(
  reading: Reading,
  words: { reported?: string | undefined; note?: string | undefined },
): Reading {
  if (words.reported !== undefined) reading.reported = words.reported;
  if (words.note !== undefined) reading.note = words.note;
  return reading;
}

function row(
  componentId: string,
  component: Component,
  range: Range | null,
  measurable: MeasurableRange | null,
  reading: Reading,
): ResultRow {
  const { value: read, ...sourcing } = reading;
  const value = typeof read === 'number' ? roundTo(read, component.decimals) : read;
  // The analyser prints its limit, not the number: the flag still follows the true value (HH beyond the range).
  const censored = typeof value === 'number' ? censorFor(value, measurable) : null;
  const shown = censored === null ? value : censored.limit;
  const si =
    component.si !== undefined && typeof shown === 'number'
      ? {
          value: siRound(shown * component.si.factor),
          unit: component.si.unit,
          range: range === null ? null : scaleRange(range, component.si.factor),
        }
      : null;
  return {
    componentId,
    name: component.name,
    value: shown,
    ...(censored === null ? {} : { censored: censored.side }),
    unit: component.unit,
    range,
    flag: typeof value === 'number' ? flagFor(value, range, component.critical ?? null) : '',
    si,
    ...sourcing,
  };
}

function censorFor(
  value: number,
  measurable: MeasurableRange | null,
): { side: 'above' | 'below'; limit: number } | null {
  if (measurable?.high !== undefined && value > measurable.high)
    return { side: 'above', limit: measurable.high };
  if (measurable?.low !== undefined && value < measurable.low)
    return { side: 'below', limit: measurable.low };
  return null;
}

/** A value as the lab prints it: "8.2", "negative", or "> 600" beyond the analyser's range. */
export function valueText(value: number | string, censored?: 'above' | 'below'): string {
  return `${censored === 'above' ? '> ' : censored === 'below' ? '< ' : ''}${String(value)}`;
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

/** How a numeric value moved since the previous sample of the same test, read as the lab printed both. */
export type Change = 'up' | 'down' | 'same';

export function changeSince(previous: ResultRow, now: ResultRow): Change | null {
  if (typeof previous.value !== 'number' || typeof now.value !== 'number') return null;
  // "> 600" lies above a printed 600, so a censored value sorts just beyond its limit.
  const side = (r: ResultRow) => (r.censored === 'above' ? 1 : r.censored === 'below' ? -1 : 0);
  const difference = now.value - previous.value || side(now) - side(previous);
  return difference > 0 ? 'up' : difference < 0 ? 'down' : 'same';
}

/** A one-line summary for timelines: "WBC 27.4 ×10³/µL H; Hb 9.9 g/dL L". */
export function summarise(result: ComputedResult, upToMin: number): string {
  switch (result.kind) {
    case 'panel':
      return result.rows
        .map(
          (r) =>
            `${r.name} ${valueText(r.value, r.censored)}${r.unit === '' ? '' : ` ${r.unit}`}${r.flag === '' ? '' : ` ${r.flag}`}`,
        )
        .join('; ');
    case 'report':
      // An ECG's read is the learner's to make from the tracing: the timeline says only that it is there.
      if (result.ecg !== undefined)
        return 'tracing recorded; no written read until a cardiology read is asked for.';
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
