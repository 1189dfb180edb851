import type { ConsultNote, ConsultVariant } from '../case/schema/case.ts';
import type { TextFact } from '../case/schema/fact.ts';
import type { LogEntry, OrderRecord } from '../play/context.ts';

/** What the consultant can know on arrival: what was done, what is back, and the minute they arrive. */
export interface AtArrival {
  log: readonly LogEntry[];
  orders: readonly OrderRecord[];
  atMin: number;
}

/** "order:ct-abdomen-pelvis" was done by the minute: accepted in the log, and (for an order) not cancelled by then. */
function doneBy(ref: string, { log, orders, atMin }: AtArrival): boolean {
  const logged = log.some((e) => e.accepted && e.atMin <= atMin && `${e.action.do}:${e.action.id}` === ref);
  if (!logged || !ref.startsWith('order:')) return logged;
  const testId = ref.slice('order:'.length);
  return orders.some(
    (o) =>
      o.testId === testId && o.orderedAt <= atMin && (o.cancelledAt === undefined || o.cancelledAt > atMin),
  );
}

/** The test's result is back by the minute, so the consultant has read it. */
function resultedBy(testId: string, { orders, atMin }: AtArrival): boolean {
  return orders.some((o) => o.testId === testId && o.result !== null && o.resultAt <= atMin);
}

function holds(variant: ConsultVariant, at: AtArrival): boolean {
  return (
    variant.ifDone.every((ref) => doneBy(ref, at)) && variant.ifResulted.every((id) => resultedBy(id, at))
  );
}

/**
 * What the consultant says on arrival: the first variant whose conditions all hold (a surgeon comments on the CT
 * only once it is back), else the note's own words. Returned as a fact, so its provenance goes with it.
 */
export function consultWords(note: ConsultNote, at: AtArrival): TextFact {
  return note.variants.find((v) => holds(v, at))?.text ?? note;
}
