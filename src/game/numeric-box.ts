import type * as Phaser from 'phaser';
import type { AlarmLevel } from '../view/bay-view.ts';
import { SCREEN } from './colours.ts';
import { alarmMessage, type AlarmParam } from './format.ts';
import { Label } from './label.ts';
import type { MonitorType } from './monitor-type.ts';

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
  /** Wide box in large type: the limits at the bottom left, where the note was (the cuff's box). */
  limitsAtBottom?: boolean;
  /** Room after the label before the unit, in large type (the HR box's beating heart sits there). */
  labelGap?: number;
}

/** Digits' height above the bottom of their text box, as a share of the font size (ascent of a digit + descent). */
const DIGIT_REACH = 0.92;
/** The smallest a large-type value shrinks to when it must fit beside the limits. */
const MIN_VALUE_SIZE = 40;

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
  /** Large type: where the limits line ends, so the value can keep clear of it. */
  private limitsBox: { right: number; bottom: number } | undefined;
  /** Large type: the alarm pill says only LOW or HIGH (the box names the parameter; the header says it in full). */
  private readonly shortAlarm: boolean;

  constructor(
    scene: Phaser.Scene,
    private readonly spec: BoxSpec,
    type: MonitorType,
  ) {
    const { x, y, w, h, colour } = spec;
    this.shortAlarm = type.large && spec.wide !== true;
    this.bg = scene.add.graphics();
    const css = colour.css;
    const label = new Label(scene, x + 12, y + 8, {
      size: type.boxLabel,
      colour: css,
      bold: true,
      value: spec.label,
    });
    this.tinted.push(label);
    const [hi, lo] = spec.limits;
    if (spec.wide === true) {
      // Wide box: unit beside the label, limits on one line, so a long value has the full width.
      const limits = `${spec.limitsLabel ?? ''} ${lo}–${hi}`;
      const bottom = type.large && spec.limitsAtBottom === true;
      this.tinted.push(
        new Label(scene, x + 22 + label.text.width, y + 12, {
          size: type.unit,
          colour: css,
          value: spec.unit,
        }),
        bottom
          ? new Label(scene, x + 12, y + h - 10, {
              size: type.limits,
              colour: css,
              originY: 1,
              value: limits,
            })
          : new Label(scene, x + 12, y + 14 + type.boxLabel, {
              size: type.limits,
              colour: css,
              value: limits,
            }),
      );
    } else if (type.large) {
      // Large type: the unit beside the label and the limits on one line under them, low–high, so the value has
      // the box's lower part to itself (it shrinks to fit beside the limits only when it would run into them).
      const unit = new Label(scene, x + 20 + label.text.width + (spec.labelGap ?? 0), y + 10, {
        size: type.unit,
        colour: css,
        value: spec.unit,
      });
      const limits = new Label(scene, x + 12, y + 14 + type.boxLabel, {
        size: type.limits,
        colour: css,
        value: `${lo}–${hi}`,
      });
      this.tinted.push(unit, limits);
      this.limitsBox = {
        right: x + 12 + limits.text.width,
        bottom: y + 14 + type.boxLabel + limits.text.height,
      };
    } else {
      this.tinted.push(
        new Label(scene, x + 12, y + 37, { size: type.unit, colour: css, value: spec.unit }),
        new Label(scene, x + 12, y + 62, { size: type.limits, colour: css, value: hi }),
        new Label(scene, x + 12, y + 84, { size: type.limits, colour: css, value: lo }),
      );
    }
    this.value =
      this.limitsBox === undefined
        ? new Label(scene, x + w - 12, y + h * spec.valueAt, {
            size: spec.valueSize,
            colour: css,
            bold: true,
            originX: 1,
            originY: 0.5,
          })
        : new Label(scene, x + w - 12, y + h - 4, {
            size: spec.valueSize,
            colour: css,
            bold: true,
            originX: 1,
            originY: 1,
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
    // In large type the cuff's limits take the note's place; the page's vitals say when the cuff last cycled.
    if (spec.note === true && !(type.large && spec.limitsAtBottom === true)) {
      this.note = new Label(scene, x + 12, y + h - 10, { size: type.note, colour: SCREEN.muted, originY: 1 });
    }
    this.alarm = new Label(scene, x + w - 10, y + 10, {
      size: type.alarm,
      colour: WHITE,
      bold: true,
      originX: 1,
    });
    this.alarm.text.setPadding(6, 2, 6, 2);
  }

  /** Show or hide the whole box (the NIBP box gives way to the arterial panel when a line is in). */
  setVisible(visible: boolean): void {
    this.visible = visible;
    this.bg.setVisible(visible);
    for (const label of [...this.tinted, this.note, this.alarm]) label?.text.setVisible(visible);
  }

  setValue(value: string, sub = '', note = ''): void {
    const changed = value !== this.value.value;
    this.value.set(value);
    this.sub?.set(sub);
    this.note?.set(note);
    if (changed) this.fitValue();
  }

  /**
   * Large type: the value at its full size when its digits clear the limits line, else the largest size that clears
   * it vertically or fits beside it.
   */
  private fitValue(): void {
    const limits = this.limitsBox;
    if (limits === undefined) return;
    const { x, y, w, h } = this.spec;
    const text = this.value.text;
    const bottom = y + h - 4;
    for (let size = this.spec.valueSize; size >= MIN_VALUE_SIZE; size -= 2) {
      text.setFontSize(size);
      const clearBelow = bottom - DIGIT_REACH * size >= limits.bottom;
      const clearBeside = x + w - 12 - text.width >= limits.right + 8;
      if (clearBelow || clearBeside) return;
    }
  }

  /** `flashOn` is the current half of the ~1 Hz flash; ignored when `steady`. */
  setAlarm(level: AlarmLevel, steady: boolean, flashOn: boolean): void {
    const message = alarmMessage(this.spec.param, level);
    this.alarm.set(this.shortAlarm ? message.replace(/^.* /, '') : message);
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
