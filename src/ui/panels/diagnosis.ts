import type { DiagnosisSystem } from '../../engine/case/schema/catalog.ts';
import { diagnosisName, diagnosisOptions, type DiagnosisOption } from '../../engine/index.ts';
import { h, memo, replaceKeepingFocus } from '../dom.ts';
import type { Component, Intents, PlayModel } from '../model.ts';
import { matchRank, searchField } from '../search.ts';
import { actionButton, panel } from './panel.ts';

/** The systems a learner browses by, in the order of a textbook's chapters. */
const SYSTEMS: Record<DiagnosisSystem, string> = {
  cardiovascular: 'Cardiovascular',
  respiratory: 'Respiratory',
  infection: 'Infection and sepsis',
  gastrointestinal: 'Gastrointestinal and surgical',
  'renal-metabolic': 'Renal, urological and metabolic',
  endocrine: 'Endocrine and diabetes',
  neurological: 'Neurological',
  toxicology: 'Poisoning and environmental',
  allergy: 'Allergy and immunology',
  trauma: 'Trauma',
  'obstetric-gynaecological': 'Obstetric and gynaecological',
  'haematology-oncology': 'Haematology and oncology',
  'musculoskeletal-skin': 'Musculoskeletal and skin',
  'mental-health': 'Mental health',
};

interface Entry {
  option: DiagnosisOption;
  li: HTMLLIElement;
  button: HTMLButtonElement;
}

/**
 * The working problem list, and a search over every diagnosis the learner may commit (the whole catalogue): nothing
 * is listed until the learner types or picks a body system, and matches come best first, then by name, never in
 * the case's order.
 */
export function diagnosisPanel(intents: Intents): Component {
  const { el, body, badge } = panel('diagnosis', 'Working diagnosis', 'checklist');
  const problems = h('div', { class: 'problem-list' });
  const results = h('ul', { class: 'choices diagnosis-results', 'aria-label': 'Matching diagnoses' });
  const status = h('p', { class: 'meta', role: 'status' });
  const system = h(
    'select',
    { id: 'diagnosis-system' },
    h('option', { value: '' }, 'All systems'),
    ...Object.entries(SYSTEMS).map(([id, title]) => h('option', { value: id }, title)),
  );
  let entries: Entry[] = [];
  let query = '';

  const show = () => {
    const browsing = system.value;
    const found = entries
      .map((entry) => ({ entry, rank: query.trim() === '' ? 0 : matchRank(query, searchableOf(entry)) }))
      .filter(
        (m): m is { entry: Entry; rank: number } =>
          m.rank !== null &&
          (query.trim() !== '' || browsing !== '') &&
          (browsing === '' || m.entry.option.system === browsing),
      )
      // Entries are already in name order, and the sort is stable: equal ranks stay alphabetical.
      .sort((a, b) => a.rank - b.rank)
      .map((m) => m.entry);
    const shown = new Set(found);
    for (const entry of entries) entry.li.hidden = !shown.has(entry);
    results.append(...found.map((e) => e.li));
    status.textContent =
      query.trim() === '' && browsing === ''
        ? 'Type to search, or choose a body system to browse.'
        : found.length === 0
          ? 'No match: try another word or an abbreviation, or browse a body system.'
          : `${String(found.length)} ${found.length === 1 ? 'diagnosis' : 'diagnoses'} found.`;
  };

  const search = searchField({
    id: 'diagnosis-search',
    label: 'Find a diagnosis',
    placeholder: 'Type a diagnosis or abbreviation',
    hint: 'Any emergency diagnosis, by name or abbreviation.',
    results,
    onSearch: (typed) => {
      query = typed;
      show();
    },
  });
  system.addEventListener('change', show);
  body.append(
    h('h3', {}, 'Problem list'),
    problems,
    h('h3', {}, 'Add a working diagnosis'),
    // The search and the system it is narrowed to sit side by side (stacked on a phone), the results right under.
    h(
      'div',
      { class: 'diagnosis-find' },
      h('div', {}, search.label, search.input),
      h('div', {}, h('label', { for: 'diagnosis-system', class: 'search-label' }, 'Body system'), system),
    ),
    search.hint,
    status,
    results,
  );

  const renderOptions = memo(
    ({ resolved }: PlayModel) => {
      entries = diagnosisOptions(resolved).map((option) => {
        const button = actionButton(intents, { do: 'diagnose', id: option.id }, option.name, {
          pressed: false,
        });
        return { option, button, li: h('li', { hidden: true }, button) };
      });
      results.replaceChildren(...entries.map((e) => e.li));
      show();
    },
    ({ resolved }) => resolved.data.id,
  );

  const renderCommitted = memo(
    ({ ctx, resolved }: PlayModel) => {
      badge.textContent = ctx.diagnoses.length > 0 ? String(ctx.diagnoses.length) : '';
      for (const { option, button } of entries) {
        const named = ctx.diagnoses.includes(option.id);
        button.setAttribute('aria-pressed', String(named));
        button.textContent = named ? `✓ ${option.name}` : option.name;
      }
      replaceKeepingFocus(
        problems,
        ctx.diagnoses.length > 0
          ? h('ol', {}, ...ctx.diagnoses.map((id) => h('li', {}, diagnosisName(resolved, id))))
          : h('p', { class: 'meta' }, 'Nothing yet.'),
      );
    },
    ({ ctx, resolved }) => `${resolved.data.id}|${ctx.diagnoses.join()}`,
  );

  return {
    el,
    update(model) {
      renderOptions(model);
      renderCommitted(model);
    },
  };
}

function searchableOf({ option }: Entry): { name: string; others: readonly string[] } {
  return { name: option.name, others: option.synonyms };
}
