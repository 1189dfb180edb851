import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildScormPackage, manifestFor, type BuiltPackage } from '../../scripts/scorm/package.ts';
import { validateManifest } from '../support/scorm-schema.ts';
import { ROOT } from '../support/load.ts';

describe('the SCORM 1.2 package', () => {
  let built: BuiltPackage;
  let zip: Record<string, Uint8Array>;
  beforeAll(async () => {
    built = await buildScormPackage({
      root: ROOT,
      cases: ['septic-shock-spondylodiscitis'],
      passMark: 75,
      outFile: join(mkdtempSync(join(tmpdir(), 'bedside-scorm-test-')), 'bedside-scorm.zip'),
    });
    zip = unzipSync(readFileSync(built.outFile));
  }, 120_000);

  it('has imsmanifest.xml at its root, valid against the SCORM 1.2 control documents', async () => {
    expect(Object.keys(zip)).toContain('imsmanifest.xml');
    const manifest = new TextDecoder().decode(zip['imsmanifest.xml']);
    expect(await validateManifest(manifest)).toEqual([]);
    expect(manifest).toContain('<schemaversion>1.2</schemaversion>');
    expect(manifest).toContain('adlcp:scormtype="sco" href="index.html"');
    expect(manifest).toContain('<adlcp:masteryscore>75</adlcp:masteryscore>');
  });

  it('lists every file it ships, and ships every file it lists', () => {
    const manifest = new TextDecoder().decode(zip['imsmanifest.xml']);
    const listed = [...manifest.matchAll(/<file href="([^"]+)"\/>/g)].map((m) => m[1]).sort();
    const shipped = Object.keys(zip)
      .filter((f) => f !== 'imsmanifest.xml')
      .sort();
    expect(listed).toEqual(shipped);
    expect(shipped).toEqual(
      expect.arrayContaining(['index.html', 'imscp_rootv1p1p2.xsd', 'adlcp_rootv1p2.xsd']),
    );
  });

  it('loads its files relative to index.html and has no service worker', () => {
    const html = new TextDecoder().decode(zip['index.html']);
    expect(html).toMatch(/src="\.\/assets\//);
    expect(Object.keys(zip).filter((f) => /sw\.js$|workbox|manifest\.webmanifest/.test(f))).toEqual([]);
  });

  it('refuses a case it does not have and a pass mark that is not a percent, naming the option', async () => {
    const outFile = join(tmpdir(), 'never.zip');
    await expect(
      buildScormPackage({ root: ROOT, cases: ['no-such-case'], passMark: null, outFile }),
    ).rejects.toThrow(/--cases: no case no-such-case/);
    await expect(
      buildScormPackage({ root: ROOT, cases: ['septic-shock-spondylodiscitis'], passMark: 120, outFile }),
    ).rejects.toThrow(/--pass-mark/);
  });

  it('a manifest the control documents refuse is reported (the validator can fail)', async () => {
    const broken = manifestFor({
      identifier: 'has space',
      title: 'x',
      itemTitle: 'y',
      masteryScore: null,
      files: ['index.html'],
    }).replace('<schemaversion>1.2</schemaversion>', '<schemaversion>1.2</schemaversion><bogus/>');
    expect((await validateManifest(broken)).length).toBeGreaterThan(0);
    const fine = manifestFor({
      identifier: 'x',
      title: 't',
      itemTitle: 'i',
      masteryScore: 80,
      files: ['index.html'],
    });
    expect(await validateManifest(fine)).toEqual([]);
    // ADL CP's attribute on IMS CP's element is checked too.
    expect((await validateManifest(fine.replace('scormtype="sco"', 'scormtype="page"'))).join()).toMatch(
      /scormtype.*not an element of the set/,
    );
  });
});
