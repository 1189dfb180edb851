import type * as Phaser from 'phaser';
import { ALARM_LIMITS, type BayView } from '../view/bay-view.ts';
import { PARAM, SCREEN } from './colours.ts';
import { clockText } from '../engine/play/clock.ts';
import { alarmMessage, oneDecimal, whole, type AlarmParam } from './format.ts';
import { Label } from './label.ts';
import { drawBezel, drawHeart, SCR } from './monitor-frame.ts';
import { NumericBox } from './numeric-box.ts';
import { Trace } from './trace.ts';
import {
  ecgLeadII,
  flatLine,
  pleth,
  respiration,
  VF_CYCLES_PER_MIN,
  ventricularFibrillation,
  ventricularTachycardia,
  type Waveform,
} from './waveforms.ts';

const WAVE_X = SCR.x + 8;
const WAVE_W = 290;
const BOX_X = WAVE_X + WAVE_W + 8;
const BOX_W = SCR.x + SCR.w - 8 - BOX_X;
const ROWS = { ecg: [90, 140], pleth: [238, 116], resp: [362, 108], bottom: [478, 164] } as const;

/** Upper and lower limit as the monitor prints them. */
const limitsOf = (param: AlarmParam, format: (n: number) => string): readonly [string, string] => [
  format(ALARM_LIMITS[param].high),
  format(ALARM_LIMITS[param].low),
];

/** Pleth amplitude falls as the periphery shuts down. */
const PLETH_GAIN = { normal: 78, pale: 58, mottled: 34 } as const;

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

/** The ECG shape for a rhythm (drawn properly per rhythm in a later issue; the arrest rhythms are distinct now). */
function ecgWave(rhythm: BayView['rhythm']['id']): Waveform {
  switch (rhythm) {
    case 'asystole':
      return flatLine;
    case 'vf':
      return ventricularFibrillation;
    case 'vt':
    case 'pvt':
      return ventricularTachycardia;
    case 'sinus':
    case 'af':
    case 'svt':
    case 'chb':
    case 'pea':
      return ecgLeadII;
    default:
      return rhythm satisfies never;
  }
}

/** The bedside monitor: bezel, three sweeping waves, five numerics with limits and alarms, and the clock. */
export class Monitor {
  private readonly traces: Phaser.GameObjects.Graphics;
  private readonly heart: Phaser.GameObjects.Graphics;
  private readonly ecg: Trace;
  private readonly pleth: Trace;
  private readonly resp: Trace;
  private readonly clock: Label;
  private readonly banner: Label;
  private readonly rhythmLabel: Label;
  private readonly boxes: Record<AlarmParam, NumericBox>;
  private heartBeats = -1;
  /** The waveforms drawn last frame: a new rhythm redraws each lane at once, not as the sweep comes round. */
  private wavesKey = '';
  private heartUntil = 0;

