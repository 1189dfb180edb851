import type * as Phaser from 'phaser';
import { ARM } from './body.ts';
import { DRIP_OUT, DRIVER_OUT } from './iv-pole.ts';
import { fromBackrest } from './trolley.ts';

interface P {
  x: number;
  y: number;
}

/** Strokes a cubic Bézier from a to d with control points b and c. */
export function cubic(g: Phaser.GameObjects.Graphics, a: P, b: P, c: P, d: P, steps = 28): void {
  g.beginPath();
  g.moveTo(a.x, a.y);
  for (let i = 1; i <= steps; i += 1) {
    const t = i / steps;
    const u = 1 - t;
    const x = u * u * u * a.x + 3 * u * u * t * b.x + 3 * u * t * t * c.x + t * t * t * d.x;
    const y = u * u * u * a.y + 3 * u * u * t * b.y + 3 * u * t * t * c.y + t * t * t * d.y;
    g.lineTo(x, y);
  }
  g.strokePath();
}

/**
 * Monitoring cables, always there: ECG leads from the chest gathered into one cable, the SpO2 cable and the NIBP
 * hose, draped over the sheet and off the side of the trolley to the monitor.
 */
export function drawMonitoringCables(
  g: Phaser.GameObjects.Graphics,
  angle?: number,
  shoulder: P = ARM.shoulder,
): void {
  const join = { x: 318, y: 470 };
  const leads: [number, number, number][] = [
    [-128, -66, 0xf4f4f4],
    [-104, -68, 0x222222],
    [-84, -60, 0xd8342c],
  ];
  for (const [lx, ly, colour] of leads) {
    const from = fromBackrest(lx, ly, angle);
    g.fillStyle(0xf2f2f2, 1);
    g.fillCircle(from.x, from.y, 4);
    g.lineStyle(2, colour, 1);
    cubic(g, from, { x: from.x + 30, y: from.y + 20 }, { x: join.x - 30, y: join.y - 10 }, join, 14);
  }
  g.lineStyle(4, 0x3a4650, 1);
  cubic(g, join, { x: 470, y: 486 }, { x: 560, y: 600 }, { x: 708, y: 560 });
  g.lineStyle(3, 0x36424b, 1);
  cubic(
    g,
    { x: ARM.finger.x + 12, y: ARM.finger.y },
    { x: 500, y: 450 },
    { x: 600, y: 620 },
    { x: 708, y: 590 },
  );
  const cuff = { x: (shoulder.x + ARM.elbow.x) / 2 + 14, y: (shoulder.y + ARM.elbow.y) / 2 };
  g.lineStyle(4, 0x5d6f86, 1);
  cubic(g, cuff, { x: cuff.x + 60, y: cuff.y + 30 }, { x: 560, y: 540 }, { x: 708, y: 520 });
}

/** The giving set from the drip chamber and the syringe driver line, both to the cannula. */
export function drawIvLines(g: Phaser.GameObjects.Graphics, drip: boolean, infusion: boolean): void {
  const c = ARM.cannula;
  if (drip) {
    g.lineStyle(3, 0xf2f8fb, 0.95);
    cubic(g, DRIP_OUT, { x: DRIP_OUT.x, y: 380 }, { x: c.x + 70, y: c.y - 60 }, { x: c.x + 2, y: c.y });
  }
  if (infusion) {
    g.lineStyle(2.5, 0xf3b8cf, 1);
    cubic(
      g,
      DRIVER_OUT,
      { x: DRIVER_OUT.x + 30, y: 380 },
      { x: c.x + 90, y: c.y - 30 },
      { x: c.x + 4, y: c.y + 2 },
    );
  }
}

/** Oxygen tubing from the reservoir bag under the chin to the flowmeter on the wall. */
export function drawOxygenTubing(g: Phaser.GameObjects.Graphics, maskOutlet: P): void {
  g.lineStyle(4, 0xbfead3, 0.95);
  cubic(g, maskOutlet, { x: maskOutlet.x - 40, y: maskOutlet.y + 120 }, { x: 40, y: 330 }, { x: 96, y: 236 });
}

/** A radial arterial line: a dressing over the wrist and the red-striped pressure tubing off to the transducer. */
export function drawArterialLine(g: Phaser.GameObjects.Graphics): void {
  const site = { x: ARM.wrist.x + 6, y: ARM.wrist.y + 4 };
  g.lineStyle(3, 0xf4f7f9, 1);
  cubic(g, site, { x: site.x + 40, y: site.y + 50 }, { x: 560, y: 640 }, { x: 708, y: 610 });
  g.lineStyle(1.5, 0xd3263a, 1);
  cubic(g, site, { x: site.x + 40, y: site.y + 50 }, { x: 560, y: 640 }, { x: 708, y: 610 });
  g.fillStyle(0xf6f2ea, 1);
  g.fillRoundedRect(site.x - 11, site.y - 8, 22, 16, 4);
  g.fillStyle(0xd3263a, 1);
  g.fillRect(site.x - 3, site.y - 3, 10, 6);
}
