import { z } from 'zod';

/**
 * The limits every number, text and list of a case, catalogue or script is held to. A value beyond them is an
 * author's slip (a weight in grams, a horizon with three zeros too many) or hostile input, never a real patient:
 * refusing it at load keeps the simulation finite and the engine within its budget (src/engine/budget.ts).
 */

/** Longest text in one field (a briefing, a report): about ten pages, far beyond any real one. */
export const TEXT_MAX = 20_000;
/** Longest kebab-case id or "verb:id" reference; the shipped ones are under 40 characters. */
export const ID_MAX = 100;
/** Most items in one list (events, rules, history questions, synonyms …): a real case has fewer than 50. */
export const LIST_MAX = 1_000;
/**
 * Longest delay or duration in minutes: 100,000 (about 10 weeks). The slowest test (a mycobacterial culture) takes
 * up to 8 weeks, and any value beyond a play's horizon is how a case says "never" (a corticosteroid that never
 * acts, a band that takes any delay).
 */
export const NEVER_MIN = 100_000;
/** Largest dose or rate in any dose unit (mg, units, mcg/kg/min, mL …); the same limit a saved play's doses keep. */
export const DOSE_MAX = 1_000_000;
/** Largest reported result value, in any unit: a viral load runs to 10⁸ copies/mL. */
export const RESULT_MAX = 1_000_000_000;
/** Largest charge of a test or a treatment (US dollars). */
export const COST_MAX = 1_000_000;
/** Most points a scoring item gives or takes. */
export const POINTS_MAX = 1_000;
/** Largest seed: the seeded PRNG works on 32-bit integers. */
export const SEED_MAX = 2 ** 32 - 1;

/** A value's plausible range in its unit, e.g. lactate 0–40 mmol/L. */
export interface Range {
  min: number;
  max: number;
  unit: string;
}

/** What zod reports when a number, a text or a list is beyond a bound. */
type BoundIssue =
  | { code: 'too_big'; origin: string; maximum: number | bigint; inclusive?: boolean; input?: unknown }
  | { code: 'too_small'; origin: string; minimum: number | bigint; inclusive?: boolean; input?: unknown };

/**
 * A bound said the way an author reads it: "expected at most 400 (kg), got 1000", "expected at most 1000 items,
 * got 1000000". Every message starts with "expected", which is how zod-problems tells it from zod's own wording.
 */
export function boundMessage(issue: BoundIssue, unit = ''): string | undefined {
  const big = issue.code === 'too_big';
  const limit = Number(big ? issue.maximum : issue.minimum);
  const exclusive = issue.inclusive === false;
  const { input } = issue;
  switch (issue.origin) {
    case 'number':
    case 'int': {
      const relation = big ? (exclusive ? 'less than' : 'at most') : exclusive ? 'more than' : 'at least';
      return `expected ${relation} ${String(limit)}${unit === '' ? '' : ` (${unit})`}, got ${String(input)}`;
    }
    case 'string': {
      const length = typeof input === 'string' ? input.length : undefined;
      if (!big && limit === 1) return 'expected some text, got an empty string';
      return `expected ${big ? 'at most' : 'at least'} ${count(limit, 'character')}, got ${length === undefined ? 'more' : String(length)}`;
    }
    case 'array': {
      const length = Array.isArray(input) ? input.length : undefined;
      if (!big && limit === 1) return 'expected at least 1 item, got none';
      return `expected ${big ? 'at most' : 'at least'} ${count(limit, 'item')}, got ${length === undefined ? 'more' : String(length)}`;
    }
    default:
      return undefined;
  }
}

const count = (n: number, noun: string) => `${String(n)} ${noun}${n === 1 ? '' : 's'}`;

/** Zod's error map for a number in `unit`: its bounds are said with the unit; other issues keep zod's wording. */
const inUnit =
  (unit: string) =>
  (issue: z.core.$ZodRawIssue): string | undefined =>
    issue.code === 'too_big' || issue.code === 'too_small' ? boundMessage(issue, unit) : undefined;

/** A number from min to max, both included, in `unit` ("" for a pure number or a share). */
export const inRange = (min: number, max: number, unit: string) =>
  z
    .number({ error: inUnit(unit) })
    .min(min)
    .max(max);

/** A number above zero (zero itself is refused: a weight, a half-life, a divisor) up to max, in `unit`. */
export const aboveZero = (max: number, unit: string) =>
  z
    .number({ error: inUnit(unit) })
    .gt(0)
    .max(max);

/**
 * A whole number from min to max, both included, in `unit`. The bounds come first and stop the checks, so a huge
 * number is told only the bound, not also zod's own limit of safe integers.
 */
export const wholeInRange = (min: number, max: number, unit: string) =>
  z
    .number({ error: inUnit(unit) })
    .min(min, { abort: true })
    .max(max, { abort: true })
    .int();

/** A share or a chance, 0–1. */
export const share = () => inRange(0, 1, '');

/** Any text an author writes, up to TEXT_MAX characters. */
export const text = () => z.string().max(TEXT_MAX);

/** A list of at most LIST_MAX items. */
export const list = <T extends z.ZodType>(item: T) => z.array(item).max(LIST_MAX);

/**
 * A record of values with a range each (thresholds on simulated values, the vitals at arrival): zod checks the
 * widest range, which the JSON Schema carries; this check holds each value to its own range, with its unit.
 */
export function eachInItsRange(
  ranges: Readonly<Record<string, Range>>,
  at: (key: string) => PropertyKey[] = (key) => [key],
) {
  const widest = widestOf(ranges);
  return (ctx: { value: Readonly<Record<string, unknown>>; issues: z.core.$ZodRawIssue[] }): void => {
    for (const [key, given] of Object.entries(ctx.value)) {
      const value = typeof given === 'object' && given !== null && 'value' in given ? given.value : given;
      const range = ranges[key];
      // Beyond the widest range zod has said so already.
      if (range === undefined || typeof value !== 'number' || value < widest.min || value > widest.max)
        continue;
      const issue: BoundIssue | null =
        value > range.max
          ? { code: 'too_big', origin: 'number', maximum: range.max, inclusive: true, input: value }
          : value < range.min
            ? { code: 'too_small', origin: 'number', minimum: range.min, inclusive: true, input: value }
            : null;
      if (issue !== null)
        ctx.issues.push({
          ...issue,
          input: value,
          path: at(key),
          message: boundMessage(issue, range.unit) ?? '',
        });
    }
  };
}

/** The range that holds every one of `ranges`: what a JSON Schema can say of a record of them. */
export function widestOf(ranges: Readonly<Record<string, Range>>): { min: number; max: number } {
  const all = Object.values(ranges);
  return { min: Math.min(...all.map((r) => r.min)), max: Math.max(...all.map((r) => r.max)) };
}
