import type { AlarmStatus, SoundOutputState, SoundSettings } from '../view/sound-view.ts';
import {
  acknowledge,
  beat,
  alarmStatus,
  gainFor,
  initialScheduler,
  observe,
  rearm,
  silence,
  tick,
  unsilence,
  type SchedulerState,
  type SoundEvent,
  type SoundSnapshot,
  type Step,
} from './scheduler.ts';
import { howlerOutput, pulseRate, SILENT_OUTPUT, type SoundOutput } from './sound-output.ts';

/** What the sound layer did, for the browser tests: every sound it decided on, and where it went. */
export interface SoundLogEntry {
  /** Real milliseconds (performance.now). */
  atMs: number;
  /** "pulse 859.2 Hz", "alarm high", "alarm-stop", "cue result". */
  sound: string;
  gain: number;
  /** on: handed to howler; waiting: before the first gesture (dropped); unavailable: no audio (dropped). */
  output: SoundOutputState;
}

export interface SoundState {
  settings: SoundSettings;
  output: SoundOutputState;
  alarm: AlarmStatus;
}

const TICK_MS = 50;
const LOG_MAX = 400;

function describe(e: SoundEvent): string {
  switch (e.kind) {
    case 'pulse':
      return `pulse ${e.pitchHz.toFixed(1)} Hz`;
    case 'alarm':
      return `alarm ${e.priority}`;
    case 'alarm-stop':
      return 'alarm-stop';
    case 'cue':
      return `cue ${e.cue}`;
    default:
      return e satisfies never;
  }
}

/**
 * The sound of the bay in the browser: it feeds the pure scheduler the monitor's snapshots and real time (a 50 ms
 * timer while a play is shown), and plays what it decides through howler. Audio starts at the first click or key.
 */
export class BedsideSound {
  private scheduler: SchedulerState = initialScheduler();
  private output: SoundOutput | null = null;
  private outputState: SoundOutputState = 'waiting';
  private timer: number | null = null;
  private readonly entries: SoundLogEntry[] = [];
  private readonly listeners = new Set<(state: SoundState) => void>();
  private lastStatus = '';

  constructor(private settings: SoundSettings) {
    const start = () => {
      for (const type of GESTURES) document.removeEventListener(type, start, true);
      void this.startOutput();
    };
    for (const type of GESTURES) document.addEventListener(type, start, true);
  }

  private async startOutput(): Promise<void> {
    const output = await howlerOutput(() => {
      this.outputState = 'unavailable';
      this.changed(true);
    });
    this.output = output;
    this.outputState = output === SILENT_OUTPUT ? 'unavailable' : output.state;
    this.changed(true);
  }

  private get now(): number {
    return performance.now() / 1000;
  }

  /** The monitor now (null: no play on screen, so no sound). */
  observe(snapshot: SoundSnapshot | null): void {
    if (snapshot === null) {
      this.output?.stopAll();
      this.scheduler = initialScheduler();
      this.stopTimer();
      this.changed(true);
      return;
    }
    this.apply(observe(this.scheduler, snapshot, this.now));
    this.timer ??= window.setInterval(() => {
      if (!document.hidden) this.apply(tick(this.scheduler, this.now));
    }, TICK_MS);
  }

  /** The monitor drew a QRS: the pulse tone sounds with it. */
  beat(): void {
    if (this.scheduler.snapshot !== null) this.apply(beat(this.scheduler, this.now));
  }

  acknowledge(): void {
    this.apply(acknowledge(this.scheduler, this.now));
  }

  /** Silence for 2 minutes, or end the silence if one runs. */
  toggleSilence(): void {
    const silenced = this.scheduler.silencedUntilSec !== null;
    this.apply((silenced ? unsilence : silence)(this.scheduler, this.now));
  }

  setSettings(settings: SoundSettings): void {
    const unmuted = this.settings.muted && !settings.muted;
    this.settings = settings;
    if (settings.muted) this.output?.stopAll();
    if (unmuted) this.scheduler = rearm(this.scheduler);
    this.changed(true);
  }

  /** Told of every change to what the controls show (settings, output, alarms, the silence's countdown). */
  listen(listener: (state: SoundState) => void): () => void {
    this.listeners.add(listener);
    listener(this.state());
    return () => this.listeners.delete(listener);
  }

  state(): SoundState {
    return {
      settings: this.settings,
      output: this.outputState,
      alarm: alarmStatus(this.scheduler, this.now),
    };
  }

  log(): SoundLogEntry[] {
    return [...this.entries];
  }

  private apply(step: Step): void {
    this.scheduler = step.state;
    for (const e of step.events) this.play(e);
    this.changed(false);
  }

  private play(e: SoundEvent): void {
    const gain = gainFor(e, this.settings);
    if (gain === null) return;
    this.entries.push({
      atMs: Math.round(e.atSec * 1000),
      sound: describe(e),
      gain: Math.round(gain * 100) / 100,
      output: this.outputState,
    });
    if (this.entries.length > LOG_MAX) this.entries.splice(0, this.entries.length - LOG_MAX);
    const out = this.output;
    if (out === null || this.outputState !== 'on') return;
    if (e.kind === 'pulse') out.play('pulse', gain, pulseRate(e.pitchHz));
    else if (e.kind === 'alarm') out.play(`alarm-${e.priority}`, gain);
    else if (e.kind === 'alarm-stop') out.stopAlarm();
    else out.play(`cue-${e.cue}`, gain);
  }

  /** Tell the listeners, when what they show has changed (the status is compared as text: cheap at 20 Hz). */
  private changed(force: boolean): void {
    const state = this.state();
    const text = JSON.stringify(state);
    if (!force && text === this.lastStatus) return;
    this.lastStatus = text;
    for (const listener of this.listeners) listener(state);
  }

  private stopTimer(): void {
    if (this.timer !== null) window.clearInterval(this.timer);
    this.timer = null;
  }
}

/** What counts as the user's first gesture for the autoplay rules. */
const GESTURES = ['pointerdown', 'keydown', 'click'] as const;
