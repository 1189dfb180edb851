/// <reference types="vite/client" />

/** Build options (set by scripts/build-scorm.ts; a plain `npm run build` sets none). */
interface ImportMetaEnv {
  /** "scorm12": look for a SCORM 1.2 LMS and report to it. */
  readonly VITE_BEDSIDE_LMS?: string;
  /** The case ids this build offers, comma-separated (all when unset). */
  readonly VITE_BEDSIDE_CASES?: string;
  /** The pass mark (percent) for passed/failed, over the case's own. */
  readonly VITE_BEDSIDE_PASS_MARK?: string;
}

/** The shipped cases, validated at build time (scripts/vite-cases.ts). */
declare module 'virtual:bedside/cases' {
  export const shelf: import('./view/case-listing.ts').Shelf;
  /** The case, fetched on first use (undefined for an id that is not shipped). */
  export function fetchCase(id: string): Promise<import('./engine/index.ts').ResolvedCase | undefined>;
}
declare module 'virtual:bedside/catalog' {
  const catalog: import('./engine/index.ts').Catalog | null;
  export default catalog;
}
