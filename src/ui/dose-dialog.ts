import type { ResolvedCase } from '../engine/index.ts';
import { h } from './dom.ts';

/**
 * The dose dialog: pre-filled with the catalogue default (or the running rate), the unit beside the field,
 * refusing a dose outside the catalogue's limits with a message, and returning focus to the button that opened it.
 */
export function createDoseDialog(onConfirm: (treatmentId: string, dose: number) => void) {
  const title = h('h2', { id: 'dose-title' });
  const detail = h('p', { class: 'meta', id: 'dose-detail' });
  const input = h('input', {
    type: 'number',
    id: 'dose-input',
    'data-field': 'dose',
    step: 'any',
    min: '0',
    required: true,
    'aria-describedby': 'dose-detail dose-error',
  });
  const unit = h('span', { class: 'unit' });
  const error = h('p', { id: 'dose-error', class: 'error', role: 'alert' });
  const confirm = h('button', { type: 'submit', 'data-action': 'confirm', class: 'primary' }, 'Give');
  const cancel = h('button', { type: 'button', value: 'cancel' }, 'Cancel');
  const form = h(
    'form',
    { method: 'dialog' },
    title,
    detail,
    h('label', { for: 'dose-input' }, 'Dose'),
    h('div', { class: 'dose-row' }, input, unit),
    error,
    h('div', { class: 'dialog-actions' }, cancel, confirm),
  );
  const dialog = h('dialog', { 'aria-labelledby': 'dose-title', class: 'modal' }, form);
  let current: { id: string; max: number; invoker: HTMLElement | null } | null = null;

  const close = () => {
    dialog.close();
    current?.invoker?.focus();
    current = null;
  };
  cancel.addEventListener('click', close);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    if (current === null) return;
    const dose = Number(input.value);
    if (!(Number.isFinite(dose) && dose > 0 && dose <= current.max)) {
      error.textContent = `Enter a dose above 0 and at most ${String(current.max)} ${unit.textContent}.`;
      input.focus();
      return;
    }
    const { id } = current;
    close();
    onConfirm(id, dose);
  });

  return {
    el: dialog,
    open(
      resolved: ResolvedCase,
      treatmentId: string,
      invoker: HTMLElement | null,
      runningDose: number | null,
    ) {
      const t = resolved.catalog.treatments[treatmentId];
      if (t === undefined) return;
      current = { id: treatmentId, max: t.doseMax, invoker };
      title.textContent = runningDose === null ? t.name : `${t.name}: change the rate`;
      const how =
        t.mode === 'infusion'
          ? 'continuous infusion'
          : t.mode === 'bolus'
            ? `bolus at ${String(t.rateMlPerMin ?? 0)} mL/min`
            : 'single dose';
      const placed = t.category === 'monitoring' || t.category === 'position';
      detail.textContent = placed
        ? (t.description ?? t.name)
        : `${t.route === 'none' ? '' : `${t.route} · `}${how} · usual ${String(t.defaultDose)} ${t.doseUnit}, maximum ${String(t.doseMax)}`;
      confirm.textContent =
        t.category === 'monitoring' ? 'Place' : t.category === 'position' ? 'Position' : 'Give';
      unit.textContent = t.doseUnit;
      input.max = String(t.doseMax);
      input.value = String(runningDose ?? t.defaultDose);
      error.textContent = '';
      if (!dialog.open) dialog.showModal();
      input.select();
    },
  };
}
