import {
  clockText,
  summarisePlay,
  type CaseContext,
  type ResolvedCase,
  type ScoreItem,
} from '../engine/index.ts';
import { courseTimingText, learnerFirstAt } from './course-timing.ts';
import { diagnosisReview } from './debrief-diagnoses.ts';
import { h } from './dom.ts';
import { debriefEcgs } from './panels/ecg-result.ts';
import { resultTable } from './panels/results.ts';
import { provenanceLegend, provenanceTag } from './panels/panel.ts';
import { sourcesSection } from './sources.ts';
import { vitalsChart } from './vitals-chart.ts';
import { installShortcuts } from './shortcuts.ts';
import type { Vote } from './votes.ts';
import { votesReview } from './debrief-votes.ts';

const CATEGORY: Record<ScoreItem['category'], string> = {
  guideline: 'Guideline-concordant care',
  outcome: 'Outcome',
  concordance: 'What the real team did',
  harm: 'Harms',
  cost: 'Cost',
};

function itemRow(item: ScoreItem): HTMLElement {
  const points = !item.applies
    ? 'does not apply'
    : item.max === 0
      ? item.earned === 0
        ? 'avoided'
        : String(item.earned)
      : `${String(item.earned)} / ${String(item.max)}`;
  const status = !item.applies
    ? 'na'
    : item.max === 0
      ? item.earned < 0
        ? 'lost'
        : 'ok'
      : item.earned >= item.max
        ? 'ok'
        : item.earned > 0
          ? 'partial'
          : 'lost';
  return h(
    'tr',
    { class: `score-${status}` },
    h('th', { scope: 'row' }, item.label),
    h('td', { class: 'num', 'data-label': 'Points' }, points),
    h('td', { 'data-label': 'What happened' }, item.reason),
    h(
      'td',
      { 'data-label': 'Why, and the source' },
      h(
        'details',
        {},
        h('summary', {}, item.source.anchor),
        h('p', {}, item.rationale),
        h(
          'p',
          { class: 'meta' },
          item.source.citation,
          item.source.strength === undefined ? '' : ` — ${item.source.strength}`,
          ` (evidence check: ${item.source.confidence})`,
        ),
      ),
    ),
  );
}

