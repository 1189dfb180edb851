import type { CaseFile } from '../schema/case.ts';
import type { Catalog } from '../schema/catalog.ts';
import type { StateGate } from '../schema/course.ts';
import { METABOLIC_VARIABLES, NEURO_VARIABLES } from '../schema/state.ts';
import { COURSE_PHASE, phasesOfCourse } from '../schema/course.ts';
import { parameterAt } from '../../sim/model.ts';
import { problemAt, type JsonSource } from './json-source.ts';
import type { Problem } from './problems.ts';
import { didYouMean } from './suggest.ts';

/**
 * Cross-checks for the course (phases and events), the resuscitation block, state gates in rules and time costs:
 * every id they name exists, every parameter path names a number, and what needs a metabolic model has one.
 * (Handover ids are checked with the other references, on the raw JSON: case-references.ts.)
 */
export function courseProblems(source: JsonSource, data: CaseFile, catalog: Catalog): Problem[] {
  const problems: Problem[] = [];
  const error = (path: PropertyKey[], message: string) => problems.push(problemAt(source, path, message));
  const must = (id: string, ids: readonly string[], what: string, path: PropertyKey[]) => {
    if (!ids.includes(id)) error(path, `unknown ${what} "${id}"${didYouMean(id, ids)}`);
  };
  const treatments = Object.keys(catalog.treatments);
  const course = data.course;
  const phaseIds = course?.phases.map((p) => p.id) ?? [COURSE_PHASE];
  const allPhases = phasesOfCourse(course).map((p) => p.id);
  const metabolic = (variable: string, path: PropertyKey[]) => {
    const why = needsMetabolic(data, variable);
    if (why !== null) error(path, why);
  };

  const gate = (g: StateGate | undefined, path: PropertyKey[]) => {
    if (g === undefined) return;
    for (const side of ['below', 'above', 'atMost', 'atLeast'] as const)
      for (const variable of Object.keys(g[side] ?? {})) metabolic(variable, [...path, side, variable]);
    g.running?.forEach((id, i) => {
      must(id, treatments, 'treatment', [...path, 'running', i]);
    });
    g.notRunning?.forEach((id, i) => {
      must(id, treatments, 'treatment', [...path, 'notRunning', i]);
    });
    g.phase?.forEach((id, i) => {
      must(id, allPhases, 'phase', [...path, 'phase', i]);
    });
  };

  if (course !== undefined) {
    course.phases.forEach((p, i) => {
      if (phaseIds.indexOf(p.id) !== i)
        error(['course', 'phases', i, 'id'], `phase "${p.id}" is defined twice`);
    });
    if (course.phases.filter((p) => p.arrest).length > 1)
      error(['course', 'phases'], 'at most one phase can be the arrest phase');
    if (course.phases[0]?.arrest === true)
      error(
        ['course', 'phases', 0, 'arrest'],
        'the course cannot start in cardiac arrest: put a phase before it',
      );
    if (course.afterRosc !== undefined) must(course.afterRosc, phaseIds, 'phase', ['course', 'afterRosc']);
    const eventIds = course.events.map((e) => e.id);
    course.events.forEach((event, i) => {
      const path = ['course', 'events', i];
      if (eventIds.indexOf(event.id) !== i) error([...path, 'id'], `event "${event.id}" is defined twice`);
      const when = event.when;
      if (when.atMin === undefined && when.state === undefined && when.after === undefined)
        error([...path, 'when'], 'an event needs a trigger: atMin, state or after');
      when.inPhase?.forEach((id, j) => {
        must(id, allPhases, 'phase', [...path, 'when', 'inPhase', j]);
      });
      gate(when.state, [...path, 'when', 'state']);
      event.effects.forEach((effect, j) => {
        const at = [...path, 'effects', j];
        switch (effect.type) {
          case 'physiology':
            for (const key of Object.keys(effect.set))
              if (parameterAt(data.physiology, key) === undefined)
                error([...at, 'set', key], `"${key}" is not a number in the physiology block`);
            return;
          case 'phase':
            must(effect.phase, phaseIds, 'phase', [...at, 'phase']);
            return;
          case 'exam':
            must(effect.region, Object.keys(catalog.examRegions), 'exam region', [...at, 'region']);
            return;
          case 'state':
            for (const key of [...Object.keys(effect.add), ...Object.keys(effect.set)]) metabolic(key, at);
            return;
          default:
            return;
        }
      });
    });
  }
  data.physiology.resuscitation.causes.forEach((cause, i) => {
    gate(cause.treatedWhen, ['physiology', 'resuscitation', 'causes', i, 'treatedWhen']);
  });
  data.scoring.rules.forEach((rule, i) => {
    const path = ['scoring', 'rules', i];
    if ((rule.type === 'timed' || rule.type === 'regimen') && rule.when !== undefined)
      gate(rule.when, [...path, 'when']);
    if (rule.type === 'harm') gate(rule.onlyIf?.state, [...path, 'onlyIf', 'state']);
  });
  const costed: Record<string, readonly string[]> = {
    examine: Object.keys(catalog.examRegions),
    ask: data.history.map((h) => h.id),
    treat: treatments,
  };
  for (const ref of Object.keys(data.timeCosts)) {
    const [verb = '', id = ''] = ref.split(':');
    const ids = costed[verb];
    if (ids === undefined) error(['timeCosts', ref], `only examine, ask and treat take time, not "${verb}"`);
    else must(id, ids, `${verb} target`, ['timeCosts', ref]);
  }
  return problems;
}

/**
 * Why reading this value needs physiology.metabolic (or, for nihss, physiology.neuro) in this case, or null (it has
 * one, or the value needs none).
 */
export function needsMetabolic(data: CaseFile, variable: string): string | null {
  if (data.physiology.neuro === undefined && (NEURO_VARIABLES as readonly string[]).includes(variable))
    return `"${variable}" needs a neurological model: add physiology.neuro or read another value`;
  return data.physiology.metabolic === undefined &&
    (METABOLIC_VARIABLES as readonly string[]).includes(variable)
    ? `"${variable}" needs a metabolic model: add physiology.metabolic or read another value`
    : null;
}
