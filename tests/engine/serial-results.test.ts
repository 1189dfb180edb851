import { describe, expect, it } from 'vitest';
import {
  changeSince,
  loadCatalog,
  playToEnd,
  type CaseContext,
  type Problem,
  type ResolvedCase,
  type ResultRow,
} from '../../src/engine/index.ts';
import { summarise } from '../../src/engine/sim/results.ts';
import { catalogFiles, editedCase, loadEditedCase } from '../support/load.ts';

const DKA = 'cases/diabetic-ketoacidosis.json';

type Json = Record<string, unknown>;
/** The DKA case's basic metabolic panel, as JSON to edit. */
const bmpOf = (data: Json) => (data.results as Record<string, Json>).bmp as Json & { values: Json };

/** Potassium as a report's serial results give it: 7.3 at arrival, 6.1 at 3 h (both source), then a synthetic 4.2. */
const POTASSIUM_COURSE = {
  course: [
    { fromMin: 0, value: 7.3, provenance: 'source', reported: 'K+ 7.3 mmol/L' },
    {
      fromMin: 180,
      value: 6.1,
      provenance: 'corrected',
      reported: 'K 61 mmol/L',
      note: 'A decimal point lost.',
    },
    { fromMin: 360, value: 4.2, provenance: 'synthetic', note: 'Plausible after insulin and potassium.' },
  ],
};

function dkaWith(edit: (bmp: Json & { values: Json }) => void, catalog?: ReturnType<typeof shippedCatalog>) {
  return editedCase(
    DKA,
    (data) => {
      edit(bmpOf(data));
    },
    catalog,
  );
}

function shippedCatalog(edit: (tests: Record<string, Json>) => void = () => undefined) {
  const files = catalogFiles().map((file) => {
    if (!file.name.endsWith('/tests.json')) return file;
    const json = JSON.parse(file.text) as { tests: Record<string, Json> };
    edit(json.tests);
    return { ...file, text: JSON.stringify(json, null, 2) };
  });
  const loaded = loadCatalog(files);
  if (!loaded.ok) throw new Error(loaded.problems.map((p) => p.message).join('\n'));
  return loaded.value;
}

/** Orders the test at each minute and plays on: the orders, in the order they were placed. */
function ordersAt(resolved: ResolvedCase, testId: string, minutes: number[]): CaseContext['orders'] {
  const ctx = playToEnd(resolved, {
    actions: minutes.map((at) => ({ at, do: 'order' as const, id: testId })),
  });
  return ctx.orders.filter((o) => o.testId === testId);
}

function rowOf(order: CaseContext['orders'][number] | undefined, componentId: string): ResultRow {
  const found =
    order?.result?.kind === 'panel' ? order.result.rows.find((r) => r.componentId === componentId) : null;
  if (found === undefined || found === null) throw new Error(`no ${componentId} row`);
  return found;
}

function problemsOf(result: ReturnType<typeof loadEditedCase>): Problem[] {
  if (result.ok) throw new Error('expected the case to be refused');
  return result.problems;
}

describe('serial results: a value that follows the report over time', () => {
  const dka = dkaWith((bmp) => {
    bmp.values.potassium = POTASSIUM_COURSE;
  });

  it('a repeated potassium reports the point in force at each sampling minute, with its provenance', () => {
    const minutes = [0, 179, 180, 181, 359, 360, 600];
    const orders = ordersAt(dka, 'bmp', minutes);
    expect(orders.map((o) => o.sampledAt)).toEqual(minutes);
    const rows = orders.map((o) => rowOf(o, 'potassium'));
    expect(rows.map((r) => [r.value, r.provenance])).toEqual([
      [7.3, 'source'],
      [7.3, 'source'],
      [6.1, 'corrected'],
      [6.1, 'corrected'],
      [6.1, 'corrected'],
      [4.2, 'synthetic'],
      [4.2, 'synthetic'],
    ]);
    expect(rows[0]).toMatchObject({ reported: 'K+ 7.3 mmol/L', flag: 'HH' });
    expect(rows[2]).toMatchObject({ reported: 'K 61 mmol/L', note: 'A decimal point lost.', flag: 'H' });
    expect(rows[5]).toMatchObject({ note: 'Plausible after insulin and potassium.', flag: '' });
    expect(rows[5]?.reported).toBeUndefined();
  });

  it('the trend between samples reads as the lab printed them', () => {
    const [first, second, third] = ordersAt(dka, 'bmp', [0, 200, 400]).map((o) => rowOf(o, 'potassium'));
    if (first === undefined || second === undefined || third === undefined) throw new Error('three samples');
    expect(changeSince(first, second)).toBe('down');
    expect(changeSince(second, third)).toBe('down');
    expect(changeSince(third, first)).toBe('up');
    expect(changeSince(first, first)).toBe('same');
  });

  it('a point in the SI unit is warned about where it stands', () => {
    const loaded = loadEditedCase(DKA, (data) => {
      bmpOf(data).values.glucose = {
        course: [
          { fromMin: 0, value: 486, provenance: 'synthetic', note: 'Arrival.' },
          { fromMin: 60, value: 15, provenance: 'synthetic', note: 'Typed in mmol/L by mistake.' },
        ],
      };
    });
    if (!loaded.ok) throw new Error('expected the case to load');
    const warning = loaded.warnings.find((w) => w.path === 'results.bmp.values.glucose.course[1].value');
    expect(warning?.message).toContain('looks like mmol/L');
    expect(loaded.warnings.filter((w) => w.path.includes('course[0]'))).toEqual([]);
  });
});

