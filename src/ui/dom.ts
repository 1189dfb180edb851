export type Child = Node | string | number | null | undefined | false;
type Handlers = Partial<Record<keyof HTMLElementEventMap, (e: Event) => void>>;
interface Props {
  [attribute: string]: string | number | boolean | undefined | Handlers;
  on?: Handlers;
}

/** Create an element: h('button', { 'data-action': 'order:cbc', onclick: … }, 'Order'). */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Props = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (name === 'on' || value === undefined || value === false || typeof value === 'object') continue;
    node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const [event, handler] of Object.entries(attrs.on ?? {})) node.addEventListener(event, handler);
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

/**
 * Replace a container's content, keeping keyboard focus on the control that had it (matched by data-action or
 * data-focus), so re-rendering after every engine event never throws a keyboard user back to the top.
 */
export function replaceKeepingFocus(container: HTMLElement, ...children: Node[]): void {
  const active = document.activeElement;
  const key =
    active instanceof HTMLElement && container.contains(active)
      ? (active.dataset.action ?? active.dataset.focus)
      : undefined;
  container.replaceChildren(...children);
  if (key === undefined) return;
  const again = [...container.querySelectorAll<HTMLElement>('[data-action],[data-focus]')].find(
    (el) => (el.dataset.action ?? el.dataset.focus) === key,
  );
  again?.focus();
}

/** A component re-renders only when the data it shows has changed. */
export function memo<T>(render: (model: T) => void, keyOf: (model: T) => string): (model: T) => void {
  let last: string | undefined;
  return (model) => {
    const key = keyOf(model);
    if (key === last) return;
    last = key;
    render(model);
  };
}