/** The end of the case: outcome, itemised score with reasons and sources, the course against the guideline and the real team. */
export function debriefScreen(
  resolved: ResolvedCase,
  ctx: CaseContext,
  on: { again(): void; cases(): void },
  /** Classroom mode: the Reveal control (the answer material is marked `.answer-material` and hidden until it). */
  instructor: readonly HTMLElement[] = [],
  /** The room's votes at the "what next?" board (classroom mode). */
  votes: readonly Vote[] = [],
): HTMLElement {
  const result = summarisePlay(resolved, ctx);
  const data = resolved.data;
  // The learner's own actions: a receiving team's standing orders are not theirs.
  const done = new Set(
    ctx.log.filter((e) => e.accepted && e.by === undefined).map((e) => `${e.action.do}:${e.action.id}`),
  );
  const groups = (Object.keys(CATEGORY) as ScoreItem['category'][]).map((category) => {
    const items = result.score.items.filter(
      (i) => i.category === category && !(category === 'harm' && i.earned === 0),
    );
    if (items.length === 0) return null;
    return h(
      'table',
      { class: 'score-table' },
      h('caption', {}, CATEGORY[category]),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          ...['Item', 'Points', 'What happened', 'Why, and the source'].map((t) =>
            h('th', { scope: 'col' }, t),
          ),
        ),
      ),
      h('tbody', {}, ...items.map(itemRow)),
    );
  });
  const avoided = result.score.items.filter((i) => i.category === 'harm' && i.earned === 0).length;
  const yourActions = ctx.log
    .filter((e) => e.accepted && e.by === undefined)
    .map((e) =>
      h(
        'li',
        {},
        h('span', { class: 'when' }, `T+ ${clockText(e.atMin)}`),
        ` ${ctx.timeline.find((t) => t.atMin === e.atMin && t.ref === `${e.action.do}:${e.action.id}`)?.text ?? `${e.action.do} ${e.action.id}`}`,
      ),
    );
  const guideline = result.score.items
    .filter((i) => i.category === 'guideline' && i.max > 0)
    .map((i) =>
      h(
        'li',
        { class: i.earned >= i.max ? 'met' : 'missed' },
        `${i.earned >= i.max ? '✓ Met' : i.earned > 0 ? '◐ Partly' : '✗ Missed'}: ${i.label}`,
      ),
    );
  // What the learner ordered but never saw: cultures mature over days and send-out tests (tryptase) take a day or
  // two, so the debrief closes the loop.
  const laterPanels = ctx.orders.flatMap((o) => {
    const name = resolved.catalog.tests[o.testId]?.name ?? o.testId;
    if (o.result === null || o.result.kind === 'culture' || o.resultAt <= result.endedAt) return [];
    // ECGs and their reads have their own section below.
    const ecgOrRead =
      o.result.kind === 'report' &&
      (o.result.ecg !== undefined || resolved.catalog.tests[o.testId]?.reads !== undefined);
    if (ecgOrRead) return [];
    const caption = `${name} (sampled T+ ${clockText(o.sampledAt)}, reported T+ ${clockText(o.resultAt)})`;
    return [
      o.result.kind === 'panel'
        ? resultTable(o.result.rows, 'conventional', caption)
        : h('p', {}, h('strong', {}, `${caption}: `), (o.result.impression ?? o.result.report).value),
    ];
  });
  const later = ctx.orders.flatMap((o) => {
    const name = resolved.catalog.tests[o.testId]?.name ?? o.testId;
    if (o.result?.kind !== 'culture') return [];
    return o.result.stages
      .filter((s) => s.atMin > result.endedAt)
      .map((s) =>
        h(
          'li',
          {},
          h('span', { class: 'when' }, `T+ ${clockText(s.atMin)}`),
          ' ',
          h('strong', {}, `${name}, ${s.status}: `),
          s.report.value,
          ' ',
          provenanceTag(s.report.provenance),
        ),
      );
  });
  // A synthetic case has no real team: its course is the one the case was written with, and says so.
  const timed = data.realCourse.actions.some((a) => a.atMin !== undefined);
  const course =
    data.kind === 'real-case'
      ? {
          title: 'What the real team did',
          note: timed
            ? 'From the case report, with its times where it gives them.'
            : 'From the case report; it gives no timings.',
        }
      : {
          title: 'The written course (synthetic)',
          note: 'A synthetic teaching case: the course it was written with, not a real patient.',
        };
  const realTeam = data.realCourse.actions.map((a) => {
    const timing = courseTimingText(a, learnerFirstAt(ctx.log, a.action), data.kind);
    return h(
      'li',
      { class: done.has(a.action) ? 'met' : 'missed' },
      `${done.has(a.action) ? '✓ You too' : '✗ Not by you'}: ${a.what.value}`,
      timing === null ? null : h('span', { class: 'meta course-time' }, timing),
    );
  });
  const el = h(
    'main',
    { class: 'screen debrief', id: 'main' },
    h('h1', {}, 'Debrief'),
    h(
      'p',
      { class: `outcome outcome-${result.outcome.status}` },
      result.outcome.status === 'alive' ? 'The patient is alive. ' : 'The patient died. ',
      result.outcome.summary,
    ),
    h(
      'p',
      { class: 'score-line answer-material' },
      'Score ',
      h('strong', { 'data-testid': 'score-percent' }, `${String(result.score.percent)}%`),
      ` (${String(result.score.earned)} of ${String(result.score.max)} points)`,
    ),
    h(
      'p',
      { class: 'actions' },
      h(
        'button',
        {
          type: 'button',
          class: 'primary',
          'data-action': 'try-again',
          on: {
            click: () => {
              on.again();
            },
          },
        },
        'Try again',
      ),
      ' ',
      h(
        'button',
        {
          type: 'button',
          on: {
            click: () => {
              on.cases();
            },
          },
        },
        'Choose another case',
      ),
      ...instructor.flatMap((el) => [' ', el]),
    ),
    h(
      'section',
      { class: 'answer-material' },
      h('h2', {}, 'How you were scored'),
      ...groups,
      avoided > 0 ? h('p', { class: 'meta' }, `${String(avoided)} harmful actions avoided.`) : null,
    ),
    h('h2', {}, 'The course'),
    vitalsChart(ctx, result.endedAt),
    // The written read of every ECG, whether or not a cardiology read was asked for during the play.
    debriefEcgs(ctx, resolved),
    later.length + laterPanels.length > 0
      ? h(
          'section',
          {},
          h('h3', {}, 'Results that came back after your part'),
          later.length > 0 ? h('ul', { class: 'timeline later' }, ...later) : null,
          ...laterPanels,
        )
      : null,
    h(
      'div',
      { class: 'columns' },
      h('section', {}, h('h3', {}, 'What you did'), h('ol', { class: 'timeline' }, ...yourActions)),
      h(
        'section',
        { class: 'answer-material' },
        h('h3', {}, 'The guideline path'),
        h('ul', { class: 'checklist' }, ...guideline),
      ),
      h(
        'section',
        { class: 'answer-material' },
        h('h3', {}, course.title),
        h('p', { class: 'meta' }, course.note),
        h('ul', { class: 'checklist' }, ...realTeam),
        h('p', {}, h('strong', {}, 'Outcome: '), data.realCourse.outcome.value),
        h('p', {}, h('strong', {}, 'Diagnosis: '), data.realCourse.diagnosis.value),
      ),
    ),
    votes.length > 0 ? answerMaterial(votesReview(resolved, votes)) : null,
    answerMaterial(diagnosisReview(resolved, ctx)),
    data.teachingPoints.length > 0 ? answerMaterial(teachingPoints(data.teachingPoints)) : null,
    // The sources name the report, whose title often names the diagnosis.
    answerMaterial(sourcesSection(resolved)),
  );
  // In a classroom every control has its key ("r" reveals): the list on "?" says which.
  if (instructor.length > 0) {
    const keys = installShortcuts(el);
    el.querySelector('.actions')?.append(' ', keys.button);
    el.append(keys.dialog);
  }
  return el;
}

/** Marked as answer material: hidden from a classroom until the instructor reveals it (styles.css). */
function answerMaterial<T extends HTMLElement | null>(el: T): T {
  el?.classList.add('answer-material');
  return el;
}

/** The case's teaching points, each marked where it is the author's inference or invention rather than the report's. */
function teachingPoints(points: ResolvedCase['data']['teachingPoints']): HTMLElement {
  const list = h('ul', {}, ...points.map((t) => h('li', {}, t.text, ' ', provenanceTag(t.provenance))));
  return h('section', {}, h('h2', {}, 'Teaching points'), list, provenanceLegend(list));
}
