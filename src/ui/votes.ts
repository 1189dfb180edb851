import { z } from 'zod';

/**
 * A decision moment: the instructor puts a few candidate actions on the "what next?" board, the room votes (a
 * show-of-hands count typed in, or a click per hand), and the instructor commits one. Kept with the play (the save)
 * for the debrief, which sets each vote beside the guideline's path and the real team's course.
 */
const ACTION = /^(examine|ask|order|treat|stop|consult|diagnose|dispose):[a-z0-9]+(-[a-z0-9]+)*$/;
export const MAX_OPTIONS = 6;
/** A lecture hall, generously: a count above it is a typo. */
export const MAX_HANDS = 1000;

export const VoteOption = z.strictObject({
  /** The learner action as "verb:id", as the panels' hooks name it. */
  action: z.string().max(120).regex(ACTION),
  label: z.string().min(1).max(300),
  count: z.number().int().min(0).max(MAX_HANDS),
});
export type VoteOption = z.infer<typeof VoteOption>;

export const Vote = z.strictObject({
  atMin: z.number().int().min(0),
  options: z.array(VoteOption).min(1).max(MAX_OPTIONS),
  /** The action the instructor committed: one of the options. */
  chosen: z.string().max(120).regex(ACTION),
});
export type Vote = z.infer<typeof Vote>;

/** The board with one more candidate (none twice, at most MAX_OPTIONS). */
export function addOption(options: readonly VoteOption[], action: string, label: string): VoteOption[] {
  if (options.some((o) => o.action === action) || options.length >= MAX_OPTIONS) return [...options];
  return [...options, { action, label, count: 0 }];
}

/** A show-of-hands count typed in: a whole number from 0 to MAX_HANDS (anything else leaves the count as it was). */
export function setCount(options: readonly VoteOption[], action: string, typed: string): VoteOption[] {
  const n = Number(typed.trim());
  const valid = typed.trim() !== '' && Number.isInteger(n) && n >= 0 && n <= MAX_HANDS;
  return options.map((o) => (o.action === action && valid ? { ...o, count: n } : o));
}

/** One more hand (a click per hand), up to MAX_HANDS. */
export function tally(options: readonly VoteOption[], action: string): VoteOption[] {
  return options.map((o) => (o.action === action ? { ...o, count: Math.min(MAX_HANDS, o.count + 1) } : o));
}

/** The option with the most hands, or null on a tie at the top (or no hands at all). */
export function leading(options: readonly VoteOption[]): VoteOption | null {
  const top = Math.max(0, ...options.map((o) => o.count));
  const best = options.filter((o) => o.count === top);
  return top === 0 || best.length !== 1 ? null : (best[0] ?? null);
}

/** The share of the room's hands for an option, as a whole percent (0 when nobody voted). */
export function share(options: readonly VoteOption[], option: VoteOption): number {
  const hands = options.reduce((sum, o) => sum + o.count, 0);
  return hands === 0 ? 0 : Math.round((100 * option.count) / hands);
}
