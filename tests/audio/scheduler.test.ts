import { describe, expect, it } from 'vitest';
import { alarmConditions } from '../../src/audio/alarm-conditions.ts';
import { ALARM_PATTERNS } from '../../src/audio/alarm-patterns.ts';
import {
  acknowledge,
  beat,
  beatIntervalSec,
  gainFor,
  initialScheduler,
  observe,
  pulsePitchHz,
  silence,
  tick,
  type SchedulerState,
  type SoundEvent,
  type SoundSnapshot,
} from '../../src/audio/scheduler.ts';
import { soundSprite } from '../../src/audio/synth.ts';
import type { BayView } from '../../src/view/bay-view.ts';
import { DEFAULT_SOUND_SETTINGS, type AlarmCondition } from '../../src/view/sound-view.ts';

const MAP_LOW: AlarmCondition = { key: 'map-low', priority: 'medium', text: 'MAP 60 mmHg, below 65' };
const VF: AlarmCondition = { key: 'rhythm-vf', priority: 'high', text: 'Ventricular fibrillation' };

function snap(change: Partial<SoundSnapshot> = {}): SoundSnapshot {
  return {
    nowMin: 0,
    hr: 60,
    spo2: 98,
    rhythm: 'sinus',
    conditions: [],
    paused: false,
    cues: { result: 0, order: 0, consultant: 0 },
    ...change,
  };
}

/** Play the scheduler: observe `snapshot` at `fromSec`, then tick every 50 ms to `toSec`; every event on the way. */
function run(
  state: SchedulerState,
  snapshot: SoundSnapshot,
  fromSec: number,
  toSec: number,
): { state: SchedulerState; events: SoundEvent[] } {
  let step = observe(state, snapshot, fromSec);
  const events = [...step.events];
  for (let t = fromSec + 0.05; t <= toSec + 1e-9; t += 0.05) {
    step = tick(step.state, t);
    events.push(...step.events);
  }
  return { state: step.state, events };
}

const ofKind = <K extends SoundEvent['kind']>(events: SoundEvent[], kind: K) =>
  events.filter((e): e is Extract<SoundEvent, { kind: K }> => e.kind === kind);

describe('the pulse tone', () => {
  it("beeps once a beat at the patient's rate: 60/min is 10 beeps in 10 s, 120/min is 20", () => {
    expect(ofKind(run(initialScheduler(), snap({ hr: 60 }), 0, 9.99).events, 'pulse')).toHaveLength(10);
    expect(ofKind(run(initialScheduler(), snap({ hr: 120 }), 0, 9.99).events, 'pulse')).toHaveLength(20);
  });

  it('is higher for a higher saturation, one step lower for each percent', () => {
    expect(pulsePitchHz(100)).toBe(880);
    for (let spo2 = 100; spo2 > 70; spo2--) expect(pulsePitchHz(spo2 - 1)).toBeLessThan(pulsePitchHz(spo2));
    const [at98] = ofKind(run(initialScheduler(), snap({ spo2: 98 }), 0, 0).events, 'pulse');
    const [at85] = ofKind(run(initialScheduler(), snap({ spo2: 85 }), 0, 0).events, 'pulse');
    expect(at98?.pitchHz).toBe(pulsePitchHz(98));
    expect(at85?.pitchHz).toBeLessThan(at98?.pitchHz ?? 0);
  });

  it('is silent in VF, pulseless VT, PEA and asystole, and when the clock is paused', () => {
    for (const rhythm of ['vf', 'pvt', 'pea', 'asystole'] as const)
      expect(ofKind(run(initialScheduler(), snap({ rhythm, hr: 150 }), 0, 5).events, 'pulse')).toEqual([]);
    expect(ofKind(run(initialScheduler(), snap({ paused: true }), 0, 5).events, 'pulse')).toEqual([]);
  });

  it('is irregularly irregular in AF, regular in sinus rhythm, and the same each time', () => {
    const intervals = (rhythm: 'af' | 'sinus') => {
      const beats = ofKind(run(initialScheduler(), snap({ rhythm, hr: 100 }), 0, 30).events, 'pulse');
      return beats.slice(1).map((b, i) => b.atSec - (beats[i]?.atSec ?? 0));
    };
    const af = intervals('af');
    const spread = Math.max(...af) - Math.min(...af);
    expect(spread).toBeGreaterThan(0.2);
    const sinus = intervals('sinus');
    expect(Math.max(...sinus) - Math.min(...sinus)).toBeLessThan(0.06);
    expect(intervals('af')).toEqual(af);
    // The mean still follows the rate.
    const mean = [...Array(400).keys()].reduce((s, n) => s + beatIntervalSec(100, 'af', n), 0) / 400;
    expect(mean).toBeCloseTo(0.6, 1);
  });

  it('a "+60" advance plays the state it lands in: no backlog of beeps, the new rate and pitch at once', () => {
    let { state } = run(initialScheduler(), snap({ hr: 80, spo2: 97 }), 0, 2);
    const landed = observe(state, snap({ nowMin: 60, hr: 130, spo2: 88 }), 2.01);
    expect(ofKind(landed.events, 'pulse').length).toBeLessThanOrEqual(1);
    state = landed.state;
    const after = run(state, snap({ nowMin: 60, hr: 130, spo2: 88 }), 2.02, 12);
    const beats = ofKind(after.events, 'pulse');
    expect(beats.length).toBeGreaterThanOrEqual(21);
    expect(beats.length).toBeLessThanOrEqual(23);
    expect(new Set(beats.map((b) => b.pitchHz))).toEqual(new Set([pulsePitchHz(88)]));
  });

  it('after a gap in real time (a hidden tab) it picks up from now instead of playing the missed beats', () => {
    const { state } = run(initialScheduler(), snap({ hr: 120 }), 0, 1);
    expect(ofKind(tick(state, 60).events, 'pulse')).toHaveLength(1);
  });
});

