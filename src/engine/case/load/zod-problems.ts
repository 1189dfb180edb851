import type { z } from 'zod';
import { problemAt, type JsonSource } from './json-source.ts';
import type { Problem } from './problems.ts';
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
  if (Array.isArray(input)) return 'an array';
  if (typeof input === 'string')
    return `the string ${JSON.stringify(input.length > 40 ? `${input.slice(0, 40)}…` : input)}`;
  if (typeof input === 'object') return 'an object';
  return `${typeof input} ${JSON.stringify(input)}`;
}

/** Zod's issues said the way an author reads them, each at its line and column. */
export function zodProblems(source: JsonSource, issues: readonly z.core.$ZodIssue[]): Problem[] {
  return issues.flatMap((issue): Problem[] => {
    switch (issue.code) {
      case 'invalid_type': {
        const expected = ARTICLE[issue.expected] ?? issue.expected;
        return [problemAt(source, issue.path, `expected ${expected}, got ${describe(issue.input)}`)];
      }
      case 'invalid_value': {
        const allowed = issue.values.map((v) => JSON.stringify(v));
        const got = typeof issue.input === 'string' ? didYouMean(issue.input, issue.values.map(String)) : '';
        return [
          problemAt(
            source,
            issue.path,
            `expected one of ${allowed.join(', ')}, got ${describe(issue.input)}${got}`,
          ),
        ];
      }
      case 'too_big':
      case 'too_small':
        // A bound the schema gave a unit is already worded ("expected at most 400 (kg), got 1000"); zod's own
        // wording of any other is replaced by the same form, without the unit.
        return [
          problemAt(
            source,
            issue.path,
            issue.message.startsWith('expected ') ? issue.message : (boundMessage(issue) ?? issue.message),
          ),
        ];
      case 'unrecognized_keys':
        return issue.keys.map((key) => problemAt(source, [...issue.path, key], `unknown field "${key}"`));
      case 'invalid_union': {
        if ('discriminator' in issue && typeof issue.discriminator === 'string') {
          return [
            problemAt(
              source,
              [...issue.path, issue.discriminator],
              `missing or unknown "${issue.discriminator}"`,
            ),
          ];
        }
        // Report the branch that got furthest: its first issue is usually the author's mistake.
        const branches = issue.errors.filter((b) => b.length > 0).sort((a, b) => a.length - b.length);
        const best = branches[0];
        if (best === undefined) return [problemAt(source, issue.path, issue.message)];
        return zodProblems(
          source,
          best.map((i) => ({ ...i, path: [...issue.path, ...i.path] })),
        );
      }
      default:
        return [problemAt(source, issue.path, issue.message)];
    }
  });
}
