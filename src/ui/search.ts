import { h } from './dom.ts';

/**
 * Type-ahead search shared by the panels that list a catalogue (order entry, the working diagnosis): a labelled
 * search field with a hint, words matched loosely ("guillain barre" finds "Guillain–Barré"), and the arrow keys to
 * move from the field into the results.
 */

/** Lower case, accents, apostrophes, dashes and brackets folded: what the learner types matches however it is spelt. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[‐-―(),/:;.-]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** What an entry is found by: its name first, then its other names. */
export interface Searchable {
  name: string;
  others: readonly string[];
}

/**
 * How well an entry matches what the learner typed, best first: 0 the name starts with it, 1 a word of the name
 * does, 2 another name starts with it, 3 every word typed starts a word somewhere, 4 every word typed appears
 * somewhere; null when some word typed is nowhere.
 */
export function matchRank(query: string, entry: Searchable): number | null {
  const q = fold(query);
  if (q === '') return null;
  const name = fold(entry.name);
  const others = entry.others.map(fold);
  if (name.startsWith(q)) return 0;
  if (name.includes(` ${q}`)) return 1;
  if (others.some((o) => o.startsWith(q))) return 2;
  const all = ` ${[name, ...others].join(' ')}`;
  const words = q.split(' ');
  if (words.every((w) => all.includes(` ${w}`))) return 3;
  if (words.every((w) => all.includes(w))) return 4;
  return null;
}

/** Whether an entry matches at all (an empty query matches everything). */
export function matches(query: string, entry: Searchable): boolean {
  return fold(query) === '' || matchRank(query, entry) !== null;
}

/**
 * Show the entries that match what the learner typed and hide the rest; a group (the `section` an entry sits in)
 * whose entries all hide hides with them, so no heading stands over nothing. Returns how many entries show.
 */
function filterEntries(query: string, entries: readonly (Searchable & { el: HTMLElement })[]): number {
  let shown = 0;
  const groups = new Map<HTMLElement, boolean>();
  for (const entry of entries) {
    const hit = matches(query, entry);
    entry.el.hidden = !hit;
    if (hit) shown += 1;
    const group = entry.el.closest('section');
    if (group !== null) groups.set(group, (groups.get(group) ?? false) || hit);
  }
  for (const [group, any] of groups) group.hidden = !any;
  return shown;
}

/**
 * A search over a grouped catalogue list (the order entry, the Treat panel): the field with its label and hint, a
 * status that says when nothing matches, and the entries the list registers each time it is drawn (`clear`, `add`,
 * then `filter` to apply what is typed to the new entries).
 */
export function catalogueSearch(options: {
  id: string;
  label: string;
  placeholder: string;
  hint: string;
  results: HTMLElement;
  /** What a "nothing matches" status says, e.g. "No test matches". */
  nothing: string;
}): {
  parts: HTMLElement[];
  clear: () => void;
  add: (el: HTMLElement, name: string, others: readonly string[]) => void;
  filter: () => void;
} {
  let entries: (Searchable & { el: HTMLElement })[] = [];
  let query = '';
  // Always in the page (an empty live region takes no room), so a screen reader hears it when it fills: a hidden
  // status that is shown and filled at once is often not announced.
  const none = h('p', { class: 'meta search-none', role: 'status' });
  const filter = () => {
    const shown = filterEntries(query, entries);
    none.textContent = shown > 0 ? '' : `${options.nothing} “${query.trim()}”.`;
  };
  const field = searchField({
    ...options,
    onSearch: (typed) => {
      query = typed;
      filter();
    },
  });
  return {
    parts: [field.label, field.input, field.hint, none],
    clear: () => {
      entries = [];
    },
    add: (el, name, others) => {
      entries.push({ el, name, others });
    },
    filter,
  };
}

/** A search field, its label and its hint, wired to `onSearch` as the learner types. */
export function searchField(options: {
  id: string;
  label: string;
  placeholder: string;
  hint: string;
  /** The element holding the results: ArrowDown from the field moves into it, ArrowUp/Down within it. */
  results: HTMLElement;
  onSearch: (query: string) => void;
}): { label: HTMLLabelElement; input: HTMLInputElement; hint: HTMLElement } {
  const hintId = `${options.id}-hint`;
  const label = h('label', { for: options.id, class: 'search-label' }, options.label);
  if (options.results.id === '') options.results.id = `${options.id}-results`;
  const input = h('input', {
    type: 'search',
    id: options.id,
    autocomplete: 'off',
    spellcheck: 'false',
    'aria-describedby': hintId,
    'aria-controls': options.results.id,
    placeholder: options.placeholder,
  });
  input.addEventListener('input', () => {
    options.onSearch(input.value);
    // The best match must be seen: when it falls below the screen (a phone's keyboard takes half of it), the field
    // goes to the top and its results come up under it.
    const first = visibleButtons(options.results)[0];
    const bottom = window.visualViewport?.height ?? window.innerHeight;
    if (first !== undefined && first.getBoundingClientRect().bottom > bottom)
      label.scrollIntoView({ block: 'start' });
  });
  input.addEventListener('keydown', (event) => {
    if (event.key !== 'ArrowDown') return;
    const first = visibleButtons(options.results)[0];
    if (first === undefined) return;
    event.preventDefault();
    first.focus();
  });
  options.results.addEventListener('keydown', (event) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const buttons = visibleButtons(options.results);
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (at < 0) return;
    event.preventDefault();
    const next = event.key === 'ArrowDown' ? buttons[at + 1] : at === 0 ? input : buttons[at - 1];
    next?.focus();
  });
  return {
    label,
    input,
    hint: h('p', { id: hintId, class: 'meta' }, options.hint),
  };
}

/** The result buttons a learner can see, in the order shown. */
function visibleButtons(results: HTMLElement): HTMLButtonElement[] {
  return [...results.querySelectorAll<HTMLButtonElement>('button')].filter(
    (b) => b.closest('[hidden]') === null,
  );
}
