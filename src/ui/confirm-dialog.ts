import {
  clockText,
  durationText,
  type CaseContext,
  type LearnerAction,
  type ResolvedCase,
} from '../engine/index.ts';
import { orderStatus } from '../view/view-model.ts';
import { h } from './dom.ts';

/** What a confirmation asks, in the learner's words, and what its two buttons say. */
export interface Confirmation {
  title: string;
  detail: string;
  /** The button that does it (it carries the `confirm` hook). */
  confirm: string;
  /** The button that leaves things as they are (focused first: the safe choice). */
  keep: string;
  /** A red confirming button, for what cannot be undone. */
  danger: boolean;
}

/**
 * Whether an action asks first, and how: a disposition ends the learner's part and cannot be undone; an order for a
 * test already on its way would send a second one (a double click must not order two blood counts). Everything else
 * is done at once.
 */
export function confirmationFor(
  ctx: CaseContext,
  resolved: ResolvedCase,
  action: LearnerAction,
): Confirmation | null {
  if (action.do === 'dispose') {
    const name = resolved.catalog.dispositions[action.id]?.name ?? action.id;
    return {
      title: `Send the patient to ${name}?`,
      detail:
        'This ends your part of the case and cannot be undone: the receiving team takes over, the course is ' +
        'simulated to the end with what you started, and the debrief opens.',
      confirm: `Send to ${name}`,
      keep: 'Keep the patient here',
      danger: true,
    };
  }
  if (action.do === 'order') {
    const pending = ctx.orders.findLast((o) => {
      const status = orderStatus(o, ctx.nowMin);
      return o.testId === action.id && (status === 'ordered' || status === 'in lab');
    });
    if (pending === undefined) return null;
    const name = resolved.catalog.tests[action.id]?.name ?? action.id;
    const left = durationText(Math.max(0, pending.resultAt - ctx.nowMin));
    return {
      title: `Order another ${name}?`,
      detail:
        `${name} ordered at T+ ${clockText(pending.orderedAt)} is still pending (result in about ${left}). ` +
        'Ordering again sends a second one.',
      confirm: 'Order another',
      keep: 'Keep the one pending',
      danger: false,
    };
  }
  return null;
}

/**
 * A modal that asks before something is done (a real <dialog>, like the dose dialog). It is in the page only while
 * it is open, so its confirming button is the one `[data-action="confirm"]` there is; closing it (its button, Escape)
 * returns focus to the control that opened it.
 */
export function askToConfirm(ask: Confirmation, invoker: Element | null, onConfirm: () => void): void {
  const keep = h('button', { type: 'button', class: 'primary' }, ask.keep);
  const confirm = h(
    'button',
    { type: 'button', 'data-action': 'confirm', class: ask.danger ? 'danger' : undefined },
    ask.confirm,
  );
  const dialog = h(
    'dialog',
    { class: 'modal', 'aria-labelledby': 'confirm-title', 'aria-describedby': 'confirm-detail' },
    h('h2', { id: 'confirm-title' }, ask.title),
    h('p', { id: 'confirm-detail' }, ask.detail),
    h('div', { class: 'dialog-actions' }, keep, confirm),
  );
  let open = true;
  // Synchronous, so the action is done by the time the click returns (a script's next step sees it).
  const finish = (confirmed: boolean) => {
    if (!open) return;
    open = false;
    if (dialog.open) dialog.close();
    dialog.remove();
    if (invoker instanceof HTMLElement && invoker.isConnected) invoker.focus();
    // Done once the dialog is gone: a disposition replaces the whole screen.
    if (confirmed) onConfirm();
  };
  keep.addEventListener('click', () => {
    finish(false);
  });
  confirm.addEventListener('click', () => {
    finish(true);
  });
  // Escape closes the dialog: the same as keeping things as they are.
  dialog.addEventListener('close', () => {
    finish(false);
  });
  document.body.append(dialog);
  dialog.showModal();
  keep.focus();
}
