import type { Rhythm } from '../engine/index.ts';
import type { AlarmCondition, AlarmPriority, AlarmStatus, SoundSettings } from '../view/sound-view.ts';
import { higher, PULSELESS } from './alarm-conditions.ts';
import { ALARM_PATTERNS } from './alarm-patterns.ts';

/**
 * The sound of the bay as a pure function of what the monitor shows (and the beats it draws) and of real time:
 * which sound, when, at what pitch. No DOM, no howler, no clock of its own: real seconds are passed in, so a test plays an hour in a
 * millisecond and the same inputs always give the same sounds.
 */

/** What the scheduler hears from the monitor and the engine at one moment. */
export interface SoundSnapshot {
  /** The simulated minute. */
  nowMin: number;
  hr: number | null;
  spo2: number | null;
  rhythm: Rhythm;
  conditions: readonly AlarmCondition[];
  /** The real-time clock is paused: the monitor freezes, and so does its sound. */
  paused: boolean;
  /** Running counts whose rise is a quiet cue: results shown, orders placed, consultants arrived. */
  cues: Record<UiCue, number>;
}

export type UiCue = 'result' | 'order' | 'consultant';

export type SoundEvent =
  | { kind: 'pulse'; atSec: number; pitchHz: number }
  /** One burst of the alarm pattern of this priority (ALARM_PATTERNS). */
  | { kind: 'alarm'; atSec: number; priority: AlarmPriority }
  /** Cut the burst that is sounding (the condition cleared, was acknowledged or silenced). */
  | { kind: 'alarm-stop'; atSec: number }
  | { kind: 'cue'; atSec: number; cue: UiCue };

export interface SchedulerState {
  snapshot: SoundSnapshot | null;
  /** When the next pulse tone is due (null: no pulse to follow). */
  nextBeatSec: number | null;
  /** Beats so far: AF's irregularity is a hash of the beat's number, never Math.random. */
  beatCount: number;
  /**
   * Until this real second the pulse follows the beats the monitor draws (`beat`), not the scheduler's own clock,
   * so the tone sounds with the QRS on the screen; null: no monitor beats heard lately (no canvas), the own clock.
   */
  monitorBeatsUntilSec: number | null;
  /** The priority whose bursts are sounding, and when its next burst is due. */
  sounding: AlarmPriority | null;
  nextBurstSec: number | null;
  acknowledged: readonly string[];
  /** "Silence 2 minutes": until this real second, or two simulated minutes on from `silencedAtMin`. */
  silencedUntilSec: number | null;
  silencedAtMin: number | null;
}

export const SILENCE_SEC = 120;
/** A pulse this late (the tab was hidden, the machine busy) is dropped, not played in a rush. */
const LATE_SEC = 0.25;

export function initialScheduler(): SchedulerState {
  return {
    snapshot: null,
    nextBeatSec: null,
    beatCount: 0,
    monitorBeatsUntilSec: null,
    sounding: null,
    nextBurstSec: null,
    acknowledged: [],
    silencedUntilSec: null,
    silencedAtMin: null,
  };
}

export interface Step {
  state: SchedulerState;
  events: SoundEvent[];
}

/**
 * The pulse oximeter's tone: higher for a higher saturation, one step lower for each percent it falls, as pulse
 * oximeters do (a log-linear scale, so every step sounds the same size). 880 Hz at 100 %, each percent 2.5 % lower
 * (about 0.4 of a semitone), down to the tone at 50 %.
 */
export function pulsePitchHz(spo2: number): number {
  const percent = Math.max(50, Math.min(100, Math.round(spo2)));
  return Math.round(880 * 0.975 ** (100 - percent) * 10) / 10;
}

