import type * as Phaser from 'phaser';
import { bake } from './bake.ts';
import { ALARM_LIMITS, type BayView } from '../view/bay-view.ts';
import { PARAM, SCREEN } from './colours.ts';
import { clockText } from '../engine/play/clock.ts';
import { ALARM_PARAMS, alarmMessage, oneDecimal, whole, type AlarmParam } from './format.ts';
import { Label } from './label.ts';
import { drawBezel, drawHeart, SCR } from './monitor-frame.ts';
import { NumericBox } from './numeric-box.ts';
import { MonitorLanes } from './monitor-lanes.ts';
import { LARGE_TYPE, NORMAL_TYPE, type MonitorType } from './monitor-type.ts';
import type { Area } from './sweep-layer.ts';

const WAVE_X = SCR.x + 8;
const WAVE_W = 290;
const BOX_X = WAVE_X + WAVE_W + 8;
const BOX_W = SCR.x + SCR.w - 8 - BOX_X;
const ROWS = { ecg: [90, 140], pleth: [238, 116], resp: [362, 108], bottom: [478, 164] } as const;
/**
 * The arterial wave's lane inside the bottom-left box: its scale's pressures in a margin on the left, its numbers to
 * the right.
 */
const artLane = (type: MonitorType) => {
  // The scale's pressures need a wider margin in large type, and the limits line above the wave is taller.
  const margin = type.large ? 46 : 34;
  const top = type.large ? 68 : 60;
  return {
    x: WAVE_X + margin,
    y: ROWS.bottom[0] + top,
    width: 162 - margin,
    height: ROWS.bottom[1] - top - 6,
    baseline: 1,
  };
};

/** Short names for the rhythm over the ECG when the full one will not fit in large type. */
const SHORT_RHYTHM: Partial<Record<BayView['rhythm']['id'], string>> = {
  af: 'AF',
  svt: 'SVT',
  vt: 'VT (pulse)',
  chb: 'CHB',
  vf: 'VF',
  pvt: 'Pulseless VT',
  pea: 'PEA',
};

/** Upper and lower limit as the monitor prints them. */
const limitsOf = (param: AlarmParam, format: (n: number) => string): readonly [string, string] => [
  format(ALARM_LIMITS[param].high),
  format(ALARM_LIMITS[param].low),
];

/**
 * What the monitor's header calls out in an arrest: what it can tell from the ECG, or, in PEA (an ECG that looks
 * organised), that it finds no pulse.
 */
const ARREST_ALARM: Partial<Record<BayView['rhythm']['id'], string>> = {
  asystole: 'ASYSTOLE',
  vf: 'VFIB',
  pvt: 'VTACH',
  pea: 'NO PULSE',
};

/** The bedside monitor: bezel, the waveform lanes, five numerics with limits and alarms, and the clock. */
export class Monitor {
  private readonly traces: Phaser.GameObjects.Graphics;
  /** The last QRS reported to the beat listeners. */
  private reportedBeat: number | null = null;
  private readonly heart: Phaser.GameObjects.Graphics;
  private readonly lanes: MonitorLanes;
  private readonly clock: Label;
  private readonly banner: Label;
  private readonly rhythmLabel: Label;
  private readonly boxes: Record<AlarmParam, NumericBox>;
  /** The arterial panel: it takes the NIBP box's place once a line is in, the wave beside its numbers. */
  private readonly artBox: NumericBox;
  private readonly type: MonitorType;
  /** What moves without a new view (heart symbol, alarm flash), as last drawn. */
  private look = '';

