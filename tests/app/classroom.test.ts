import { describe, expect, it } from 'vitest';
import { classroomFrom, classroomSearch, presenterOf, presenterSearch } from '../../src/app/classroom.ts';

describe('classroom mode in the address', () => {
  it('is off unless the address asks for it', () => {
    expect(classroomFrom('')).toEqual({ on: false, revealed: false, classId: null });
    expect(classroomFrom('?mode=solo&revealed=1')).toEqual({ on: false, revealed: false, classId: null });
  });

  it('reads the mode and the reveal', () => {
    expect(classroomFrom('?mode=classroom')).toEqual({ on: true, revealed: false, classId: null });
    expect(classroomFrom('?case=x&mode=classroom&revealed=1&session=abc123')).toEqual({
      on: true,
      revealed: true,
      classId: 'abc123',
    });
  });

  it('keeps the other parameters when it writes the mode back', () => {
    const state = { on: true, revealed: true, classId: 'abc123' };
    const search = classroomSearch('?case=x&seed=4', state);
    expect(classroomFrom(search)).toEqual(state);
    expect(new URLSearchParams(search).get('case')).toBe('x');
    expect(new URLSearchParams(search).get('seed')).toBe('4');
  });

  it('drops the reveal with the mode', () => {
    expect(
      classroomSearch('?mode=classroom&revealed=1', { on: false, revealed: true, classId: 'abc123' }),
    ).toBe('');
  });

  it('names the presenter window by the class, and refuses an id that is not one', () => {
    expect(presenterOf(presenterSearch('abc123'))).toBe('abc123');
    expect(presenterOf('?mode=presenter&session=..%2Fx')).toBeNull();
    expect(presenterOf('?mode=classroom&session=abc123')).toBeNull();
  });
});
