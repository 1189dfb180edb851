import type { HeartSpec } from '../../src/game/heart-spec.ts';

/** A perfusing sinus heart at 75/min with a normal lead II, with these changes. */
export const heartSpec = (over: Partial<HeartSpec> = {}): HeartSpec => ({
  rhythm: 'sinus',
  qrs: 'narrow',
  rateBpm: 75,
  pacing: null,
  leadII: null,
  cpr: false,
  arrestMin: 0,
  output: true,
  pressure: { sbp: 120, dbp: 70 },
  ...over,
});
