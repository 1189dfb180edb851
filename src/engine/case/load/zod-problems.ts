import type { z } from 'zod';
import { problemAt, type JsonSource } from './json-source.ts';
import { formatPath, type Problem } from './problems.ts';
import { didYouMean } from './suggest.ts';
import { boundMessage } from '../schema/bounds.ts';

const ARTICLE: Record<string, string> = {
  number: 'a number',
  string: 'a string',
  boolean: 'true or false',
  object: 'an object',
  array: 'an array',
  int: 'a whole number',
};

function describe(input: unknown): string {
  if (input === undefined) return 'nothing (the field is missing)';
  if (input === null) return 'null';
  if (Array.isArray(input)) return `an array of ${String(input.length)} items`;
  if (typeof input === 'string')
    return `the string ${JSON.stringify(input.length > 40 ? `${input.slice(0, 40)}…` : input)}`;
  // String, not JSON: Infinity and NaN are named, not turned into "null".
  if (typeof input === 'number' || typeof input === 'boolean') return `${typeof input} ${String(input)}`;
  return typeof input === 'object' ? 'an object' : typeof input;
}

/** One of zod's issues said the way a person reads it, at its path in the value. */
export interface IssueMessage {
  path: PropertyKey[];
  message: string;
}

/**
 * Zod's issues said the way an author reads them ("expected at most 400 (kg), got 1000", `unknown field "x"`),
 * with no file to place them in: a saved play's problems use these as they are, a file's are placed by zodProblems.
 */
export function issueMessages(issues: readonly z.core.$ZodIssue[]): IssueMessage[] {
  return issues.flatMap((issue): IssueMessage[] => {
    const at = (message: string, path: PropertyKey[] = issue.path) => [{ path, message }];
    switch (issue.code) {
      case 'invalid_type':
        if (typeof issue.input === 'number' && !Number.isFinite(issue.input))
          return at(`expected a finite number, got ${String(issue.input)}`);
        return at(`expected ${ARTICLE[issue.expected] ?? issue.expected}, got ${describe(issue.input)}`);
      case 'invalid_value': {
        const allowed = issue.values.map((v) => JSON.stringify(v));
        const got = typeof issue.input === 'string' ? didYouMean(issue.input, issue.values.map(String)) : '';
        return at(`expected one of ${allowed.join(', ')}, got ${describe(issue.input)}${got}`);
      }
      case 'too_big':
      case 'too_small':
        // A bound the schema gave a unit is already worded ("expected at most 400 (kg), got 1000"); zod's own
        // wording of any other is replaced by the same form, without the unit.
        return at(
          issue.message.startsWith('expected ') ? issue.message : (boundMessage(issue) ?? issue.message),
        );
      case 'unrecognized_keys':
        return issue.keys.map((key) => ({ path: [...issue.path, key], message: `unknown field "${key}"` }));
      case 'invalid_union': {
        if ('discriminator' in issue && typeof issue.discriminator === 'string')
          return at(`missing or unknown "${issue.discriminator}"`, [...issue.path, issue.discriminator]);
        // The branch that got furthest, and of equals the one whose literal (a verb, a type) matched: its first
        // issue is usually the author's mistake.
        const literalMissed = (branch: readonly z.core.$ZodIssue[]) =>
          branch.some((i) => i.code === 'invalid_value' && i.path.length === 1) ? 1 : 0;
        const best = issue.errors
          .filter((b) => b.length > 0)
          .sort((a, b) => a.length - b.length || literalMissed(a) - literalMissed(b))[0];
        if (best === undefined) return at(issue.message);
        return issueMessages(best.map((i) => ({ ...i, path: [...issue.path, ...i.path] })));
      }
      default:
        return at(issue.message);
    }
  });
}

/** Zod's issues said the way an author reads them, each at its line and column. */
export function zodProblems(source: JsonSource, issues: readonly z.core.$ZodIssue[]): Problem[] {
  return issueMessages(issues).map((m) => problemAt(source, m.path, m.message));
}

/** The first issue as one sentence, where it is and how many more: `log[3].action.do: unknown action "x".` */
export function issueSentence(issues: readonly z.core.$ZodIssue[]): string {
  const all = issueMessages(issues);
  const first = all[0];
  if (first === undefined) return 'its shape is wrong.';
  const where = formatPath(first.path);
  const more = all.length > 1 ? ` (and ${String(all.length - 1)} more)` : '';
  return `${where === '' ? '' : `${where}: `}${first.message}${more}.`;
}