  constructor(scene: Phaser.Scene, view: BayView, density = 1) {
    const type = view.largeType ? LARGE_TYPE : NORMAL_TYPE;
    this.type = type;
    bake(scene, 'monitor-bezel', density, drawBezel);
    const headerY = SCR.y + 21;
    new Label(scene, SCR.x + 12, headerY, {
      size: type.header,
      colour: SCREEN.muted,
      originY: 0.5,
      value: 'Resus 1',
    });
    this.banner = new Label(scene, SCR.x + (type.large ? 120 : 104), headerY, {
      size: type.header,
      colour: '#ffffff',
      bold: true,
      originY: 0.5,
    });
    this.banner.text.setBackgroundColor('#c8102a').setPadding(8, 2, 8, 2);
    this.clock = new Label(scene, SCR.x + SCR.w - 12, headerY, {
      size: 26,
      colour: SCREEN.text,
      bold: true,
      originX: 1,
      originY: 0.5,
    });
    const waveLabel = (row: readonly [number, number], text: string, css: string) =>
      new Label(scene, WAVE_X + 4, row[0], { size: type.header, colour: css, value: text });
    // Large type leaves out the gain ("x1") to give the rhythm's name the room.
    waveLabel(ROWS.ecg, type.large ? 'II' : 'II   x1', PARAM.ecg.css);
    waveLabel(ROWS.pleth, 'Pleth', PARAM.spo2.css);
    waveLabel(ROWS.resp, 'Resp', PARAM.rr.css);
    this.rhythmLabel = new Label(scene, WAVE_X + WAVE_W - 4, ROWS.ecg[0] + 2, {
      size: type.rhythm,
      colour: PARAM.ecg.css,
      bold: true,
      originX: 1,
    });
    const box = (row: readonly [number, number], x: number, w: number) => ({ x, y: row[0], w, h: row[1] });
    const bp = {
      ...box(ROWS.bottom, WAVE_X, WAVE_W),
      unit: 'mmHg',
      colour: PARAM.bp,
      limits: limitsOf('map', String),
      limitsLabel: 'MAP',
      wide: true,
      param: 'map',
      limitsAtBottom: true,
    } as const;
    this.boxes = {
      hr: new NumericBox(
        scene,
        {
          ...box(ROWS.ecg, BOX_X, BOX_W),
          label: 'HR',
          labelGap: 34,
          unit: 'bpm',
          colour: PARAM.ecg,
          limits: limitsOf('hr', String),
          param: 'hr',
          valueSize: 76,
          valueAt: 0.6,
        },
        type,
      ),
      spo2: new NumericBox(
        scene,
        {
          ...box(ROWS.pleth, BOX_X, BOX_W),
          label: 'SpO₂',
          unit: '%',
          colour: PARAM.spo2,
          limits: limitsOf('spo2', String),
          param: 'spo2',
          valueSize: 68,
          valueAt: 0.6,
        },
        type,
      ),
      rr: new NumericBox(
        scene,
        {
          ...box(ROWS.resp, BOX_X, BOX_W),
          label: 'RR',
          unit: 'rpm',
          colour: PARAM.rr,
          limits: limitsOf('rr', String),
          param: 'rr',
          valueSize: 60,
          valueAt: 0.62,
        },
        type,
      ),
      map: new NumericBox(
        scene,
        {
          ...bp,
          label: 'NIBP',
          valueSize: 68,
          valueAt: 0.5,
          subSize: 40,
          note: true,
        },
        type,
      ),
      temp: new NumericBox(
        scene,
        {
          ...box(ROWS.bottom, BOX_X, BOX_W),
          label: 'Temp',
          unit: '°C',
          colour: PARAM.temp,
          limits: limitsOf('temp', oneDecimal),
          param: 'temp',
          valueSize: 56,
          valueAt: 0.62,
        },
        type,
      ),
    };
    this.artBox = new NumericBox(
      scene,
      { ...bp, label: 'ART', valueSize: 32, valueAt: 0.55, subSize: 32, limitsAtBottom: false },
      type,
    );
    this.traces = scene.add.graphics();
    this.lanes = new MonitorLanes(
      scene,
      {
        ecg: { x: WAVE_X, y: ROWS.ecg[0] + 22, width: WAVE_W, height: ROWS.ecg[1] - 26, baseline: 0.7 },
        pleth: {
          x: WAVE_X,
          y: ROWS.pleth[0] + 22,
          width: WAVE_W,
          height: ROWS.pleth[1] - 26,
          baseline: 0.92,
        },
        resp: { x: WAVE_X, y: ROWS.resp[0] + 22, width: WAVE_W, height: ROWS.resp[1] - 26, baseline: 0.88 },
        art: artLane(type),
      },
      view,
      type.scale,
    );
    this.heart = scene.add.graphics();
  }

