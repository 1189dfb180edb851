import { h } from './dom.ts';

/**
 * The instructor's Reveal control on the projected screen: until it is pressed, the score and the answer material
 * (elements marked `.answer-material`: the scoring, the guideline path, the real team's course, the diagnosis review,
 * the teaching points, the sources that name the diagnosis) stay hidden from the room. A toggle: pressed again, they
 * hide again. The shortcut is "r" (shortcuts.ts presses this button).
 */
export function revealControl(toggle: () => void): {
  el: HTMLButtonElement;
  update(revealed: boolean): void;
} {
  const el = h(
    'button',
    {
      type: 'button',
      class: 'reveal',
      'data-action': 'reveal',
      'aria-pressed': 'false',
      on: {
        click: () => {
          toggle();
        },
      },
    },
    'Reveal answers ',
    h('kbd', { 'aria-hidden': 'true' }, 'r'),
  );
  return {
    el,
    update(revealed) {
      el.setAttribute('aria-pressed', String(revealed));
    },
  };
}
