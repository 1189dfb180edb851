import {
  asystoleDrift,
  compressionArtefact,
  compressionPressure,
  fibrillatoryWaves,
  narrowComplex,
  type LeadIIShape,
  pacingSpike,
  prSec,
  pWave,
  SPIKE_TO_QRS_SEC,
  vtComplex,
  wideComplex,
} from './complexes.ts';
import { unitHash, type HeartSpec } from './heart-spec.ts';
import { arterialPulse, plethPulse } from './pulses.ts';

type RhythmId = HeartSpec['rhythm'];

type BeatKind = 'sinus' | 'narrow' | 'wide' | 'vt' | 'paced';

interface Beat {
  /** Seconds on the monitor's clock of the QRS (the R wave, or the start of a broad complex). */
  at: number;
  kind: BeatKind;
  /** Seconds to the next beat (known when the beat is scheduled). */
  next: number;
  /** Seconds since the beat before (its filling time). */
  prev: number;
  /** Stroke of the pulse it makes, 0–1 (0: no output). */
  stroke: number;
  /** Lead II as the case's ECG has it, for a conducted beat; null: the textbook complex. */
  leadII: LeadIIShape | null;
}

/** A half-wave of VF: a wavelet of its own length and height, so the strip never repeats. */
interface Wavelet {
  at: number;
  dur: number;
  height: number;
}

/** The sinus node's rate in complete heart block: it goes on at its own pace, unrelated to the slow escape. */
const ATRIAL_RATE_IN_BLOCK = 90;
/** Rates the engine gives these rhythms when the view has none to give. */
const DEFAULT_RATE: Partial<Record<RhythmId, number>> = {
  pvt: 180,
  pea: 40,
  vt: 170,
  svt: 180,
  chb: 38,
  junctional: 40,
};
/** The pulse wave reaches the finger this long after the R wave. */
const PULSE_TRANSIT_SEC = 0.22;
/** Events this far behind the sweep are forgotten (the widest lane shows under 4 s). */
const KEEP_SEC = 8;
const AHEAD_SEC = 2;

/** VF's height in units: coarse in the first minutes of an arrest, fine after about ten (it loses energy). */
function vfHeight(arrestMin: number): number {
  const fade = Math.min(1, Math.max(0, (arrestMin - 2) / 8));
  return 0.45 - 0.32 * fade;
}

/**
 * The heart behind the monitor: a deterministic schedule of beats (and P waves, pacing spikes and VF wavelets) on the
 * monitor's clock, from which the ECG, the pleth and the arterial line are read. Irregularity comes from a hash of each
 * beat's number, never from Math.random, so the same view and the same clock draw the same strip.
 */
export class Heart {
  private spec: HeartSpec;
  private beats: Beat[] = [];
  private atrial: number[] = [];
  private spikes: number[] = [];
  private vf: Wavelet[] = [];
  private count = 0;
  /** Where the schedule began, and how far ahead it is filled. */
  private startSec = 0;
  private horizon = 0;

  constructor(spec: HeartSpec, startSec: number) {
    this.spec = spec;
    this.reset(spec, startSec);
  }

  /** Start afresh at `startSec` with this spec: the strip from then on is the new rhythm. */
  reset(spec: HeartSpec, startSec: number): void {
    this.spec = spec;
    this.beats = [];
    this.atrial = [];
    this.spikes = [];
    this.vf = [];
    this.count = 0;
    this.startSec = startSec;
    this.horizon = startSec;
    this.fillTo(startSec + AHEAD_SEC);
  }

  /** The spec for beats not yet scheduled (a new rate takes over from the next beat, without a jump). */
  set(spec: HeartSpec): void {
    this.spec = spec;
  }

  /** Schedule far enough ahead of `t`, and forget what is long past. */
  prepare(t: number): void {
    this.fillTo(t + AHEAD_SEC);
    const before = t - KEEP_SEC;
    while (this.beats.length > 2 && (this.beats[1]?.at ?? Infinity) < before) this.beats.shift();
    while (this.atrial.length > 2 && (this.atrial[1] ?? Infinity) < before) this.atrial.shift();
    while (this.spikes.length > 2 && (this.spikes[1] ?? Infinity) < before) this.spikes.shift();
    while (this.vf.length > 2 && (this.vf[1]?.at ?? Infinity) < before) this.vf.shift();
  }

