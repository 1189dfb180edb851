import type { ResolvedCase } from '../engine/index.ts';
import { h } from './dom.ts';

type Treatment = ResolvedCase['catalog']['treatments'][string];

/** "Norepinephrine" → "norepinephrine" inside a sentence; "IV fluids" keeps its capitals. */
const inSentence = (name: string) =>
  /^[A-Z][a-z]/.test(name) ? `${name.charAt(0).toLowerCase()}${name.slice(1)}` : name;

/** A procedure or a position has no dose to choose: it is done or not ("line", "procedure", no unit). */
export function hasNoDose(t: Treatment): boolean {
  return (
    t.category === 'monitoring' || t.category === 'position' || ['', 'line', 'procedure'].includes(t.doseUnit)
  );
}

/**
 * What the dialog asks, in words: "Insert arterial line?" for a procedure, "Titrate norepinephrine" when the
 * infusion is already running, the drug's name to give a dose. The button says the same verb.
 */
export function doseWording(t: Treatment, running: boolean): { title: string; confirm: string } {
  // The catalogue's qualifier ("Arterial line (radial)") belongs in the description, not in the question.
  const name = inSentence(t.name.replace(/\s*\([^)]*\)$/, ''));
  if (t.category === 'position') return { title: `Position the patient: ${name}?`, confirm: 'Position' };
  if (t.category === 'monitoring') return { title: `Insert ${name}?`, confirm: 'Insert' };
  if (hasNoDose(t)) return { title: `Start ${name}?`, confirm: 'Start' };
  if (running && t.mode === 'infusion') return { title: `Titrate ${inSentence(t.name)}`, confirm: 'Titrate' };
  return { title: t.name, confirm: 'Give' };
}

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
  // Hidden for a procedure or a position: nothing to choose (the field keeps its one "dose" for the engine).
  const doseField = h(
    'div',
    { class: 'dose-field' },
    h('label', { for: 'dose-input' }, 'Dose'),
    h('div', { class: 'dose-row' }, input, unit),
  );
  const form = h(
    'form',
    { method: 'dialog' },
    title,
    detail,
    doseField,
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
      const wording = doseWording(t, runningDose !== null);
      title.textContent = wording.title;
      doseField.hidden = hasNoDose(t);
      const how =
        t.mode === 'infusion'
          ? 'continuous infusion'
          : t.mode === 'bolus'
            ? `bolus at ${String(t.rateMlPerMin ?? 0)} mL/min`
            : 'single dose';
      detail.textContent = hasNoDose(t)
        ? (t.description ?? t.name)
        : `${t.route === 'none' ? '' : `${t.route} · `}${how} · usual ${String(t.defaultDose)} ${t.doseUnit}, maximum ${String(t.doseMax)}`;
      confirm.textContent = wording.confirm;
      unit.textContent = t.doseUnit;
      input.max = String(t.doseMax);
      input.value = String(runningDose ?? t.defaultDose);
      error.textContent = '';
      if (!dialog.open) dialog.showModal();
      if (doseField.hidden) confirm.focus();
      else input.select();
    },
  };
}