  constructor(scene: Phaser.Scene, view: BayView) {
    drawBezel(scene.add.graphics());
    const headerY = SCR.y + 21;
    new Label(scene, SCR.x + 12, headerY, {
      size: 20,
      colour: SCREEN.muted,
      originY: 0.5,
      value: 'Resus 1',
    });
    this.banner = new Label(scene, SCR.x + 104, headerY, {
      size: 20,
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
    const lane = (row: readonly [number, number], colour: number, pxPerSec: number, baseline: number) =>
      new Trace({
        x: WAVE_X,
        y: row[0] + 22,
        width: WAVE_W,
        height: row[1] - 26,
        baseline,
        colour,
        pxPerSec,
        peaks: colour === PARAM.ecg.num,
      });
    this.ecg = lane(ROWS.ecg, PARAM.ecg.num, 80, 0.7);
    this.ecg.beatThreshold = 40;
    this.pleth = lane(ROWS.pleth, PARAM.spo2.num, 80, 0.92);
    this.resp = lane(ROWS.resp, PARAM.rr.num, 25, 0.88);
    const waveLabel = (row: readonly [number, number], text: string, css: string) =>
      new Label(scene, WAVE_X + 4, row[0], { size: 20, colour: css, value: text });
    waveLabel(ROWS.ecg, 'II   x1', PARAM.ecg.css);
    waveLabel(ROWS.pleth, 'Pleth', PARAM.spo2.css);
    waveLabel(ROWS.resp, 'Resp', PARAM.rr.css);
    this.rhythmLabel = new Label(scene, WAVE_X + WAVE_W - 4, ROWS.ecg[0] + 2, {
      size: 18,
      colour: PARAM.ecg.css,
      bold: true,
      originX: 1,
    });
    this.traces = scene.add.graphics();
    const box = (row: readonly [number, number], x: number, w: number) => ({ x, y: row[0], w, h: row[1] });
    this.boxes = {
      hr: new NumericBox(scene, {
        ...box(ROWS.ecg, BOX_X, BOX_W),
        label: 'HR',
        unit: 'bpm',
        colour: PARAM.ecg,
        limits: limitsOf('hr', String),
        param: 'hr',
        valueSize: 76,
        valueAt: 0.6,
      }),
      spo2: new NumericBox(scene, {
        ...box(ROWS.pleth, BOX_X, BOX_W),
        label: 'SpO₂',
        unit: '%',
        colour: PARAM.spo2,
        limits: limitsOf('spo2', String),
        param: 'spo2',
        valueSize: 68,
        valueAt: 0.6,
      }),
      rr: new NumericBox(scene, {
        ...box(ROWS.resp, BOX_X, BOX_W),
        label: 'RR',
        unit: 'rpm',
        colour: PARAM.rr,
        limits: limitsOf('rr', String),
        param: 'rr',
        valueSize: 60,
        valueAt: 0.62,
      }),
      map: new NumericBox(scene, {
        ...box(ROWS.bottom, WAVE_X, WAVE_W),
        label: 'NIBP',
        unit: 'mmHg',
        colour: PARAM.bp,
        limits: limitsOf('map', String),
        limitsLabel: 'MAP',
        wide: true,
        param: 'map',
        valueSize: 68,
        valueAt: 0.5,
        subSize: 40,
        note: true,
      }),
      temp: new NumericBox(scene, {
        ...box(ROWS.bottom, BOX_X, BOX_W),
        label: 'Temp',
        unit: '°C',
        colour: PARAM.temp,
        limits: limitsOf('temp', oneDecimal),
        param: 'temp',
        valueSize: 56,
        valueAt: 0.62,
      }),
    };
    this.heart = scene.add.graphics();
    this.prefill(view);
  }

  /** A full still trace, so the screen is never empty before the first sweep. */
  private prefill(view: BayView): void {
    const w = this.waves(view);
    this.ecg.fillStatic(w.ecgRate, w.ecg, 70);
    this.pleth.fillStatic(w.ecgRate, w.pleth, w.plethGain);
    this.resp.fillStatic(view.vitals.rr, w.resp, 58);
  }

  private waves(view: BayView): {
    ecg: Waveform;
    ecgRate: number;
    pleth: Waveform;
    resp: Waveform;
    plethGain: number;
  } {
    const { dead, arrest } = view.patient;
    const rhythm = view.rhythm.id;
    return {
      ecg: dead ? flatLine : ecgWave(rhythm),
      // VF has no rate: its wave is one long chaotic cycle.
      ecgRate: rhythm === 'vf' ? VF_CYCLES_PER_MIN : (view.vitals.hr ?? 0),
      // No pulse, no pleth; in an arrest the resp trace shows only the team's ventilations.
      pleth: dead || arrest ? flatLine : pleth,
      resp: dead || view.vitals.rr <= 0 ? flatLine : respiration,
      plethGain: PLETH_GAIN[view.patient.perfusion],
    };
  }

  update(view: BayView, timeMs: number, dtSec: number): void {
    const { vitals, alarms } = view;
    this.clock.set(`T+ ${clockText(view.nowMin)}`);
    const arrestAlarm = view.patient.arrest || view.patient.dead ? ARREST_ALARM[view.rhythm.id] : undefined;
    const messages = [
      arrestAlarm ?? '',
      ...(['hr', 'map', 'spo2', 'rr', 'temp'] as const).map((p) => alarmMessage(p, alarms[p])),
    ].filter((m) => m !== '');
    // Like a real monitor, the header names the alarms; two at most, then a count of the rest.
    const shown = messages.slice(0, 2).join('  ');
    const more = messages.length > 2 ? `  +${String(messages.length - 2)}` : '';
    this.banner.set(messages.length > 0 ? `*** ${shown}${more}` : '');
    this.banner.text.setVisible(messages.length > 0);

    this.rhythmLabel.set(view.rhythm.name);
    // Long names ("Ventricular tachycardia (with a pulse)") shrink to fit beside the lead label.
    this.rhythmLabel.text.setScale(Math.min(1, (WAVE_W - 80) / Math.max(1, this.rhythmLabel.text.width)));
    this.boxes.hr.setValue(whole(vitals.hr));
    this.boxes.spo2.setValue(whole(vitals.spo2));
    this.boxes.rr.setValue(whole(vitals.rr));
    const arterial = view.bpSource === 'arterial';
    this.boxes.map.setTitle(arterial ? 'ART' : 'NIBP');
    this.boxes.map.setValue(
      vitals.sbp === null || vitals.dbp === null ? '---' : `${whole(vitals.sbp)}/${whole(vitals.dbp)}`,
      vitals.map === null ? '' : `(${whole(vitals.map)})`,
      view.patient.arrest
        ? vitals.map === null
          ? 'No pulse'
          : 'From compressions'
        : arterial
          ? 'Continuous'
          : `Last cycle T+ ${clockText(view.nibpAtMin)}`,
    );
    this.boxes.temp.setValue(oneDecimal(vitals.temp));
    const steady = view.reducedMotion || view.paused;
    const flashOn = Math.floor(timeMs / 500) % 2 === 0;
    for (const p of ['hr', 'map', 'spo2', 'rr', 'temp'] as const) {
      this.boxes[p].setAlarm(alarms[p], steady, flashOn);
    }

    const w = this.waves(view);
    const g = this.traces;
    g.clear();
    // Time jumps in steps: what the monitor shows after one is the new rhythm across the whole screen.
    const wavesKey = `${w.ecg.name}|${w.pleth.name}|${w.resp.name}`;
    if (wavesKey !== this.wavesKey) {
      this.wavesKey = wavesKey;
      this.prefill(view);
    }
    if (view.reducedMotion) {
      this.prefill(view);
    } else if (!view.paused) {
      this.ecg.advance(dtSec, w.ecgRate, w.ecg, 70);
      this.pleth.advance(dtSec, w.ecgRate, w.pleth, w.plethGain);
      this.resp.advance(dtSec, vitals.rr, w.resp, 58);
    }
    const gap = !view.reducedMotion;
    this.ecg.draw(g, gap);
    this.pleth.draw(g, gap);
    this.resp.draw(g, gap);
    this.drawHeartSymbol(view, timeMs);
  }

  /** The little heart beside HR lights up on each R wave (steady when motion is reduced, gone in asystole). */
  private drawHeartSymbol(view: BayView, timeMs: number): void {
    if (this.ecg.beats !== this.heartBeats) {
      if (this.heartBeats >= 0) this.heartUntil = timeMs + 160;
      this.heartBeats = this.ecg.beats;
    }
    const lit = view.reducedMotion || timeMs < this.heartUntil;
    this.heart.clear();
    if (view.patient.dead || view.vitals.hr === null) return;
    drawHeart(this.heart, BOX_X + 70, ROWS.ecg[0] + 21, 9, PARAM.ecg.num, lit ? 1 : 0.3);
  }
}
