import { clockText, cprRunning, currentArrest, durationText, rhythmName } from '../engine/index.ts';
import { h, memo } from './dom.ts';
import type { Component, Intents, PlayModel } from './model.ts';
import { actionButton } from './panels/panel.ts';

type Treatment = PlayModel['resolved']['catalog']['treatments'][string];
type EffectType = Treatment['effects'][number]['type'];

/** The order the banner offers the arrest actions in: compressions, shock, drugs, then the peri-arrest ones. */
const ARREST_EFFECTS: readonly EffectType[] = [
  'cpr',
  'defibrillation',
  'arrest-vasopressor',
  'antiarrhythmic',
  'membrane-stabiliser',
  'cardioversion',
  'pacing',
];

/**
 * Rank of a treatment among the arrest actions, or null when it is none of them. A treatment the case names for one
 * of its reversible causes (alteplase for a pulmonary embolism) is offered too, after the resuscitation ones.
 */
function arrestRank(t: Treatment, forCause: boolean): number | null {
  const ranks = t.effects.map((e) => ARREST_EFFECTS.indexOf(e.type)).filter((r) => r >= 0);
  if (ranks.length > 0) return Math.min(...ranks);
  if (t.category === 'resuscitation') return ARREST_EFFECTS.length;
  return forCause ? ARREST_EFFECTS.length + 1 : null;
}

/** The treatments a case names as treating a reversible cause of its arrests ("treat:alteplase" → alteplase). */
function causeTreatments(resolved: PlayModel['resolved']): Set<string> {
  const ids = resolved.data.physiology.resuscitation.causes.flatMap((c) => c.treatedBy);
  return new Set(ids.filter((ref) => ref.startsWith('treat:')).map((ref) => ref.slice('treat:'.length)));
}

/**
 * The arrest banner at the top of the bedside while the heart is stopped: the rhythm, how long since the arrest,
 * whether CPR runs, the shocks so far, and the resuscitation actions at hand. Its alert line is announced once when
 * the arrest begins (and when the rhythm changes), not at every render. Its buttons carry `data-arrest-action`,
 * so the treatments panel keeps the one `data-action` hook for each action.
 */
export function arrestBanner(intents: Intents): Component {
  // Always in the page (empty while there is no arrest), so the text put in it is announced.
  const headline = h('p', { class: 'arrest-headline', role: 'alert' });
  const status = h('p', { class: 'arrest-status' });
  const actions = h('div', { class: 'arrest-actions', role: 'group', 'aria-label': 'Resuscitation' });
  const body = h('div', { class: 'arrest-body', hidden: true }, status, actions);
  const el = h('section', { class: 'arrest-banner', 'aria-label': 'Cardiac arrest' }, headline, body);
  let cprStart: HTMLButtonElement | null = null;
  let cprStop: HTMLButtonElement | null = null;
  let announced = '';

  const renderActions = memo(
    ({ resolved }: PlayModel) => {
      const forCause = causeTreatments(resolved);
      const ranked = Object.entries(resolved.catalog.treatments)
        .map(([id, t]) => ({ id, t, rank: arrestRank(t, forCause.has(id)) }))
        .filter((x): x is { id: string; t: Treatment; rank: number } => x.rank !== null)
        .sort((a, b) => a.rank - b.rank);
      const cprId = ranked.find((x) => x.t.effects.some((e) => e.type === 'cpr'))?.id ?? null;
      cprStart =
        cprId === null
          ? null
          : actionButton(intents, { do: 'treat', id: cprId }, 'Start CPR', {
              hook: 'data-arrest-action',
              className: 'primary',
            });
      cprStop =
        cprId === null
          ? null
          : actionButton(intents, { do: 'stop', id: cprId }, 'Stop CPR', { hook: 'data-arrest-action' });
      const others = ranked
        .filter((x) => x.id !== cprId)
        .map(({ id, t }) =>
          h(
            'button',
            {
              type: 'button',
              'data-arrest-action': `treat:${id}`,
              'aria-haspopup': 'dialog',
              on: {
                click: (e) => {
                  intents.chooseDose(id, e.currentTarget as HTMLElement);
                },
              },
            },
            t.name,
            h('span', { class: 'meta' }, ` · ${String(t.defaultDose)} ${t.doseUnit}`),
          ),
        );
      actions.replaceChildren(...[cprStart, cprStop, ...others].filter((b) => b !== null));
    },
    ({ resolved }) => resolved.data.id,
  );

  return {
    el,
    update(model) {
      const { ctx, resolved } = model;
      const arrest = ctx.deathAtMin === null ? currentArrest(ctx) : null;
      el.classList.toggle('active', arrest !== null);
      body.hidden = arrest === null;
      if (arrest === null) {
        headline.textContent = '';
        announced = '';
        return;
      }
      renderActions(model);
      const rhythm = rhythmName(ctx.rhythm, ctx.vitals.hr);
      const key = `${String(arrest.startedAt)}|${rhythm}`;
      if (key !== announced) {
        announced = key;
        headline.textContent = `Cardiac arrest — ${rhythm}`;
      }
      const running = cprRunning(ctx, resolved, ctx.nowMin);
      const cpr = running ? 'CPR running' : arrest.cprStartedAt === null ? 'CPR not started' : 'CPR stopped';
      const since = ctx.nowMin - arrest.startedAt;
      status.textContent =
        `${durationText(since)} since arrest (T+ ${clockText(arrest.startedAt)}) — ${cpr} — ` +
        `shocks ${String(arrest.shocks)}`;
      status.classList.toggle('no-cpr', !running);
      const hadFocus = document.activeElement;
      if (cprStart !== null && cprStop !== null) {
        cprStart.hidden = running;
        cprStop.hidden = !running;
        // The pressed button disappears: keep the keyboard on its counterpart.
        if (hadFocus === cprStart && running) cprStop.focus();
        if (hadFocus === cprStop && !running) cprStart.focus();
      }
    },
  };
}
