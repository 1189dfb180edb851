/**
 * What the engine will do for one play, at most. Every number is documented here and enforced where the work
 * happens: the case schema refuses a horizon beyond it, the engine refuses actions beyond it, a save beyond it is
 * set aside with a message. A case or a save that asks for more is refused with a clear message; nothing hangs.
 * The costs quoted are from `npm run bench` (BENCHMARKS.md).
 */
export const BUDGET = {
  /**
   * Longest simulated course: 7 days. The integrator steps minute by minute, so the cost of a play grows with its
   * horizon (a 12 h case plays in about 2 ms); a week is still well under a second.
   */
  horizonMin: 7 * 24 * 60,
  /** Most actions in one play, the learner's and the receiving team's: a real play takes well under 300. */
  actions: 2_000,
  /**
   * Most case events fired in one play: a real course has a handful; a repeating event whose trigger keeps holding
   * could otherwise fire every minute of a week. The checker reports a case whose course reaches it.
   */
  eventFirings: 200,
  /** Largest case, catalogue or script file read: the biggest shipped case is about 80 kB. */
  fileBytes: 2_000_000,
  /** Deepest nesting of objects and arrays in a file: a case nests about 8 deep. */
  jsonDepth: 64,
} as const;

/**
 * Why a file of this many bytes is refused, if it is: said before it is read (the command line, the browser's
 * file picker) and again when it is parsed.
 */
export function fileSizeProblem(bytes: number): string | null {
  const limit = BUDGET.fileBytes;
  if (bytes <= limit) return null;
  return `the file is ${bytes.toLocaleString('en')} bytes, over the limit of ${limit.toLocaleString('en')} bytes (${String(limit / 1_000_000)} MB) for a case, catalogue or script`;
}
