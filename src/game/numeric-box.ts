import type * as Phaser from 'phaser';
import type { AlarmLevel } from '../view/bay-view.ts';
import { SCREEN } from './colours.ts';
import { alarmMessage, type AlarmParam } from './format.ts';
import { Label } from './label.ts';

export interface BoxSpec {
  x: number;
  y: number;
  w: number;
  h: number;
  label: string;
  unit: string;
  colour: { num: number; css: string };
  /** Upper and lower alarm limits, printed small under the unit. */
  limits: readonly [string, string];
  param: AlarmParam;
  valueSize: number;
  /** Vertical centre of the main value, as a fraction of the box height. */
  valueAt: number;
  /** A second value under the main one (the MAP under the NIBP). */
  subSize?: number;
  /** A small note at the bottom left (the time of the last NIBP cycle). */
  note?: boolean;
  /** Unit beside the label and limits on one line, prefixed with `limitsLabel` (the NIBP box). */
  wide?: boolean;
  limitsLabel?: string;
}

/** How the box looks this frame. */
type Look = 'normal' | 'flashOn' | 'flashOff' | 'steady';

const WHITE = '#ffffff';

/** One numeric field of the monitor: label, unit, limits, value, and its alarm state. */
export class NumericBox {
  private readonly bg: Phaser.GameObjects.Graphics;
  private readonly value: Label;
  private readonly sub: Label | undefined;
  private readonly note: Label | undefined;
  private readonly alarm: Label;
  private readonly tinted: Label[] = [];
  private look: Look | '' = '';
  private visible = true;

  constructor(
    scene: Phaser.Scene,
    private readonly spec: BoxSpec,
  ) {
    const { x, y, w, h, colour } = spec;
    this.bg = scene.add.graphics();
    const css = colour.css;
    const label = new Label(scene, x + 12, y + 8, { size: 24, colour: css, bold: true, value: spec.label });
    this.tinted.push(label);
    if (spec.wide === true) {
      // Wide box: unit beside the label, limits on one line, so a long value has the full width.
      const [hi, lo] = spec.limits;
      this.tinted.push(
        new Label(scene, x + 22 + label.text.width, y + 12, { size: 20, colour: css, value: spec.unit }),
        new Label(scene, x + 12, y + 38, {
          size: 18,
          colour: css,
          value: `${spec.limitsLabel ?? ''} ${lo}–${hi}`,
        }),
      );
    } else {
      this.tinted.push(
        new Label(scene, x + 12, y + 37, { size: 20, colour: css, value: spec.unit }),
        new Label(scene, x + 12, y + 62, { size: 18, colour: css, value: spec.limits[0] }),
        new Label(scene, x + 12, y + 84, { size: 18, colour: css, value: spec.limits[1] }),
      );
    }
    this.value = new Label(scene, x + w - 12, y + h * spec.valueAt, {
      size: spec.valueSize,
      colour: css,
      bold: true,
      originX: 1,
      originY: 0.5,
    });
    this.tinted.push(this.value);
    if (spec.subSize !== undefined) {
      this.sub = new Label(scene, x + w - 12, y + h - 8, {
        size: spec.subSize,
        colour: css,
        bold: true,
        originX: 1,
        originY: 1,
      });
      this.tinted.push(this.sub);
    }
    if (spec.note === true) {
      this.note = new Label(scene, x + 12, y + h - 10, { size: 20, colour: SCREEN.muted, originY: 1 });
    }
    this.alarm = new Label(scene, x + w - 10, y + 10, { size: 18, colour: WHITE, bold: true, originX: 1 });
    this.alarm.text.setPadding(6, 2, 6, 2);
  }

  /** Show or hide the whole box (the NIBP box gives way to the arterial panel when a line is in). */
  setVisible(visible: boolean): void {
    this.visible = visible;
    this.bg.setVisible(visible);
    for (const label of [...this.tinted, this.note, this.alarm]) label?.text.setVisible(visible);
  }

  setValue(value: string, sub = '', note = ''): void {
    this.value.set(value);
    this.sub?.set(sub);
    this.note?.set(note);
  }

  /** `flashOn` is the current half of the ~1 Hz flash; ignored when `steady`. */
  setAlarm(level: AlarmLevel, steady: boolean, flashOn: boolean): void {
    this.alarm.set(alarmMessage(this.spec.param, level));
    this.alarm.text.setVisible(this.visible && level !== 'ok');
    const look: Look = level === 'ok' ? 'normal' : steady ? 'steady' : flashOn ? 'flashOn' : 'flashOff';
    if (look === this.look) return;
    this.look = look;
    this.paint(look);
  }

  private paint(look: Look): void {
    const { x, y, w, h, colour } = this.spec;
    const g = this.bg;
    g.clear();
    const fill = look === 'flashOn' ? SCREEN.alarm : look === 'steady' ? SCREEN.alarmDark : SCREEN.box;
    g.fillStyle(fill, 1);
    g.fillRoundedRect(x, y, w, h, 8);
    if (look === 'normal') {
      g.lineStyle(1.5, SCREEN.boxEdge, 1);
    } else {
      g.lineStyle(look === 'steady' ? 5 : 4, look === 'flashOn' ? 0xffffff : SCREEN.alarm, 1);
    }
    g.strokeRoundedRect(x, y, w, h, 8);
    const textColour = look === 'flashOn' ? WHITE : colour.css;
    for (const label of this.tinted) label.setColour(textColour);
    // The message keeps a solid pill so it reads in both halves of the flash.
    this.alarm.text.setBackgroundColor(look === 'flashOn' ? '#7a0010' : '#d0142a');
    this.note?.setColour(look === 'flashOn' ? WHITE : SCREEN.muted);
  }
}
