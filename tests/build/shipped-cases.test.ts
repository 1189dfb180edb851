import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from 'vite';
import { shippedCases, validateShipped } from '../../scripts/vite-cases.ts';
import { fingerprint } from '../../src/view/case-listing.ts';
import { ROOT, shippedCasePaths } from '../support/load.ts';

/** A copy of cases/ to break. */
function copyOfCases(): string {
  const root = mkdtempSync(join(tmpdir(), 'bedside-shipped-'));
  cpSync(join(ROOT, 'cases'), join(root, 'cases'), { recursive: true });
  return root;
}

describe('shipped cases are validated when the site is built', () => {
  it('lists every shipped case in the picker order, with the fingerprint a save is checked against', () => {
    const v = validateShipped(ROOT);
    expect(v.shelf.problems).toEqual([]);
    expect(v.shelf.listings.map((c) => c.kind)).toEqual(
      [...v.shelf.listings.map((c) => c.kind)].sort(
        (a, b) => (a === 'real-case' ? 0 : 1) - (b === 'real-case' ? 0 : 1),
      ),
    );
    const first = 'septic-shock-spondylodiscitis';
    expect(v.shelf.hashes[first]).toBe(
      fingerprint(readFileSync(join(ROOT, 'cases', `${first}.json`), 'utf8')),
    );
    expect(v.cases.size).toBe(v.shelf.listings.length);
  });

  it('a broken shipped case is reported with its file, line and field, and the others still load', () => {
    const root = copyOfCases();
    const path = join(root, 'cases', 'diabetic-ketoacidosis.json');
    writeFileSync(path, readFileSync(path, 'utf8').replace('"weightKg": {', '"weightKg": { "bogus": 1,'));
    const v = validateShipped(root);
    expect(v.shelf.problems.length).toBeGreaterThan(0);
    expect(v.shelf.problems[0]).toMatchObject({
      file: 'cases/diabetic-ketoacidosis.json',
      severity: 'error',
    });
    expect(v.shelf.problems[0]?.line).toBeGreaterThan(1);
    expect(v.shelf.problems[0]?.path).toContain('weightKg');
    expect(v.shelf.listings.map((c) => c.id)).not.toContain('diabetic-ketoacidosis');
    expect(v.shelf.listings.length).toBe(shippedCasePaths().length - 1);
  });

  it('stops the build, naming the problem', async () => {
    const root = copyOfCases();
    const path = join(root, 'cases', 'anaphylaxis-peanut.json');
    writeFileSync(path, readFileSync(path, 'utf8').replace('"weightKg": {', '"weightKg": { "bogus": 1,'));
    writeFileSync(join(root, 'index.html'), '<script type="module">import "virtual:bedside/cases";</script>');
    await expect(
      build({
        root,
        configFile: false,
        logLevel: 'silent',
        plugins: [shippedCases(root)],
        build: { outDir: join(root, 'dist'), write: false },
      }),
    ).rejects.toThrow(/cases\/anaphylaxis-peanut\.json:\d+:\d+ +patient\.weightKg/);
  });
});