describe('the alarms', () => {
  it('follow the IEC 60601-1-8 patterns: high 10 pulses 3+2+3+2, medium 3, low 2', () => {
    const groups = (pulses: readonly { atSec: number; durSec: number }[]) => {
      const sizes = [1];
      for (let i = 1; i < pulses.length; i++) {
        const gap = (pulses[i]?.atSec ?? 0) - ((pulses[i - 1]?.atSec ?? 0) + (pulses[i - 1]?.durSec ?? 0));
        if (gap > 0.15) sizes.push(1);
        else sizes[sizes.length - 1] = (sizes.at(-1) ?? 0) + 1;
      }
      return sizes;
    };
    expect(groups(ALARM_PATTERNS.high.pulses)).toEqual([3, 2, 3, 2]);
    expect(ALARM_PATTERNS.medium.pulses).toHaveLength(3);
    expect(ALARM_PATTERNS.low.pulses.length).toBeGreaterThanOrEqual(1);
    expect(ALARM_PATTERNS.low.pulses.length).toBeLessThanOrEqual(2);
    for (const p of ALARM_PATTERNS.high.pulses) expect(p.durSec).toBeGreaterThanOrEqual(0.075);
    expect(ALARM_PATTERNS.high.repeatSec).toBeLessThanOrEqual(15);
    expect(ALARM_PATTERNS.medium.repeatSec).toBeLessThanOrEqual(30);
    expect(ALARM_PATTERNS.low.repeatSec).toBeGreaterThan(15);
    for (const p of Object.values(ALARM_PATTERNS)) {
      expect(p.fundamentalHz).toBeGreaterThanOrEqual(150);
      expect(p.fundamentalHz).toBeLessThanOrEqual(1000);
    }
  });

  it('a MAP below its limit sounds a medium-priority burst at once, repeated; recovery stops it', () => {
    const low = run(initialScheduler(), snap({ conditions: [MAP_LOW] }), 0, 25);
    const bursts = ofKind(low.events, 'alarm');
    expect(bursts.map((b) => [b.priority, Math.round(b.atSec)])).toEqual([
      ['medium', 0],
      ['medium', 10],
      ['medium', 20],
    ]);
    const recovered = observe(low.state, snap({ conditions: [] }), 26);
    expect(recovered.events).toContainEqual({ kind: 'alarm-stop', atSec: 26 });
    expect(ofKind(run(recovered.state, snap(), 26, 60).events, 'alarm')).toEqual([]);
  });

  it('VF is a high-priority alarm that takes over from a medium one', () => {
    const { state } = run(initialScheduler(), snap({ conditions: [MAP_LOW] }), 0, 3);
    const vf = observe(state, snap({ rhythm: 'vf', hr: null, spo2: null, conditions: [VF] }), 3.5);
    expect(vf.events).toEqual([
      { kind: 'alarm-stop', atSec: 3.5 },
      { kind: 'alarm', atSec: 3.5, priority: 'high' },
    ]);
  });

  it('"silence 2 minutes" stops every alarm for 120 s of real time, then it sounds again', () => {
    const { state } = run(initialScheduler(), snap({ conditions: [VF] }), 0, 1);
    const hushed = silence(state, 1);
    expect(hushed.events).toEqual([{ kind: 'alarm-stop', atSec: 1 }]);
    const quiet = run(hushed.state, snap({ conditions: [VF, MAP_LOW] }), 1.05, 120.9);
    expect(ofKind(quiet.events, 'alarm')).toEqual([]);
    expect(ofKind(tick(quiet.state, 121.05).events, 'alarm')).toEqual([
      { kind: 'alarm', atSec: 121.05, priority: 'high' },
    ]);
  });

  it('a silence ends once two simulated minutes have passed (a "+60" lands an hour later)', () => {
    const { state } = run(initialScheduler(), snap({ conditions: [MAP_LOW] }), 0, 1);
    const hushed = silence(state, 1).state;
    expect(ofKind(observe(hushed, snap({ nowMin: 1, conditions: [MAP_LOW] }), 2).events, 'alarm')).toEqual(
      [],
    );
    expect(
      ofKind(observe(hushed, snap({ nowMin: 60, conditions: [MAP_LOW] }), 2).events, 'alarm'),
    ).toHaveLength(1);
  });

  it('acknowledge quiets the conditions present until they clear; a new condition sounds; a return sounds again', () => {
    const { state } = run(initialScheduler(), snap({ conditions: [MAP_LOW] }), 0, 1);
    const acked = acknowledge(state, 1);
    expect(acked.events).toEqual([{ kind: 'alarm-stop', atSec: 1 }]);
    expect(ofKind(run(acked.state, snap({ conditions: [MAP_LOW] }), 1.05, 40).events, 'alarm')).toEqual([]);
    // A new alarm still sounds.
    expect(ofKind(observe(acked.state, snap({ conditions: [MAP_LOW, VF] }), 2).events, 'alarm')).toHaveLength(
      1,
    );
    // The MAP recovers, then falls again: a new alarm.
    const cleared = observe(acked.state, snap({ conditions: [] }), 3).state;
    expect(ofKind(observe(cleared, snap({ conditions: [MAP_LOW] }), 4).events, 'alarm')).toHaveLength(1);
  });

  it('paused: no pulse and no alarm sound (the monitor is frozen; the banner stays)', () => {
    const events = run(initialScheduler(), snap({ paused: true, conditions: [VF] }), 0, 20).events;
    expect(events).toEqual([]);
  });
});

