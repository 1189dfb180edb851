import type { AlarmPriority } from '../view/sound-view.ts';

/** One pulse of an alarm burst: its onset from the start of the burst and its length, in seconds. */
export interface AlarmPulse {
  atSec: number;
  durSec: number;
}

export interface AlarmPattern {
  pulses: readonly AlarmPulse[];
  /** From the start of one burst to the start of the next. */
  repeatSec: number;
  /** Fundamental frequency of each pulse (IEC 60601-1-8: 150–1000 Hz, with at least four harmonics). */
  fundamentalHz: number;
}

/** Pulses of `durSec` whose onsets are `everySec` apart, from `fromSec`. */
function pulses(fromSec: number, count: number, everySec: number, durSec: number): AlarmPulse[] {
  return Array.from({ length: count }, (_, i) => ({ atSec: fromSec + i * everySec, durSec }));
}

/**
 * The alarm signals of IEC 60601-1-8:2006+A2:2020 (Table 3, "Characteristics of the pulse"; Table 4, "burst"),
 * with values chosen inside its ranges:
 * - high: a burst of 10 pulses, 3 + 2 + 3 + 2; pulse 75–200 ms, 50–125 ms between pulses, a longer pause between
 *   the groups; repeated every 2.5–15 s;
 * - medium: 3 pulses of 125–250 ms; repeated every 2.5–30 s;
 * - low: 1 or 2 pulses of 125–250 ms; repeated after more than 15 s (or not at all).
 * The high priority is higher in pitch and faster, so the two are told apart without comparing them.
 */
export const ALARM_PATTERNS: Record<AlarmPriority, AlarmPattern> = {
  high: {
    pulses: [
      ...pulses(0, 3, 0.25, 0.15),
      ...pulses(0.95, 2, 0.25, 0.15),
      ...pulses(2.15, 3, 0.25, 0.15),
      ...pulses(3.1, 2, 0.25, 0.15),
    ],
    repeatSec: 8,
    fundamentalHz: 880,
  },
  medium: { pulses: pulses(0, 3, 0.35, 0.2), repeatSec: 10, fundamentalHz: 660 },
  low: { pulses: pulses(0, 2, 0.35, 0.2), repeatSec: 20, fundamentalHz: 523 },
};

/** How long a burst lasts, from its first onset to the end of its last pulse. */
export function burstSec(pattern: AlarmPattern): number {
  const last = pattern.pulses.at(-1);
  return last === undefined ? 0 : last.atSec + last.durSec;
}