describe('the loader refuses a course it cannot read', () => {
  const refused = (course: unknown[]) =>
    problemsOf(
      loadEditedCase(DKA, (data) => {
        bmpOf(data).values.potassium = { course };
      }),
    ).map((p) => [p.path, p.message]);

  it('points out of time order are an error at the point', () => {
    expect(
      refused([
        { fromMin: 0, value: 7.3, provenance: 'synthetic', note: 'x' },
        { fromMin: 180, value: 6.1, provenance: 'synthetic', note: 'x' },
        { fromMin: 120, value: 5.2, provenance: 'synthetic', note: 'x' },
      ]),
    ).toEqual([
      [
        'results.bmp.values.potassium.course[2].fromMin',
        "minute 120 must come after the previous point's minute 180: keep the points in time order",
      ],
    ]);
  });

  it('a course must start at arrival', () => {
    expect(refused([{ fromMin: 30, value: 7.3, provenance: 'synthetic', note: 'x' }])).toEqual([
      [
        'results.bmp.values.potassium.course[0].fromMin',
        'the first point must start at minute 0 (arrival), not 30',
      ],
    ]);
  });

  it('a "source" point must keep the report\'s words', () => {
    expect(
      refused([
        { fromMin: 0, value: 7.3, provenance: 'source', reported: 'K+ 7.3' },
        { fromMin: 180, value: 6.1, provenance: 'source' },
      ]),
    ).toEqual([
      [
        'results.bmp.values.potassium.course[1].reported',
        'a "source" fact must keep the report\'s wording in "reported"',
      ],
    ]);
  });
});

describe('values beyond the measurable range', () => {
  const potassium = (value: number, measurable: Json) =>
    rowOf(
      ordersAt(
        dkaWith((bmp) => {
          bmp.values.potassium = { value, provenance: 'synthetic', note: 'For the test.' };
          bmp.measurable = { potassium: measurable };
        }),
        'bmp',
        [0],
      )[0],
      'potassium',
    );

  it('a potassium of 16.2 above a range ending at 15 reads "> 15", critical, in both unit columns', () => {
    const row = potassium(16.2, { low: 1, high: 15 });
    expect(row).toMatchObject({ value: 15, censored: 'above', flag: 'HH' });
    expect(row.si).toMatchObject({ value: 15, unit: 'mmol/L' });
  });

  it('the flag follows the true value, not the printed limit: 7.3 above a limit of 6 is still HH', () => {
    expect(potassium(7.3, { high: 6 })).toMatchObject({ value: 6, censored: 'above', flag: 'HH' });
  });

  it('below the range it reads "< 0.5" and is critically low', () => {
    expect(potassium(0.3, { low: 0.5, high: 15 })).toMatchObject({
      value: 0.5,
      censored: 'below',
      flag: 'LL',
    });
  });

  it('a value at the limit is a number like any other', () => {
    const row = potassium(15, { high: 15 });
    expect(row.value).toBe(15);
    expect(row.censored).toBeUndefined();
  });

  it('the timeline summary prints "> 15"', () => {
    const order = ordersAt(
      dkaWith((bmp) => {
        bmp.values.potassium = { value: 16.2, provenance: 'synthetic', note: 'For the test.' };
        bmp.measurable = { potassium: { high: 15 } };
      }),
      'bmp',
      [0],
    )[0];
    if (order?.result === null || order?.result === undefined) throw new Error('no result');
    expect(summarise(order.result, 100)).toContain('Potassium > 15 mEq/L HH');
  });

  it("the catalogue's analyser range applies, scaled into SI, and a case's own range replaces it", () => {
    const catalog = shippedCatalog((tests) => {
      const glucose = (tests.bmp as { components: Record<string, Json> }).components.glucose;
      if (glucose !== undefined) glucose.measurable = { high: 450 };
    });
    const glucose = rowOf(
      ordersAt(
        dkaWith(() => undefined, catalog),
        'bmp',
        [0],
      )[0],
      'glucose',
    );
    expect(glucose).toMatchObject({ value: 450, censored: 'above', flag: 'H' });
    expect(glucose.si?.value).toBe(25); // 450 mg/dL × 0.0555
    const overridden = dkaWith((bmp) => {
      bmp.measurable = { glucose: { high: 600 } };
    }, catalog);
    const truth = rowOf(ordersAt(overridden, 'bmp', [0])[0], 'glucose');
    expect(truth.censored).toBeUndefined();
    expect(truth.value).toBeGreaterThan(450);
  });

  it('the loader checks the component ids of a measurable range, and that it runs upwards', () => {
    const refused = (measurable: Json) =>
      problemsOf(
        loadEditedCase(DKA, (data) => {
          bmpOf(data).measurable = measurable;
        }),
      ).map((p) => [p.path, p.message]);
    expect(refused({ potasium: { high: 15 } })).toEqual([
      ['results.bmp.measurable.potasium', 'unknown component of bmp "potasium" (did you mean "potassium"?)'],
    ]);
    expect(refused({ glucose: { low: 600, high: 20 } })).toEqual([
      [
        'results.bmp.measurable.glucose.high',
        'the measurable range must run upwards: high (20) is not above low (600)',
      ],
    ]);
  });
});
