import { describe, expect, it } from 'vitest';
import { arrivalVitals } from '../../src/engine/sim/care.ts';
import { factsIn, loadShippedCase, shippedCasePaths } from '../support/load.ts';

// What holds for every case in cases/, whoever writes the next one.
describe('every shipped case', () => {
  for (const path of shippedCasePaths()) {
    const resolved = loadShippedCase(path);
    const { data } = resolved;

    it(`${data.id}: the model's minute-0 vitals are the recorded arrival vitals`, () => {
      const recorded = Object.fromEntries(
        Object.entries(data.presentation.arrivalVitals).map(([k, f]) => [k, f.value]),
      );
      expect(arrivalVitals(resolved)).toEqual(recorded);
    });

    if (data.kind !== 'synthetic-teaching') continue; // the real case's provenance: case-content.test.ts
    it(`${data.id}: a synthetic case says so on every fact, teaching point and its course`, () => {
      const facts = factsIn(data);
      expect(facts.length).toBeGreaterThan(40);
      for (const { path: at, fact } of facts) {
        expect(fact.provenance, at).toBe('synthetic');
        expect(fact.note?.length ?? 0, at).toBeGreaterThan(5);
      }
      for (const point of data.teachingPoints) expect(point.provenance).toBe('synthetic');
      expect(data.source.citation).toMatch(/synthetic/i);
      expect(data.realCourse.summary.value).toMatch(/synthetic/i);
      expect(data.realCourse.outcome.value).toMatch(/synthetic/i);
    });
  }
});