  /** The ECG (lead II) at `t`, in units. */
  ecg(t: number): number {
    const s = this.spec;
    let v = 0;
    for (const b of this.beats) {
      const dt = t - b.at;
      if (dt < -0.3) break;
      if (dt > 1) continue;
      v += complex(b, dt);
    }
    for (const p of this.atrial) {
      if (p - t > 0.1) break;
      if (t - p < 0.1) v += pWave(t - p);
    }
    for (const at of this.spikes) {
      if (at - t > 0.01) break;
      v += pacingSpike(t - at);
    }
    if (s.rhythm === 'vf') v += this.fibrillation(t);
    if (s.rhythm === 'af') v += fibrillatoryWaves(t);
    if (s.rhythm === 'asystole') v += asystoleDrift(t);
    if (s.cpr) v += compressionArtefact(t);
    return v;
  }

  /** The pleth at `t`, 0–1: the pulse of the last beat to reach the finger; flat without output. */
  pleth(t: number): number {
    const b = this.pulseAt(t);
    return b === null ? 0 : b.stroke * plethPulse(t - b.at - PULSE_TRANSIT_SEC, b.next);
  }

  /** The arterial pressure at `t` in mmHg: each beat's pulse, or each compression's in an arrest. */
  arterial(t: number): number {
    const p = this.spec.pressure;
    if (p === null) return ARREST_FILLING_MMHG;
    if (!this.spec.output) return p.dbp + (p.sbp - p.dbp) * compressionPressure(t);
    const b = this.pulseAt(t);
    const pulse = b === null ? 0 : b.stroke * arterialPulse(t - b.at - PULSE_TRANSIT_SEC / 2, b.next);
    return p.dbp + (p.sbp - p.dbp) * pulse;
  }

  /** The last QRS at or before `t` (for the beating heart symbol), or null. */
  lastBeatBefore(t: number): number | null {
    let last: number | null = null;
    for (const b of this.beats) {
      if (b.at > t) break;
      last = b.at;
    }
    return last;
  }

  private pulseAt(t: number): Beat | null {
    if (!this.spec.output) return null;
    let found: Beat | null = null;
    for (const b of this.beats) {
      if (b.at + PULSE_TRANSIT_SEC > t) break;
      found = b;
    }
    return found;
  }

  private fibrillation(t: number): number {
    const height = vfHeight(this.spec.arrestMin);
    for (const w of this.vf) {
      if (t < w.at) break;
      if (t < w.at + w.dur) return height * w.height * Math.sin((Math.PI * (t - w.at)) / w.dur);
    }
    return 0;
  }

  private fillTo(until: number): void {
    while (this.horizon < until) {
      const from = this.horizon;
      this.horizon = Math.min(until, from + 0.5) + 1e-9;
      this.scheduleBeats(this.horizon);
      this.scheduleAtrial(this.horizon);
      this.scheduleSpikes(this.horizon);
      this.scheduleVf(this.horizon);
    }
  }

  /** The ventricular rate and the kind of complex for the next beat, or null when the ventricles do not beat. */
  private nextBeat(): { kind: BeatKind; rate: number } | null {
    const s = this.spec;
    if (s.pacing?.state === 'capture') return { kind: 'paced', rate: s.pacing.rateBpm };
    const rate = s.rateBpm ?? DEFAULT_RATE[s.rhythm] ?? 60;
    switch (s.rhythm) {
      case 'sinus':
        return { kind: 'sinus', rate };
      case 'af':
      case 'svt':
      case 'junctional':
        return { kind: 'narrow', rate };
      case 'vt':
      case 'pvt':
        return { kind: 'vt', rate };
      case 'chb':
      case 'pea':
        return { kind: s.qrs, rate };
      case 'vf':
      case 'asystole':
        return null;
      default:
        return s.rhythm satisfies never;
    }
  }

