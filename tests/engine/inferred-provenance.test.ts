import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/engine/index.ts';
import { TextFact } from '../../src/engine/case/schema/fact.ts';
import { CASE_PATH, loadEditedCase, loadFirstCase } from '../support/load.ts';

/** The loader's problems for the first case with an edit applied (none when it loads). */
function problemsAfter(edit: (data: Record<string, unknown>) => void): string[] {
  const loaded = loadEditedCase(CASE_PATH, edit);
  return loaded.ok ? [] : loaded.problems.map(formatProblem);
}
const teachingPoints = (data: Record<string, unknown>) => data.teachingPoints as Record<string, unknown>[];

describe('an inference from the report has its own provenance, and says what it rests on', () => {
  it('a fact inferred from the report, with a note saying from what, is accepted without quoting the report', () => {
    const parsed = TextFact.safeParse({
      value: 'The injections were given for back pain thought mechanical.',
      provenance: 'inferred',
      note: 'The report gives IM diclofenac and dexamethasone 10 days earlier, not why.',
    });
    expect(parsed.success).toBe(true);
  });

  it('an inference with no note is refused, and the message says the note must say what it is inferred from', () => {
    const parsed = TextFact.safeParse({ value: 'Mechanical back pain.', provenance: 'inferred' });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      [
        'note',
        'an "inferred" fact must say in "note" what in the report it is inferred from (the report does not say it)',
      ],
    ]);
    expect(
      TextFact.safeParse({ value: 'Mechanical back pain.', provenance: 'inferred', note: ' ' }).success,
    ).toBe(false);
  });

  it('a teaching point tagged inferred without a note is refused where it stands', () => {
    const problems = problemsAfter((data) => {
      teachingPoints(data)[0] = { text: 'No fever is not no sepsis.', provenance: 'inferred' };
    });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('teachingPoints[0].note');
    expect(problems[0]).toContain('what in the report it is inferred from');
  });

  it('a fact as the report gives it still must quote the report; an inference need not', () => {
    const quoteless = TextFact.safeParse({ value: 'Temperature 37.5 °C.', provenance: 'source', note: 'x' });
    expect(quoteless.error?.issues.map((i) => i.path.join('.'))).toEqual(['reported']);
  });
});

describe("the first case's teaching points say which are the report's and which are read into it", () => {
  const points = loadFirstCase().data.teachingPoints;

  it('the four lessons drawn from the report are inferences, each saying what in the report it rests on', () => {
    expect(points.slice(0, 4).map((p) => p.provenance)).toEqual([
      'inferred',
      'inferred',
      'inferred',
      'inferred',
    ]);
    // The report never says why the injections were given, nor why the temperature was 37.5 °C.
    expect(points[0]?.note).toContain('does not say why the temperature was 37.5 °C');
    expect(points[1]?.note).toContain('procalcitonin 0.84');
    expect(points[2]?.note).toContain('does not say what the injections were given for');
    expect(points[3]?.note).toContain('small isolated air bubbles');
  });

  it('the words of each teaching point are unchanged, and the point about the model stays synthetic', () => {
    expect(points.map((p) => p.text.slice(0, 30))).toEqual([
      'No fever is not no sepsis: 37.',
      'A procalcitonin of 0.84 ng/mL ',
      'Weeks of back pain treated as ',
      'Gas in the soft tissues with p',
      'Bedside illustrates the physio',
    ]);
    expect(points[4]?.provenance).toBe('synthetic');
  });
});
