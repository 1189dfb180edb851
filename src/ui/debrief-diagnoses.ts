import type { CaseContext, ResolvedCase } from '../engine/index.ts';
import { diagnosisName } from '../engine/index.ts';
import { h } from './dom.ts';

type CaseDiagnosis = ResolvedCase['data']['diagnoses'][number];

/** One diagnosis in the review, in the case's own wording where it has one, and why it is right or not. */
function reviewItem(
  resolved: ResolvedCase,
  id: string,
  verdict: { mark: '✓' | '✗' | '○'; text: string },
  said: CaseDiagnosis | undefined,
): HTMLElement {
  const className = { '✓': 'met', '✗': 'missed', '○': undefined }[verdict.mark];
  return h(
    'li',
    { class: className },
    `${verdict.mark} ${verdict.text}: ${said?.label ?? diagnosisName(resolved, id)}`,
    h(
      'p',
      { class: 'explanation' },
      said?.explanation ??
        'Not one of the diagnoses this case counts as right, nor a distractor it explains: it was not the diagnosis here.',
    ),
  );
}

/**
 * The learner's working diagnoses against the case's: each one named, whether it was right and why (a diagnosis the
 * case does not list is simply not the diagnosis here), then the right ones not named, and the distractors the case
 * weighed.
 */
export function diagnosisReview(resolved: ResolvedCase, ctx: CaseContext): HTMLElement {
  const caseSays = (id: string) => resolved.data.diagnoses.find((d) => d.id === id);
  const named = ctx.diagnoses.map((id) => {
    const said = caseSays(id);
    return reviewItem(
      resolved,
      id,
      said?.correct === true
        ? { mark: '✓', text: 'Right' }
        : { mark: '✗', text: said === undefined ? 'Named, not the diagnosis' : 'Named, a distractor' },
      said,
    );
  });
  // A right diagnosis not named is not always a miss (a case may count a narrower and a fuller name both right):
  // the score table says what it cost.
  const missed = resolved.data.diagnoses
    .filter((d) => d.correct && !ctx.diagnoses.includes(d.id))
    .map((d) => reviewItem(resolved, d.id, { mark: '○', text: 'Also right, not named by you' }, d));
  const weighed = resolved.data.diagnoses
    .filter((d) => !d.correct && !ctx.diagnoses.includes(d.id))
    .map((d) =>
      h(
        'li',
        {},
        h('strong', {}, diagnosisName(resolved, d.id)),
        h('p', { class: 'explanation' }, d.explanation),
      ),
    );
  return h(
    'section',
    { class: 'diagnosis-review' },
    h('h2', {}, 'Your working diagnoses'),
    named.length === 0 ? h('p', {}, 'You named no working diagnosis.') : null,
    h('ul', { class: 'checklist' }, ...named, ...missed),
    weighed.length > 0
      ? h('details', {}, h('summary', {}, 'The other diagnoses this case weighed'), h('ul', {}, ...weighed))
      : null,
  );
}
