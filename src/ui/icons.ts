// Health Icons (healthicons on npm, MIT, Resolve to Save Lives): drawn for health work, in currentColor.
import alert from 'healthicons/public/icons/svg/outline/symbols/alert_triangle.svg?raw';
import checklist from 'healthicons/public/icons/svg/outline/symbols/i_exam_multiple_choice.svg?raw';
import note from 'healthicons/public/icons/svg/outline/symbols/i_note_action.svg?raw';
import phone from 'healthicons/public/icons/svg/outline/objects/phone.svg?raw';
import microscope from 'healthicons/public/icons/svg/outline-24px/devices/microscope.svg?raw';
import stethoscope from 'healthicons/public/icons/svg/outline-24px/devices/stethoscope.svg?raw';
import syringe from 'healthicons/public/icons/svg/outline-24px/devices/syringe.svg?raw';
import testTubes from 'healthicons/public/icons/svg/outline-24px/devices/test_tubes.svg?raw';

const ICONS = {
  alert,
  checklist,
  microscope,
  note,
  phone,
  stethoscope,
  syringe,
  testTubes,
} as const;

export type IconName = keyof typeof ICONS;

/** A decorative icon beside a text label: hidden from screen readers, which read the label. */
export function icon(name: IconName): HTMLElement {
  const span = document.createElement('span');
  span.className = 'icon';
  span.setAttribute('aria-hidden', 'true');
  span.innerHTML = ICONS[name];
  span.querySelector('svg')?.setAttribute('focusable', 'false');
  return span;
}
