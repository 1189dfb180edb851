import { z } from 'zod';
import { DEFAULT_SOUND_SETTINGS, type SoundSettings } from '../view/sound-view.ts';

/** The learner's sound settings, kept apart from the play: they belong to the browser, not to one case. */
export const SOUND_SETTINGS_KEY = 'bedside:sound';

const SoundSettingsSchema = z.strictObject({
  version: z.literal(1),
  volume: z.number().min(0).max(1),
  muted: z.boolean(),
  alarmsOnly: z.boolean(),
  classroom: z.boolean(),
});

/** The saved settings, or the defaults when there are none or they do not parse (never an error: it is only sound). */
export function readSoundSettings(storage: Storage): SoundSettings {
  try {
    const text = storage.getItem(SOUND_SETTINGS_KEY);
    if (text === null) return { ...DEFAULT_SOUND_SETTINGS };
    const parsed = SoundSettingsSchema.safeParse(JSON.parse(text));
    if (!parsed.success) return { ...DEFAULT_SOUND_SETTINGS };
    const { version: _version, ...settings } = parsed.data;
    return settings;
  } catch {
    return { ...DEFAULT_SOUND_SETTINGS };
  }
}

export function writeSoundSettings(storage: Storage, settings: SoundSettings): void {
  try {
    storage.setItem(SOUND_SETTINGS_KEY, JSON.stringify({ version: 1, ...settings }));
  } catch {
    // Storage full or refused: the setting holds for this visit.
  }
}