  private scheduleBeats(until: number): void {
    for (;;) {
      const last = this.beats.at(-1);
      const next = this.nextBeat();
      if (next === null) {
        // No beats: keep the schedule's clock moving so beats resume from now if the rhythm returns.
        if (last !== undefined && last.at + last.next < until) last.next = until - last.at;
        return;
      }
      const at = last === undefined ? this.startSec + 0.15 : last.at + last.next;
      if (at >= until) return;
      const n = this.count++;
      const mean = 60 / Math.max(10, next.rate);
      // AF is irregularly irregular; sinus varies a little with breathing; the others are regular.
      const spread =
        this.spec.rhythm === 'af' && next.kind === 'narrow' ? 0.9 : next.kind === 'sinus' ? 0.04 : 0;
      const interval = Math.max(0.25, mean * (1 + spread * (unitHash(n, 7) - 0.5)));
      const prev = last?.next ?? mean;
      this.beats.push({
        at,
        kind: next.kind,
        next: interval,
        prev,
        stroke: this.stroke(next.kind, prev, mean),
        leadII: this.spec.leadII,
      });
    }
  }

  /** The stroke of a beat: a short filling time gives a weaker pulse (AF's pulse deficit); VT pumps poorly. */
  private stroke(kind: BeatKind, prevSec: number, meanSec: number): number {
    if (!this.spec.output) return 0;
    const filling = Math.min(1, Math.max(0.35, 0.45 + 0.55 * (prevSec / meanSec)));
    return (kind === 'vt' ? 0.55 : 1) * filling;
  }

  /** P waves marching through complete heart block at the sinus node's own rate. */
  private scheduleAtrial(until: number): void {
    if (this.spec.rhythm !== 'chb') return;
    const period = 60 / ATRIAL_RATE_IN_BLOCK;
    const last = this.atrial.at(-1);
    let at = last === undefined ? this.startSec + 0.4 : last + period;
    while (at < until) {
      this.atrial.push(at);
      at += period;
    }
  }

  /** Pacing spikes that do not capture: they march on over the arrest rhythm. */
  private scheduleSpikes(until: number): void {
    const p = this.spec.pacing;
    if (p?.state !== 'no-capture') return;
    const period = 60 / Math.max(10, p.rateBpm);
    const last = this.spikes.at(-1);
    let at = last === undefined ? this.startSec + 0.1 : last + period;
    while (at < until) {
      this.spikes.push(at);
      at += period;
    }
  }

  /** VF: wavelets of 0.055–0.155 s (about 3–9 Hz), each its own height, alternating up and down. */
  private scheduleVf(until: number): void {
    if (this.spec.rhythm !== 'vf') return;
    for (;;) {
      const last = this.vf.at(-1);
      const at = last === undefined ? this.startSec : last.at + last.dur;
      if (at >= until) return;
      const n = this.count++;
      const sign = last === undefined || last.height < 0 ? 1 : -1;
      const swell = 0.75 + 0.15 * Math.sin(at * 1.3) + 0.1 * Math.sin(at * 3.7);
      const height = sign * swell * (0.25 + 0.75 * unitHash(n, 13));
      this.vf.push({ at, dur: 0.055 + 0.1 * unitHash(n, 11), height });
    }
  }
}

/** Arterial pressure with no circulation: the mean filling pressure of a stopped circulation, about 10 mmHg. */
const ARREST_FILLING_MMHG = 10;

/** One beat's deflections at `dt` seconds from its QRS. */
function complex(b: Beat, dt: number): number {
  switch (b.kind) {
    case 'sinus':
      return pWave(dt + prSec(b.prev)) + narrowComplex(dt, b.prev, b.leadII);
    case 'narrow':
      return narrowComplex(dt, b.prev, b.leadII);
    case 'wide':
      return wideComplex(dt, b.prev);
    case 'vt':
      return vtComplex(dt, b.prev);
    case 'paced':
      return pacingSpike(dt + SPIKE_TO_QRS_SEC) + wideComplex(dt, b.prev, 1.15);
    default:
      return b.kind satisfies never;
  }
}
