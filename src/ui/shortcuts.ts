import { h } from './dom.ts';
import { revealPanel } from './panels/panel.ts';

/** A key and what it does, by the control it presses (so a shortcut does exactly what the button does, or nothing). */
interface ButtonKey {
  key: string;
  what: string;
  /** The control's hook: `[data-action="advance:5"]`, or the pause button's `[data-focus="pause"]`. */
  selector: string;
}

/**
 * The keys that press a button. The list on "?" shows only those whose button this screen has: "r" (reveal) exists
 * only in classroom mode (with "c", the presenter window, and "v", the "what next?" board), where every control must be within one key of the instructor.
 */
const BUTTON_KEYS: readonly ButtonKey[] = [
  { key: 'm', what: 'Advance 1 minute', selector: '[data-action="advance:1"]' },
  { key: 'f', what: 'Advance 5 minutes (five)', selector: '[data-action="advance:5"]' },
  { key: 'q', what: 'Advance 15 minutes (a quarter)', selector: '[data-action="advance:15"]' },
  { key: 'h', what: 'Advance 60 minutes (an hour)', selector: '[data-action="advance:60"]' },
  { key: 'n', what: 'Until the next result', selector: '[data-action="advance:next-result"]' },
  { key: 'p', what: 'Pause or resume the real-time clock', selector: '[data-focus="pause"]' },
  { key: 'e', what: 'End the case', selector: '[data-focus="end-case"]' },
  { key: 's', what: 'Mute or unmute the sound', selector: '[data-sound="mute"]' },
  { key: 'r', what: 'Reveal or hide the answers (classroom)', selector: '[data-action="reveal"]' },
  { key: 'c', what: 'Open the presenter window (classroom)', selector: '[data-action="presenter"]' },
  { key: 'v', what: 'Open or close the “what next?” board (classroom)', selector: '[data-action="board"]' },
];
const MAX_PANELS = 9;

/** Text the learner is typing into (a search, a dose): keys there are letters, never shortcuts. */
function typingIn(target: Element | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (
    target.isContentEditable ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement
  )
    return true;
  const notText = ['button', 'checkbox', 'radio', 'submit', 'reset', 'range', 'color', 'file'];
  return target instanceof HTMLInputElement && !notText.includes(target.type);
}

/** The panels of the bedside, in screen order, with the names their summaries show. */
function panelsOf(root: HTMLElement): { el: HTMLDetailsElement; name: string }[] {
  return [...root.querySelectorAll<HTMLDetailsElement>('details.panel')]
    .slice(0, MAX_PANELS)
    .map((el) => ({ el, name: el.querySelector('.panel-title')?.textContent.trim() ?? el.id }));
}

/** Open a panel from the keyboard: it comes into view and its heading takes focus (the learner asked to go there). */
function goToPanel(el: HTMLDetailsElement): void {
  el.open = true;
  revealPanel(el);
  el.querySelector('summary')?.focus();
}

const kbd = (key: string) => h('kbd', {}, key);

/** A control a key may press: on this screen, shown and enabled. */
function usable(control: Element | null): control is HTMLElement {
  return (
    control instanceof HTMLElement &&
    !(control instanceof HTMLButtonElement && control.disabled) &&
    control.closest('[hidden]') === null
  );
}

/** Off once the learner turns them off in the list, for the rest of the visit (the button still opens the list). */
const shortcutsOn = () => document.documentElement.dataset.singleKeys !== 'off';

