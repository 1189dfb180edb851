import { announcer } from './announcer.ts';
import { h } from './dom.ts';
import type { Component, Intents, PlayModel } from './model.ts';
import { careTeamPanel } from './panels/care-team.ts';
import { diagnosisPanel } from './panels/diagnosis.ts';
import { examinePanel } from './panels/examine.ts';
import { ordersPanel } from './panels/orders.ts';
import { patientPanel } from './panels/patient.ts';
import { resultsPanel } from './panels/results.ts';
import { treatmentsPanel } from './panels/treatments.ts';
import { timeControls, type ClockSettings, type TimeIntents } from './time-controls.ts';
import { vitalsText } from './vitals-text.ts';
import type { BayView } from '../game/bay-view.ts';

/** The bedside: the bay canvas and monitor, the panels, the clock. Views only: all state comes in through update. */
export function playScreen(title: string, intents: Intents & TimeIntents) {
  const panels: Component[] = [
    patientPanel(intents),
    examinePanel(intents),
    ordersPanel(intents),
    resultsPanel(intents),
    treatmentsPanel(intents),
    careTeamPanel(intents),
    diagnosisPanel(intents),
  ];
  const time = timeControls(intents);
  const vitals = vitalsText();
  const events = announcer();
  const bayHost = h('div', { class: 'bay', 'aria-hidden': 'true' });
  const el = h(
    'div',
    { class: 'screen play' },
    h('header', { class: 'play-header' }, h('h1', {}, title), time.el),
    h(
      'main',
      { class: 'play-main', id: 'main' },
      h('div', { class: 'stage' }, bayHost, vitals.el, events.el),
      h(
        'div',
        { class: 'panels', role: 'region', 'aria-label': 'Bedside actions' },
        ...panels.map((p) => p.el),
      ),
    ),
  );
  return {
    el,
    bayHost,
    update(model: PlayModel, view: BayView, settings: ClockSettings) {
      time.update(model.ctx.nowMin, settings, model.ctx.ended !== null);
      vitals.update(view);
      events.update(model.ctx.timeline);
      for (const p of panels) p.update(model);
    },
  };
}