describe('alarm conditions from the monitor', () => {
  const view = (vitals: Partial<BayView['vitals']>, rhythm: BayView['rhythm']['id'] = 'sinus') =>
    ({
      vitals: { hr: 80, sbp: 120, dbp: 70, map: 87, spo2: 97, rr: 14, temp: 37, ...vitals },
      rhythm: { id: rhythm, name: rhythm === 'vf' ? 'Ventricular fibrillation' : 'Sinus rhythm' },
    }) as BayView;

  it('use the limits the monitor prints (MAP 65): medium below, high below the extreme band', () => {
    expect(alarmConditions(view({ map: 66 }))).toEqual([]);
    expect(alarmConditions(view({ map: 64 }))).toEqual([
      { key: 'map-low', priority: 'medium', text: 'MAP 64 mmHg, below 65' },
    ]);
    expect(alarmConditions(view({ map: 50 }))[0]?.priority).toBe('high');
    expect(alarmConditions(view({ spo2: 80 }))[0]).toMatchObject({ key: 'spo2-low', priority: 'high' });
    expect(alarmConditions(view({ temp: 39 }))[0]).toMatchObject({ key: 'temp-high', priority: 'low' });
  });

  it('a pulseless rhythm is one high-priority alarm', () => {
    expect(alarmConditions(view({ hr: null, map: null, spo2: null }, 'vf'))).toEqual([
      { key: 'rhythm-vf', priority: 'high', text: 'Ventricular fibrillation' },
    ]);
  });
});

