/**
 * Seeded PRNG (mulberry32). Its whole state is one uint32 kept in the case context, so a snapshot carries it and
 * a replay draws the same numbers in Node and in the browser.
 */
export function seedRng(seed: number): number {
  return Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) >>> 0 || 1;
}

export function nextRandom(state: number): { value: number; state: number } {
  const next = (state + 0x6d2b79f5) >>> 0;
  let t = next;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return { value: ((t ^ (t >>> 14)) >>> 0) / 4294967296, state: next };
}

/** Triangular draw on [low, high] peaking at mode: lab turnaround clusters near its usual time. */
export function triangular(u: number, low: number, mode: number, high: number): number {
  if (high <= low) return mode;
  const cut = (mode - low) / (high - low);
  return u < cut
    ? low + Math.sqrt(u * (high - low) * (mode - low))
    : high - Math.sqrt((1 - u) * (high - low) * (high - mode));
}

/**
 * A number in [0, 1) fixed by the seed, a name and a minute, drawn from no shared stream. What the patient is
 * destined to do (a course event's chance) is drawn this way, so it never depends on what else was drawn before:
 * ordering a test (whose turnaround is drawn) does not change whether the patient fibrillates at minute 25.
 */
export function keyedRandom(seed: number, key: string, minute: number): number {
  let h = 0x811c9dc5; // FNV-1a over the name
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  h = Math.imul(h ^ seedRng(seed), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (minute >>> 0) ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return nextRandom(h).value;
}