/** The dialog that lists the shortcuts, opened by "?" (or its button); Escape or Close shuts it. */
function shortcutsDialog(root: HTMLElement): { el: HTMLDialogElement; open(): void } {
  const list = h('dl', { class: 'shortcut-list' });
  const close = h('button', { type: 'button', class: 'primary' }, 'Close');
  // WCAG 2.1.4: single-character shortcuts can be turned off (a speech-input or screen-reader user may need to).
  const enabled = h('input', {
    type: 'checkbox',
    id: 'shortcuts-on',
    checked: shortcutsOn(),
    on: {
      change: (e) => {
        document.documentElement.dataset.singleKeys = (e.currentTarget as HTMLInputElement).checked
          ? 'on'
          : 'off';
      },
    },
  });
  const el = h(
    'dialog',
    { class: 'modal shortcuts', 'aria-labelledby': 'shortcuts-title', 'data-testid': 'shortcuts' },
    h('h2', { id: 'shortcuts-title' }, 'Keyboard shortcuts'),
    list,
    h(
      'p',
      { class: 'meta' },
      'Shortcuts do nothing while you type in a search or dose field, or while a dialog is open. ',
      'A clock shortcut presses the same button as the mouse: it stops early for an alarm, as the button does.',
    ),
    h('p', {}, h('label', { for: 'shortcuts-on' }, enabled, ' Single-key shortcuts on')),
    h('div', { class: 'dialog-actions' }, close),
  );
  let returnTo: Element | null = null;
  close.addEventListener('click', () => {
    el.close();
  });
  el.addEventListener('close', () => {
    if (returnTo instanceof HTMLElement && returnTo.isConnected) returnTo.focus();
  });
  const row = (keys: HTMLElement[], what: string) => h('div', {}, h('dt', {}, ...keys), h('dd', {}, what));
  return {
    el,
    open() {
      // Listed from the screen as it is now: the panels it has, in order.
      list.replaceChildren(
        ...BUTTON_KEYS.filter((k) => usable(root.querySelector(k.selector))).map((k) =>
          row([kbd(k.key)], k.what),
        ),
        ...panelsOf(root).map((p, i) => row([kbd(String(i + 1))], `Open ${p.name}`)),
        row([kbd('/')], 'Search the orders'),
        row([kbd('?')], 'This list'),
        row([kbd('Esc')], 'Close a dialog'),
      );
      enabled.checked = shortcutsOn();
      returnTo = document.activeElement;
      el.showModal();
      close.focus();
    },
  };
}

/**
 * Keyboard shortcuts for the bedside: the clock (m, f, q, h: +1, +5, +15, +60 min; n: until the next result; p: pause;
 * e: end), s: mute, r: reveal (classroom),
 * the panels (1–9 in screen order), "/" for the order search and "?" for the list. None fires while the learner
 * types in a field or while a dialog is open, nor with Ctrl, Alt or ⌘ (the browser's own shortcuts), and the list
 * turns them all off.
 * Returns the dialog (for the screen to hold) and the button that opens it.
 */
export function installShortcuts(root: HTMLElement): { dialog: HTMLElement; button: HTMLElement } {
  const dialog = shortcutsDialog(root);
  const onKey = (e: KeyboardEvent) => {
    if (!root.isConnected) {
      document.removeEventListener('keydown', onKey);
      return;
    }
    if (!shortcutsOn() || e.ctrlKey || e.metaKey || e.altKey || e.repeat || e.defaultPrevented) return;
    if (typingIn(document.activeElement) || document.querySelector('dialog[open]') !== null) return;
    const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
    const run = actionFor(root, key, () => {
      dialog.open();
    });
    if (run === null) return;
    e.preventDefault();
    run();
  };
  document.addEventListener('keydown', onKey);
  const button = h(
    'button',
    {
      type: 'button',
      class: 'shortcuts-open',
      'data-focus': 'shortcuts',
      'aria-haspopup': 'dialog',
      on: {
        click: () => {
          dialog.open();
        },
      },
    },
    'Shortcuts ',
    h('kbd', { 'aria-hidden': 'true' }, '?'),
  );
  return { dialog: dialog.el, button };
}

/** What a key does on this screen now, or null when it is not a shortcut (or its control is hidden or disabled). */
function actionFor(root: HTMLElement, key: string, openList: () => void): (() => void) | null {
  if (key === '?') return openList;
  const clock = BUTTON_KEYS.find((k) => k.key === key);
  if (clock !== undefined) {
    const control = root.querySelector<HTMLButtonElement>(clock.selector);
    if (control === null || !usable(control)) return null;
    return () => {
      control.click();
    };
  }
  if (/^[1-9]$/.test(key)) {
    const target = panelsOf(root)[Number(key) - 1];
    return target === undefined
      ? null
      : () => {
          goToPanel(target.el);
        };
  }
  if (key === '/') {
    const orders = root.querySelector<HTMLDetailsElement>('#panel-orders');
    const search = orders?.querySelector<HTMLInputElement>('input[type="search"], input[type="text"]');
    if (orders === null || search === null || search === undefined) return null;
    return () => {
      orders.open = true;
      revealPanel(orders);
      search.focus();
    };
  }
  return null;
}