  /**
   * Bring the monitor up to the view. Returns whether the sweep layer was painted, and whether anything on the
   * monitor that moves without a new view (the heart symbol's blink, the alarms' flash) looks different now.
   */
  update(
    view: BayView,
    timeMs: number,
    dtSec: number,
    layer: CanvasRenderingContext2D,
  ): { painted: boolean; changed: boolean } {
    const { vitals, alarms } = view;
    this.clock.set(`T+ ${clockText(view.nowMin)}`);
    const arrestAlarm = view.patient.arrest || view.patient.dead ? ARREST_ALARM[view.rhythm.id] : undefined;
    const messages = [arrestAlarm ?? '', ...ALARM_PARAMS.map((p) => alarmMessage(p, alarms[p]))].filter(
      (m) => m !== '',
    );
    // Like a real monitor, the header names the alarms; two at most, then a count of the rest.
    const headline = (n: number) =>
      `*** ${messages.slice(0, n).join('  ')}${messages.length > n ? `  +${String(messages.length - n)}` : ''}`;
    this.banner.set(messages.length > 0 ? headline(2) : '');
    // Large type has room for one before the clock.
    if (
      messages.length > 1 &&
      this.banner.text.x + this.banner.text.width > this.clock.text.x - this.clock.text.width - 8
    )
      this.banner.set(headline(1));
    this.banner.text.setVisible(messages.length > 0);

    // Long names ("Ventricular tachycardia (with a pulse)") shrink to fit beside the lead label; in large type they
    // may not shrink below the type's size, and a name that still does not fit is shortened as monitors print it.
    const room = WAVE_W - (this.type.large ? 56 : 80);
    this.rhythmLabel.set(view.rhythm.name);
    if (this.type.large && this.rhythmLabel.text.width > room)
      this.rhythmLabel.set(
        SHORT_RHYTHM[view.rhythm.id] ??
          view.rhythm.name.replace('tachycardia', 'tachy').replace('bradycardia', 'brady'),
      );
    this.rhythmLabel.text.setScale(Math.min(1, room / Math.max(1, this.rhythmLabel.text.width)));
    this.boxes.hr.setValue(whole(vitals.hr));
    this.boxes.spo2.setValue(whole(vitals.spo2));
    this.boxes.rr.setValue(whole(vitals.rr));
    this.updatePressure(view);
    this.boxes.temp.setValue(oneDecimal(vitals.temp));
    const steady = view.reducedMotion || view.steadyAlarms || view.paused;
    const flashOn = Math.floor(timeMs / 500) % 2 === 0;
    for (const p of ALARM_PARAMS) {
      this.boxes[p].setAlarm(alarms[p], steady, flashOn);
    }
    this.artBox.setAlarm(alarms.map, steady, flashOn);

    this.traces.clear();
    const painted = this.lanes.update(
      view,
      dtSec,
      this.traces,
      layer,
      alarms.map !== 'ok' && !steady && flashOn,
    );
    const lit = this.drawHeartSymbol(view);
    // A box flashes only while its parameter alarms: otherwise the flash's phase changes nothing on the screen.
    const flashing = !steady && ALARM_PARAMS.some((p) => alarms[p] !== 'ok');
    const look = `${String(lit)}|${flashing ? String(flashOn) : '-'}`;
    const changed = look !== this.look;
    this.look = look;
    return { painted, changed };
  }

  /** Where the traces sweep (logical pixels): the waveform lanes, and the arterial wave in the bottom-left box. */
  static readonly sweepArea: Area = {
    x: WAVE_X,
    y: ROWS.ecg[0],
    w: WAVE_W,
    h: ROWS.bottom[0] + ROWS.bottom[1] - ROWS.ecg[0],
  };

  /** Whether a QRS was drawn since the last call (once per beat): the bay tells its beat listeners. */
  takeNewBeat(): boolean {
    const last = this.lanes.lastBeat();
    if (last === null || (this.reportedBeat !== null && last <= this.reportedBeat)) return false;
    // The first beat seen only sets the mark: a beat already on the screen when the bay appeared is not new.
    const isNew = this.reportedBeat !== null;
    this.reportedBeat = last;
    return isNew;
  }

  /** The cuff's last reading, or the arterial line's beat-to-beat pressure beside its wave. */
  private updatePressure(view: BayView): void {
    const { vitals } = view;
    const arterial = view.bpSource === 'arterial';
    const value =
      vitals.sbp === null || vitals.dbp === null ? '---' : `${whole(vitals.sbp)}/${whole(vitals.dbp)}`;
    const mean = vitals.map === null ? '' : `(${whole(vitals.map)})`;
    this.boxes.map.setVisible(!arterial);
    this.artBox.setVisible(arterial);
    if (arterial) {
      this.artBox.setValue(value, mean);
      return;
    }
    this.boxes.map.setValue(
      value,
      mean,
      view.patient.arrest
        ? vitals.map === null
          ? 'No pulse'
          : 'From compressions'
        : `Last cycle T+ ${clockText(view.nibpAtMin)}`,
    );
  }

  /** The little heart beside HR lights up with each QRS (steady when motion is reduced, gone without a rate). */
  private drawHeartSymbol(view: BayView): boolean {
    const lit = view.reducedMotion || view.steadyAlarms || this.lanes.beatJustNow(0.16);
    this.heart.clear();
    if (view.patient.dead || view.vitals.hr === null) return lit;
    drawHeart(this.heart, BOX_X + 70, ROWS.ecg[0] + 21, 9, PARAM.ecg.num, lit ? 1 : 0.3);
    return lit;
  }
}
