import { z } from 'zod';

/**
 * A decision moment: the instructor puts a few candidate actions on the "what next?" board, the room votes (a
 * show-of-hands count typed in, or a click per hand), and the instructor commits one. Kept with the play (the save)
 * for the debrief, which sets each vote beside the guideline's path and the real team's course.
 */
const ACTION = /^(examine|ask|order|treat|stop|consult|diagnose|dispose):[a-z0-9]+(-[a-z0-9]+)*$/;
export const MAX_OPTIONS = 6;
const ActionText = z.string().max(120).regex(ACTION);
const Question = z.string().min(1).max(300);
/** A lecture hall, generously: a count above it is a typo. */
export const MAX_HANDS = 1000;

export const VoteOption = z.strictObject({
  /** The learner action as "verb:id", as the panels' hooks name it. */
  action: ActionText,
  label: z.string().min(1).max(300),
  count: z.number().int().min(0).max(MAX_HANDS),
});
export type VoteOption = z.infer<typeof VoteOption>;

export const Vote = z.strictObject({
  /** The minute the chosen action was done (not the minute the board opened). */
  atMin: z.number().int().min(0),
  /** The question on the board, when it was one the case suggests (or null: the instructor's own candidates). */
  question: Question.nullable().optional(),
  options: z.array(VoteOption).min(1).max(MAX_OPTIONS),
  /** The action the instructor committed: one of the options. */
  chosen: ActionText,
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

/**
 * The board as both windows show it: owned by the projector (kept in the save, so a reload loses no count), changed
 * by either window's controls, and sent to the presenter with every state.
 */
export const Board = z.strictObject({
  open: z.boolean(),
  question: Question.nullable(),
  options: z.array(VoteOption).max(MAX_OPTIONS),
  /**
   * The option the instructor committed, waiting to be done: its dose or its confirmation may still be asked, and
   * may be cancelled. The vote is recorded when the action is done, at that minute; anything else done first, or a
   * refusal, leaves the board as it was for another commit.
   */
  pending: ActionText.nullable(),
});
export type Board = z.infer<typeof Board>;

export const EMPTY_BOARD: Board = { open: false, question: null, options: [], pending: null };

/** One change to the board, from either window's controls. */
export const BoardChange = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('open'), open: z.boolean() }),
  z.strictObject({ kind: z.literal('add'), action: ActionText, label: z.string().min(1).max(300) }),
  z.strictObject({ kind: z.literal('remove'), action: ActionText }),
  z.strictObject({ kind: z.literal('count'), action: ActionText, typed: z.string().max(20) }),
  z.strictObject({ kind: z.literal('tally'), action: ActionText }),
  /** The case's own question for this phase, with its candidates (replacing the board's). */
  z.strictObject({
    kind: z.literal('ask'),
    question: Question,
    options: z
      .array(z.strictObject({ action: ActionText, label: z.string().min(1).max(300) }))
      .min(1)
      .max(MAX_OPTIONS),
  }),
  z.strictObject({ kind: z.literal('commit'), action: ActionText }),
  z.strictObject({ kind: z.literal('clear') }),
]);
export type BoardChange = z.infer<typeof BoardChange>;

/** The board after one change. A change that does not apply (an unknown option, a full board) changes nothing. */
export function changeBoard(board: Board, change: BoardChange): Board {
  switch (change.kind) {
    case 'open':
      return { ...board, open: change.open };
    case 'add':
      return { ...board, options: addOption(board.options, change.action, change.label), pending: null };
    case 'remove':
      return {
        ...board,
        options: board.options.filter((o) => o.action !== change.action),
        pending: board.pending === change.action ? null : board.pending,
      };
    case 'count':
      return { ...board, options: setCount(board.options, change.action, change.typed) };
    case 'tally':
      return { ...board, options: tally(board.options, change.action) };
    case 'ask':
      return {
        open: true,
        question: change.question,
        options: change.options.reduce<VoteOption[]>((all, o) => addOption(all, o.action, o.label), []),
        pending: null,
      };
    case 'commit':
      return board.options.some((o) => o.action === change.action)
        ? { ...board, pending: change.action }
        : board;
    case 'clear':
      return { ...EMPTY_BOARD, open: board.open };
    default:
      return change satisfies never;
  }
}

/**
 * An action was done (accepted by the engine, as "verb:id", at atMin): when it is the committed option, the vote it
 * settles and a cleared, closed board; otherwise the board no longer waits (the instructor did something else).
 */
export function settle(board: Board, done: string, atMin: number): { board: Board; vote: Vote | null } {
  if (board.pending === null) return { board, vote: null };
  if (board.pending !== done) return { board: { ...board, pending: null }, vote: null };
  const vote: Vote = { atMin, question: board.question, options: board.options, chosen: done };
  return { board: EMPTY_BOARD, vote };
}
