/**
 * The play's long lists (the action log, the timeline, the trace) grow by one entry at a time. Copying a list to
 * add an entry keeps every earlier play state intact, but replaying a long log that way costs the square of its
 * length. So while the machine drains its work queue, a list the drain itself made is grown in place: no state
 * outside the drain has seen it. Everything handed in to the drain, and everything it hands back, is copied
 * before it is changed, so from outside the engine stays a pure function of its inputs.
 */
let fresh: WeakSet<readonly unknown[]> | null = null;

/** Run `work` with in-place growth of the lists it makes (the drain of the machine's queue). */
export function growingInPlace<T>(work: () => T): T {
  const outer = fresh;
  fresh = new WeakSet();
  try {
    return work();
  } finally {
    fresh = outer;
  }
}

/** A list to push to: the list itself if this drain made it, else a copy the drain now owns. */
export function own<T>(list: readonly T[]): T[] {
  if (fresh?.has(list) === true) return list as T[];
  const copy = list.slice();
  fresh?.add(copy);
  return copy;
}

/** The list with `items` added at the end (in place only if this drain made the list). */
export function appended<T>(list: readonly T[], ...items: readonly T[]): T[] {
  const out = own(list);
  for (const item of items) out.push(item);
  return out;
}
