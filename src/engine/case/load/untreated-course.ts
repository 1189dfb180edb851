import { playToEnd } from '../../play/play.ts';
import { brokenVital, vitalsNow } from '../../sim/advance.ts';
import { clockText } from '../../play/clock.ts';
import { problemAt, type JsonSource } from './json-source.ts';
import type { Problem } from './problems.ts';
import type { ResolvedCase } from './load-case.ts';

/**
 * The case played untreated to its horizon, as the loader's last check: numbers that each fit their schema can
 * still combine into a physiology that gives no number (an overflow, a division by zero). That is an error in the
 * file, found here rather than in a learner's play, where the engine would have to stop.
 */
export function untreatedCourseProblems(source: JsonSource, resolved: ResolvedCase): Problem[] {
  const ctx = playToEnd(resolved, { actions: [] });
  if (ctx.ended?.reason !== 'fault') return [];
  const vital = brokenVital(vitalsNow(ctx, resolved)) ?? 'a vital sign';
  return [
    problemAt(
      source,
      ['physiology'],
      `played untreated, the physiology gives no number for ${vital} at T+${clockText(ctx.nowMin)} ` +
        '(an overflow or a division by zero): check the values of physiology and patient.weightKg',
    ),
  ];
}
