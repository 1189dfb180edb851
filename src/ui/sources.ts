import type { Provenance } from '../engine/case/schema/fact.ts';
import type { ResolvedCase } from '../engine/index.ts';
import { h, type Child } from './dom.ts';
import { PROVENANCE_MARKS } from './panels/panel.ts';

type Path = readonly (string | number)[];

/** One fact of the case as the Sources view lists it. */
interface Sourced {
  group: string;
  label: string;
  shown: string;
  provenance: Provenance;
  reported: string | undefined;
  note: string | undefined;
}

const WORDS: Record<Provenance, string> = {
  source: 'from the report',
  corrected: 'corrected from the report',
  inferred: 'inferred from the report, not said in it',
  synthetic: 'synthetic, not from the report',
};
const PROVENANCES = Object.keys(WORDS) as Provenance[];
const PATIENT: Record<string, [label: string, unit: string]> = {
  ageYears: ['Age', 'years'],
  sex: ['Sex', ''],
  weightKg: ['Weight', 'kg'],
};
const VITAL: Record<string, [label: string, unit: string]> = {
  hr: ['heart rate', '/min'],
  sbp: ['systolic pressure', 'mmHg'],
  dbp: ['diastolic pressure', 'mmHg'],
  rr: ['respiratory rate', '/min'],
  spo2: ['SpO₂', '%'],
  temp: ['temperature', '°C'],
};
/** The groups in the order a case is read. */
const GROUPS = [
  'The patient and the story',
  'History',
  'Examination',
  'Results',
  'Consultants',
  'During the play',
  'The course',
  'Teaching points',
  'Other',
];
const [PATIENT_GROUP = ''] = GROUPS;

/** Where a fact sits in the Sources list: its group, its words, and the unit its value is in (if any). */
interface Place {
  group: string;
  label: string;
  unit?: string;
  /** What stands for a value that is not text (an ECG's tracing, a sign the bay draws). */
  stands?: string;
}

