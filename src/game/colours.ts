/** Palette of the bay and the monitor. Numbers for Graphics, strings for Text. */

export const FONT = 'Atkinson Hyperlegible, system-ui, sans-serif';

/** Logical size of the canvas; the Scale Manager fits it to the parent. */
export const WIDTH = 1280;
export const HEIGHT = 720;

/** Monitor parameter colours, as on Philips and GE monitors. */
export const PARAM = {
  ecg: { num: 0x3ff07a, css: '#3ff07a' },
  spo2: { num: 0x37d8f0, css: '#37d8f0' },
  bp: { num: 0xff5e5e, css: '#ff6b6b' },
  rr: { num: 0xf5e04a, css: '#f5e04a' },
  temp: { num: 0xffb26b, css: '#ffc48a' },
} as const;

export const SCREEN = {
  bezel: 0xd5d9dc,
  bezelShadow: 0x8e969c,
  bezelEdge: 0xf1f3f4,
  glass: 0x04070a,
  header: 0x121b22,
  box: 0x0a1117,
  boxEdge: 0x24313a,
  divider: 0x1c272f,
  text: '#e8eef2',
  muted: '#9fb0bc',
  alarm: 0xe0162b,
  alarmDark: 0x5c0a13,
  alarmText: '#ff6470',
} as const;

export const ROOM = {
  wallTop: 0x2f4550,
  wallBottom: 0x3a5560,
  skirting: 0x22323a,
  floor: 0x56646a,
  floorFar: 0x4a565c,
  floorLine: 0x66757b,
  panel: 0xc9d0d4,
  panelEdge: 0x8d979d,
  curtain: 0x4f8f96,
  curtainDark: 0x3c7379,
  metal: 0xb8c0c5,
  metalDark: 0x6f7a80,
  mattress: 0x27496b,
  mattressTop: 0x32597f,
  sheet: 0xeef2f5,
  sheetShade: 0xc9d3db,
  gown: 0x8fb8d9,
  gownShade: 0x6f9cc2,
  pillow: 0xf7f9fb,
  hair: 0x3b2a20,
  cuff: 0x233e6b,
} as const;

export interface SkinTone {
  base: number;
  shade: number;
  lip: number;
  /** Blotches drawn over the skin when mottled; alpha 0 means none. */
  mottle: number;
  mottleAlpha: number;
  /** Rosy cheeks of a well-perfused face (alpha). */
  blush: number;
}

/** Skin by perfusion. Mottled is pale with lacy purple blotches and bluish lips; dead is grey. */
export const SKIN: Record<'normal' | 'pale' | 'mottled' | 'dead', SkinTone> = {
  normal: { base: 0xd79b74, shade: 0xb87a55, lip: 0xb4574f, mottle: 0, mottleAlpha: 0, blush: 0.22 },
  pale: { base: 0xeadbd0, shade: 0xcdbcb0, lip: 0xc9a09a, mottle: 0, mottleAlpha: 0, blush: 0 },
  mottled: { base: 0xe3d6cf, shade: 0xc4b4ad, lip: 0x8b6f93, mottle: 0x7d5a86, mottleAlpha: 0.5, blush: 0 },
  dead: { base: 0xa9aaa6, shade: 0x8b8d8a, lip: 0x6f7584, mottle: 0x6c6b78, mottleAlpha: 0, blush: 0 },
};
