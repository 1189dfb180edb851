import { ClassId } from './classroom-channel.ts';

/**
 * Classroom projection: the page projected to a room (`?mode=classroom`). The mode and whether the instructor has
 * revealed the answers live in the address, so a reload (or a second tab) keeps both without touching the save.
 */
export interface ClassroomState {
  /** Projected: large type, a step clock, no flashing, answers hidden until revealed. */
  on: boolean;
  /** The instructor has shown the room the score and the answer material. */
  revealed: boolean;
  /** The class's id (`session=`): the presenter window joins the projector's channel by it. */
  classId: string | null;
}

export function classroomFrom(search: string): ClassroomState {
  const params = new URLSearchParams(search);
  const on = params.get('mode') === 'classroom';
  const id = ClassId.safeParse(params.get('session'));
  return { on, revealed: on && params.get('revealed') === '1', classId: on && id.success ? id.data : null };
}

/** The presenter window's address, for the class `classId`. */
export function presenterSearch(classId: string): string {
  return `?mode=presenter&session=${classId}`;
}

/** The class a presenter window joins (`?mode=presenter&session=<id>`), or null when this is not one. */
export function presenterOf(search: string): string | null {
  const params = new URLSearchParams(search);
  const id = ClassId.safeParse(params.get('session'));
  return params.get('mode') === 'presenter' && id.success ? id.data : null;
}

/** The address for `state`, keeping every other parameter (the case, the seed) as it was. */
export function classroomSearch(search: string, state: ClassroomState): string {
  const params = new URLSearchParams(search);
  if (state.on) params.set('mode', 'classroom');
  else if (params.get('mode') === 'classroom') params.delete('mode');
  if (state.on && state.revealed) params.set('revealed', '1');
  else params.delete('revealed');
  if (state.on && state.classId !== null) params.set('session', state.classId);
  else params.delete('session');
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}