/** 0–1 from a beat's number: a fixed scramble (the same beat is always as early or late). */
function beatHash(n: number): number {
  let x = Math.imul(n ^ 0x9e3779b9, 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return ((x ^ (x >>> 16)) >>> 0) / 2 ** 32;
}

/** Seconds from beat `n` to the next: 60/HR, and in AF irregularly irregular (0.6–1.4 of it). */
export function beatIntervalSec(hr: number, rhythm: Rhythm, n: number): number {
  const mean = 60 / hr;
  return rhythm === 'af' ? mean * (0.6 + 0.8 * beatHash(n)) : mean;
}

/** A pulse to follow: a rate, a perfusing rhythm, a saturation to give the pitch; and the clock running. */
function pulseOf(s: SoundSnapshot | null): { hr: number; spo2: number } | null {
  if (s === null || s.paused || PULSELESS.includes(s.rhythm)) return null;
  if (s.hr === null || s.hr <= 0 || s.spo2 === null) return null;
  return { hr: s.hr, spo2: s.spo2 };
}

/** The priority that should sound now: the highest not acknowledged, unless silenced or paused. */
function soundingPriority(state: SchedulerState): AlarmPriority | null {
  const s = state.snapshot;
  if (s === null || s.paused || state.silencedUntilSec !== null) return null;
  let priority: AlarmPriority | null = null;
  for (const c of s.conditions)
    if (!state.acknowledged.includes(c.key)) priority = higher(priority, c.priority);
  return priority;
}

/**
 * A new snapshot from the monitor: the alarms it has now (an acknowledged condition that cleared is forgotten, so it
 * sounds again if it returns), a cue for each count that rose (one however many came at once: a "+60" gives one
 * "new result", not five), then whatever is due now.
 */
export function observe(state: SchedulerState, snapshot: SoundSnapshot, realSec: number): Step {
  const before = state.snapshot;
  const keys = new Set(snapshot.conditions.map((c) => c.key));
  const next: SchedulerState = {
    ...state,
    snapshot,
    acknowledged: state.acknowledged.filter((k) => keys.has(k)),
  };
  const cues: SoundEvent[] = [];
  if (before !== null)
    for (const cue of ['order', 'result', 'consultant'] as const)
      if (snapshot.cues[cue] > before.cues[cue]) cues.push({ kind: 'cue', atSec: realSec, cue });
  const due = tick(next, realSec);
  return { state: due.state, events: [...cues, ...due.events] };
}

/** Real time passes: the pulse tones and alarm bursts due by `realSec`. */
export function tick(state: SchedulerState, realSec: number): Step {
  const events: SoundEvent[] = [];
  let next = expireSilence(state, realSec);
  next = pulses(next, realSec, events);
  next = alarms(next, realSec, events);
  return { state: next, events };
}

function expireSilence(state: SchedulerState, realSec: number): SchedulerState {
  if (state.silencedUntilSec === null) return state;
  const simMin = state.snapshot?.nowMin ?? 0;
  // Two minutes of whichever clock runs faster: the room's, or the patient's (a "+60" is an hour later for both).
  const over = realSec >= state.silencedUntilSec || simMin >= (state.silencedAtMin ?? simMin) + 2;
  return over ? { ...state, silencedUntilSec: null, silencedAtMin: null } : state;
}

function pulses(state: SchedulerState, realSec: number, events: SoundEvent[]): SchedulerState {
  const pulse = pulseOf(state.snapshot);
  const rhythm = state.snapshot?.rhythm ?? 'sinus';
  if (pulse === null) return { ...state, nextBeatSec: null };
  // The monitor is drawing beats: each sounds as it is drawn (`beat`), and the own clock waits.
  if (state.monitorBeatsUntilSec !== null && realSec < state.monitorBeatsUntilSec)
    return { ...state, nextBeatSec: null };
  let at = state.nextBeatSec ?? realSec;
  // Never a backlog: after a gap the pulse picks up from now.
  if (realSec - at > LATE_SEC) at = realSec;
  let count = state.beatCount;
  while (at <= realSec) {
    events.push({ kind: 'pulse', atSec: at, pitchHz: pulsePitchHz(pulse.spo2) });
    at += beatIntervalSec(pulse.hr, rhythm, count);
    count += 1;
  }
  return { ...state, nextBeatSec: at, beatCount: count };
}

function alarms(state: SchedulerState, realSec: number, events: SoundEvent[]): SchedulerState {
  const priority = soundingPriority(state);
  if (priority === null) {
    if (state.sounding !== null) events.push({ kind: 'alarm-stop', atSec: realSec });
    return { ...state, sounding: null, nextBurstSec: null };
  }
  const repeat = ALARM_PATTERNS[priority].repeatSec;
  if (priority !== state.sounding) {
    // A new alarm, or one of another priority: its own pattern at once, cutting the one before.
    if (state.sounding !== null) events.push({ kind: 'alarm-stop', atSec: realSec });
    events.push({ kind: 'alarm', atSec: realSec, priority });
    return { ...state, sounding: priority, nextBurstSec: realSec + repeat };
  }
  const due = state.nextBurstSec ?? realSec;
  if (realSec < due) return state;
  events.push({ kind: 'alarm', atSec: realSec, priority });
  // After a gap, the next burst a whole repeat from now (no bursts stacked up).
  return { ...state, nextBurstSec: realSec - due > repeat ? realSec + repeat : due + repeat };
}

/**
 * The monitor drew a QRS now: its pulse tone, at the pitch of the saturation, when the beat makes a pulse (none in
 * a pulseless rhythm, none while paused). The own clock stays quiet while beats keep coming: until two beats' time
 * (at least 3 s) from now, after which it takes over again (the canvas gone, the tab hidden).
 */
export function beat(state: SchedulerState, realSec: number): Step {
  const pulse = pulseOf(state.snapshot);
  const waitSec = Math.max(3, pulse === null ? 0 : 120 / pulse.hr);
  const following: SchedulerState = { ...state, monitorBeatsUntilSec: realSec + waitSec, nextBeatSec: null };
  const due = tick(following, realSec);
  if (pulse === null) return due;
  return {
    state: { ...due.state, beatCount: due.state.beatCount + 1 },
    events: [{ kind: 'pulse', atSec: realSec, pitchHz: pulsePitchHz(pulse.spo2) }, ...due.events],
  };
}

/** Acknowledge: the conditions present now stop sounding until they clear (a new one still sounds). */
export function acknowledge(state: SchedulerState, realSec: number): Step {
  const keys = state.snapshot?.conditions.map((c) => c.key) ?? [];
  return tick({ ...state, acknowledged: [...new Set([...state.acknowledged, ...keys])] }, realSec);
}

/** "Silence 2 minutes" (audio paused): no alarm sounds, new or old, for two minutes; the banner stays. */
export function silence(state: SchedulerState, realSec: number): Step {
  return tick(
    { ...state, silencedUntilSec: realSec + SILENCE_SEC, silencedAtMin: state.snapshot?.nowMin ?? 0 },
    realSec,
  );
}

/** End a silence early (the button pressed again). */
export function unsilence(state: SchedulerState, realSec: number): Step {
  return tick({ ...state, silencedUntilSec: null, silencedAtMin: null }, realSec);
}

/** Sound the alarm afresh at the next tick (sound turned back on: the alarm is heard at once, not at its repeat). */
export function rearm(state: SchedulerState): SchedulerState {
  return { ...state, sounding: null, nextBurstSec: null };
}

export function alarmStatus(state: SchedulerState, realSec: number): AlarmStatus {
  return {
    conditions: state.snapshot?.conditions ?? [],
    sounding: state.sounding,
    silencedForSec:
      state.silencedUntilSec === null ? null : Math.max(0, Math.ceil(state.silencedUntilSec - realSec)),
    acknowledged: state.acknowledged,
  };
}

/**
 * How loud an event plays with these settings (0–1), or null for not at all. Muted: nothing. Alarms only: no pulse,
 * no cues. Classroom: alarms louder over the pulse tone, which a hall hears from the back, and no cues.
 */
export function gainFor(event: SoundEvent, settings: SoundSettings): number | null {
  if (settings.muted || settings.volume <= 0) return null;
  switch (event.kind) {
    case 'alarm':
      return Math.min(1, settings.volume * (settings.classroom ? 1.6 : 0.8));
    case 'alarm-stop':
      return 1;
    case 'pulse':
      return settings.alarmsOnly ? null : settings.volume * 0.35;
    case 'cue':
      return settings.alarmsOnly || settings.classroom ? null : settings.volume * 0.3;
    default:
      return event satisfies never;
  }
}
