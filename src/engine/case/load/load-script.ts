import { checkAction } from '../../play/actions.ts';
import { toLearnerAction } from '../../play/play.ts';
import { Script } from '../schema/script.ts';
import { parseJson, problemAt } from './json-source.ts';
import type { ResolvedCase } from './load-case.ts';
import type { TextFile } from './load-catalog.ts';
import { byPosition, type Loaded, type Problem } from './problems.ts';
import { zodProblems } from './zod-problems.ts';

/** Parse and check a scripted learner against a case: unknown ids, doses out of range, time running backwards. */
export function loadScript(file: TextFile, resolved: ResolvedCase): Loaded<Script> {
  const parsed = parseJson(file.name, file.text);
  if (!parsed.ok) return { ok: false, problems: parsed.problems };
  const { source } = parsed;
  const result = Script.safeParse(source.value, { reportInput: true });
  if (!result.success)
    return { ok: false, problems: zodProblems(source, result.error.issues).sort(byPosition) };
  const problems: Problem[] = [];
  let previous = 0;
  result.data.actions.forEach((step, i) => {
    if (step.at < previous)
      problems.push(
        problemAt(
          source,
          ['actions', i, 'at'],
          `time runs backwards: ${String(step.at)} comes after ${String(previous)}`,
        ),
      );
    previous = Math.max(previous, step.at);
    if (step.at > resolved.data.horizonMin) {
      problems.push(
        problemAt(
          source,
          ['actions', i, 'at'],
          `after the case's horizon (${String(resolved.data.horizonMin)} min)`,
          'warning',
        ),
      );
    }
    const action = toLearnerAction(step);
    const reason = action === null ? null : checkAction(resolved, action);
    if (reason !== null)
      problems.push(
        problemAt(
          source,
          [
            'actions',
            i,
            step.do === 'treat' && step.dose !== undefined && reason.startsWith('dose') ? 'dose' : 'id',
          ],
          reason,
        ),
      );
    if (step.dose !== undefined && step.do !== 'treat')
      problems.push(problemAt(source, ['actions', i, 'dose'], `"dose" only goes with "treat"`));
  });
  const errors = problems.filter((p) => p.severity === 'error');
  return errors.length > 0
    ? { ok: false, problems: problems.sort(byPosition) }
    : { ok: true, value: result.data, warnings: problems };
}