describe('cues and settings', () => {
  it('a "+60" that brings five results gives one "new result" cue, not five', () => {
    const first = observe(initialScheduler(), snap(), 0);
    expect(ofKind(first.events, 'cue')).toEqual([]);
    const later = observe(first.state, snap({ nowMin: 60, cues: { result: 5, order: 0, consultant: 1 } }), 1);
    expect(ofKind(later.events, 'cue').map((c) => c.cue)).toEqual(['result', 'consultant']);
  });

  it('mute plays nothing; alarms only keeps the alarms; classroom drops cues and raises alarms', () => {
    const pulse: SoundEvent = { kind: 'pulse', atSec: 0, pitchHz: 880 };
    const alarm: SoundEvent = { kind: 'alarm', atSec: 0, priority: 'high' };
    const cue: SoundEvent = { kind: 'cue', atSec: 0, cue: 'result' };
    const muted = { ...DEFAULT_SOUND_SETTINGS, muted: true };
    expect([pulse, alarm, cue].map((e) => gainFor(e, muted))).toEqual([null, null, null]);
    const alarmsOnly = { ...DEFAULT_SOUND_SETTINGS, alarmsOnly: true };
    expect(gainFor(pulse, alarmsOnly)).toBeNull();
    expect(gainFor(cue, alarmsOnly)).toBeNull();
    expect(gainFor(alarm, alarmsOnly)).toBeGreaterThan(0);
    const classroom = { ...DEFAULT_SOUND_SETTINGS, classroom: true };
    expect(gainFor(cue, classroom)).toBeNull();
    expect(gainFor(alarm, classroom) ?? 0).toBeGreaterThan(gainFor(alarm, DEFAULT_SOUND_SETTINGS) ?? 1);
  });

  it('the sounds are synthesised into one WAV sprite with every sound in it', () => {
    const { src, sprite } = soundSprite();
    expect(src.startsWith('data:audio/wav;base64,UklGR')).toBe(true);
    expect(Object.keys(sprite).sort()).toEqual(
      [
        'alarm-high',
        'alarm-low',
        'alarm-medium',
        'cue-consultant',
        'cue-order',
        'cue-result',
        'pulse',
      ].sort(),
    );
    expect(sprite['alarm-high'][1]).toBeCloseTo(3500, -1);
  });
});

describe('the pulse tone follows the beats the monitor draws', () => {
  /** Observe, then the monitor's beats at these seconds with ticks every 50 ms between them, to `toSec`. */
  function withBeats(snapshot: SoundSnapshot, beats: readonly number[], toSec: number): SoundEvent[] {
    let step = observe(initialScheduler(), snapshot, 0);
    const events = [...step.events];
    let next = 0;
    for (let t = 0.05; t <= toSec + 1e-9; t += 0.05) {
      while (next < beats.length && (beats[next] ?? Infinity) <= t) {
        step = beat(step.state, beats[next] ?? t);
        events.push(...step.events);
        next += 1;
      }
      step = tick(step.state, t);
      events.push(...step.events);
    }
    return events;
  }

  it('one tone at each drawn QRS, at its moment, and none of its own between them', () => {
    // The monitor draws beats 0.93 s apart (its own phase), the snapshot says 60/min.
    const beats = [0.4, 1.33, 2.26, 3.19, 4.12];
    const pulses = ofKind(withBeats(snap({ hr: 60 }), beats, 4.5), 'pulse').map((e) => e.atSec);
    // The own clock sounds at 0 (before any beat is heard); from the first drawn beat on, only the drawn ones.
    expect(pulses.filter((t) => t >= 0.4)).toEqual(beats);
  });

  it('no tone for a QRS without a pulse (PEA), and none while paused', () => {
    const pea = snap({ rhythm: 'pea', hr: 40, conditions: [VF] });
    expect(ofKind(withBeats(pea, [0.5, 2, 3.5], 4), 'pulse')).toEqual([]);
    expect(ofKind(withBeats(snap({ paused: true }), [0.5, 1.5], 2), 'pulse')).toEqual([]);
  });

  it('the tone has the pitch of the saturation at the beat', () => {
    const pitches = ofKind(withBeats(snap({ spo2: 88 }), [0.5], 0.6), 'pulse').map((e) => e.pitchHz);
    expect(pitches.at(-1)).toBe(pulsePitchHz(88));
  });

  it('when the drawn beats stop (the canvas gone), the own clock takes over after at most two beats', () => {
    const pulses = ofKind(withBeats(snap({ hr: 60 }), [0.5, 1.5], 10), 'pulse').map((e) => e.atSec);
    const own = pulses.filter((t) => t > 1.5);
    expect(own[0]).toBeGreaterThanOrEqual(4.5 - 1e-9); // 3 s after the last drawn beat
    expect(own[0]).toBeLessThan(4.6);
    expect(own.length).toBeGreaterThanOrEqual(5); // then once a second
  });
});