const isProvenance = (v: unknown): v is Provenance => PROVENANCES.some((p) => p === v);
const record = (v: unknown): Record<string, unknown> =>
  typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {};
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** Every object with a provenance, anywhere in the case, with its path. */
function walk(value: unknown, path: Path, visit: (fact: Record<string, unknown>, path: Path) => void): void {
  if (Array.isArray(value)) {
    value.forEach((v, i) => {
      walk(v, [...path, i], visit);
    });
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  const object = value as Record<string, unknown>;
  if (isProvenance(object.provenance)) visit(object, path);
  for (const [key, child] of Object.entries(object)) walk(child, [...path, key], visit);
}

/** "order:ct-abdomen-pelvis" → "CT abdomen and pelvis ordered". */
function doneWords(ref: string, resolved: ResolvedCase): string {
  const [verb = '', id = ''] = ref.split(':');
  const { tests, treatments, consults } = resolved.catalog;
  if (verb === 'order') return `${tests[id]?.name ?? id} ordered`;
  if (verb === 'treat') return `${treatments[id]?.name ?? id} given`;
  if (verb === 'consult') return `${consults[id]?.name ?? id} called`;
  return ref;
}

/** The group and the words for a fact found at `path` in the case. */
function placeOf(path: Path, resolved: ResolvedCase): Place {
  const data = resolved.data;
  const { tests, examRegions, consults } = resolved.catalog;
  const [top, a, b, c] = path.map(String);
  switch (top) {
    case 'patient': {
      const [label, unit] = PATIENT[a ?? ''] ?? [a ?? '', ''];
      return { group: PATIENT_GROUP, label, unit };
    }
    case 'presentation': {
      if (a === 'story') return { group: PATIENT_GROUP, label: 'Presenting story' };
      const [vital, unit] = VITAL[b ?? ''] ?? [b ?? '', ''];
      return { group: PATIENT_GROUP, label: `At arrival: ${vital}`, unit };
    }
    case 'appearance': {
      const entries = record(data)[top];
      const sign = str(record(Array.isArray(entries) ? entries[Number(a)] : undefined).sign) ?? '';
      return { group: PATIENT_GROUP, label: 'How the patient looks', stands: sign.replaceAll('-', ' ') };
    }
    case 'history':
      return { group: 'History', label: data.history[Number(a)]?.question ?? 'History' };
    case 'exam':
      return { group: 'Examination', label: examRegions[a ?? '']?.name ?? a ?? '' };
    case 'results': {
      const test = tests[a ?? ''];
      const name = test?.name ?? a ?? '';
      if (b === 'values') {
        const component = test?.components?.[c ?? ''];
        return {
          group: 'Results',
          label: `${name}: ${component?.name ?? c ?? ''}`,
          unit: component?.unit ?? '',
        };
      }
      if (b === 'morphology') return { group: 'Results', label: `${name}: the tracing`, stands: 'as drawn' };
      if (b === 'stages') {
        const stage = record(record(data.results[a ?? '']).stages);
        return { group: 'Results', label: `${name}: ${str(record(stage[Number(c)]).status) ?? ''} report` };
      }
      return { group: 'Results', label: b === undefined || b === 'report' ? name : `${name}: ${b}` };
    }
    case 'consultNotes': {
      const who = consults[a ?? '']?.name ?? a ?? '';
      if (b !== 'variants') return { group: 'Consultants', label: `${who} on arrival` };
      const variant = data.consultNotes[a ?? '']?.variants[Number(c)];
      const when = [
        ...(variant?.ifDone ?? []).map((ref) => doneWords(ref, resolved)),
        ...(variant?.ifResulted ?? []).map((id) => `${tests[id]?.name ?? id} back`),
      ];
      return { group: 'Consultants', label: `${who} on arrival, once ${when.join(' and ')}` };
    }
    case 'realCourse': {
      const labels: Record<string, string> = {
        summary: 'Summary',
        outcome: 'Outcome',
        diagnosis: 'Diagnosis',
      };
      if (a !== 'actions') return { group: 'The course', label: labels[a ?? ''] ?? a ?? '' };
      const action = data.realCourse.actions[Number(b)];
      return {
        group: 'The course',
        label: c === 'atMin' ? `Minutes after arrival: ${action?.what.value ?? ''}` : 'What was done',
      };
    }
    case 'course':
      return {
        group: 'During the play',
        label: path.includes('finding')
          ? 'A finding as the patient changes'
          : path.includes('message')
            ? 'What is said as the course moves on'
            : 'What is said when something happens',
      };
    case 'teachingPoints':
      return { group: 'Teaching points', label: `Teaching point ${String(Number(a) + 1)}` };
    default:
      return { group: 'Other', label: path.join(' · ') };
  }
}

/** What the fact says, with its unit, shortened for the list (a CT report runs to a paragraph). */
function shownOf(fact: Record<string, unknown>, place: Place): string {
  const value = fact.value ?? fact.text;
  const unit = place.unit === undefined || place.unit === '' ? '' : ` ${place.unit}`;
  const text =
    typeof value === 'number'
      ? `${String(value)}${unit}`
      : typeof value === 'string'
        ? value
        : 'fromState' in fact
          ? 'follows the simulated patient'
          : (place.stands ?? '');
  return text.length > 220 ? `${text.slice(0, 219)}…` : text;
}

/** Every fact of the case that carries a provenance, in the order of the case file. */
export function sourcedFacts(resolved: ResolvedCase): Sourced[] {
  const facts: Sourced[] = [];
  walk(resolved.data, [], (fact, path) => {
    if (!isProvenance(fact.provenance)) return;
    const place = placeOf(path, resolved);
    facts.push({
      group: place.group,
      label: place.label,
      shown: shownOf(fact, place),
      provenance: fact.provenance,
      reported: str(fact.reported),
      note: str(fact.note),
    });
  });
  return facts;
}

const COUNTED: Record<Provenance, string> = {
  source: 'from the report',
  corrected: 'corrected',
  inferred: 'inferred',
  synthetic: 'synthetic',
};

/** "30 from the report, 5 corrected, 12 synthetic": an inference is counted only where there is one. */
export const counted = (facts: readonly Sourced[]): string =>
  PROVENANCES.map((p) => [p, facts.filter((f) => f.provenance === p).length] as const)
    .filter(([p, n]) => n > 0 || p !== 'inferred')
    .map(([p, n]) => `${String(n)} ${COUNTED[p]}`)
    .join(', ');

/** Where the report can be read: its DOI and, for an open-access report, its PubMed Central full text. */
export function reportLinks(
  source: ResolvedCase['data']['source'],
): { prefix: string; label: string; href: string }[] {
  const links: { prefix: string; label: string; href: string }[] = [];
  if (source.doi !== undefined)
    links.push({ prefix: 'doi:', label: source.doi, href: `https://doi.org/${source.doi}` });
  if (source.pmcid !== undefined)
    links.push({
      prefix: 'PMCID: ',
      label: source.pmcid,
      href: `https://pmc.ncbi.nlm.nih.gov/articles/${source.pmcid}/`,
    });
  return links;
}

/** The published report in full: authors, title, journal, year, DOI and PMCID where known, and what is not known. */
export function fullCitation(resolved: ResolvedCase): HTMLElement {
  const { source, kind } = resolved.data;
  const known: Child[] = [];
  // "et al." and a title ending in "?" end their own sentence.
  const stop = (text: string) => (/[.?!]$/.test(text) ? ' ' : '. ');
  if (source.authors !== undefined) known.push(source.authors, stop(source.authors));
  if (source.title !== undefined) known.push(h('cite', {}, source.title), stop(source.title));
  if (source.journal !== undefined) known.push(h('i', {}, source.journal), ' ');
  if (source.year !== undefined) known.push(`${String(source.year)}. `);
  for (const link of reportLinks(source))
    known.push(link.prefix, h('a', { href: link.href, rel: 'noopener noreferrer' }, link.label), '. ');
  const missing = [
    source.authors === undefined ? 'the authors' : null,
    source.title === undefined ? 'the title' : null,
    source.journal === undefined ? 'the journal' : null,
    source.year === undefined ? 'the year' : null,
    source.doi === undefined ? 'the DOI' : null,
  ].filter((m) => m !== null);
  return h(
    'div',
    { class: 'citation', 'data-testid': 'case-citation' },
    known.length > 0 ? h('p', {}, ...known) : null,
    h('p', {}, source.citation),
    source.language === undefined ? null : h('p', { class: 'meta' }, `Published in ${source.language}.`),
    source.licence === undefined ? null : h('p', { class: 'meta' }, `Licence: ${source.licence}`),
    kind === 'real-case' && missing.length > 0
      ? h(
          'p',
          { class: 'meta' },
          `Not recorded with the report's text this case was built from: ${missing.join(', ')}.`,
        )
      : null,
    source.file === undefined ? null : h('p', { class: 'meta' }, `The report's text: ${source.file}.`),
  );
}

function factItem(fact: Sourced): HTMLElement {
  return h(
    'li',
    { class: `sourced sourced-${fact.provenance}` },
    h('strong', {}, fact.label),
    fact.shown === '' ? null : `: ${fact.shown} `,
    h('span', { class: `prov prov-${fact.provenance}` }, WORDS[fact.provenance]),
    fact.reported === undefined
      ? null
      : h('span', { class: 'meta said' }, 'The report: ', h('q', {}, fact.reported)),
    fact.note === undefined ? null : h('span', { class: 'meta said' }, fact.note),
  );
}

/**
 * The debrief's Sources: the report in full, then every fact of the case by where it comes from — as the report gives
 * it, corrected from it, inferred from it, or synthetic — so nothing made up or read into the report passes for what
 * happened to a real patient.
 */
export function sourcesSection(resolved: ResolvedCase): HTMLElement {
  const facts = sourcedFacts(resolved);
  const real = resolved.data.kind === 'real-case';
  const groups = GROUPS.map((group) => {
    const inGroup = facts.filter((f) => f.group === group);
    if (inGroup.length === 0) return null;
    return h(
      'details',
      { class: 'source-group' },
      h('summary', {}, `${group} (${String(inGroup.length)}: ${counted(inGroup)})`),
      h('ul', {}, ...inGroup.map(factItem)),
    );
  });
  return h(
    'section',
    { class: 'sources', 'aria-labelledby': 'sources-title' },
    h('h2', { id: 'sources-title' }, 'Sources'),
    h(
      'p',
      {},
      real
        ? 'This case is built on a published case report. Each fact below is marked: as the report gives it, ' +
            "corrected from it (a translation, a unit or a typo repaired; the report's own words are kept), " +
            'inferred from it (what the report implies but does not say, with what the inference rests on), or ' +
            'synthetic: made up to be plausible where the report is silent. An inference is a reading of the ' +
            'report, not its words; a synthetic value is not what happened to the real patient, and the course ' +
            'after arrival is a simulation.'
        : 'A synthetic teaching case: there is no real patient. Every value below is synthetic, written to be ' +
            'plausible and built on the guidelines cited; the course after arrival is a simulation.',
    ),
    h('h3', {}, real ? 'The case report' : 'Where the case comes from'),
    fullCitation(resolved),
    h('h3', {}, 'Every fact, by where it comes from'),
    h(
      'p',
      { class: 'meta' },
      `${String(facts.length)} facts: ${counted(facts)}. At the bedside a synthetic value is marked ` +
        `${PROVENANCE_MARKS.synthetic.mark}, a corrected one ${PROVENANCE_MARKS.corrected.mark}, an inferred one ` +
        `${PROVENANCE_MARKS.inferred.mark} (its words show when the pointer rests on the mark).`,
    ),
    ...groups,
  );
}
