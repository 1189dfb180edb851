import { fetchCase, shelf } from 'virtual:bedside/cases';
import type { Problem, ResolvedCase, TextFile } from '../engine/index.ts';
import { clearLocalCase, readLocalCase, type LocalCase } from './local-case.ts';
import { fingerprint, listingOf, type CaseListing } from '../view/case-listing.ts';

/**
 * The cases this page offers: the shipped ones as the build validated them (listed at once, each fetched when first
 * wanted), and an author's own file, checked here by the full loader (fetched only then). Never throws: one bad file
 * cannot stop the rest.
 */
export class Cases {
  /** In the picker's order; an author's file replaces a shipped case with its id, or comes last. */
  listings: CaseListing[];
  /** Each case's fingerprint by id, which a save must match. */
  readonly hashes: Map<string, string>;
  readonly problems: Problem[];
  /** The case opened from the author's own file, if any. */
  local: LocalCase | null = null;
  private readonly resolved = new Map<string, ResolvedCase>();
  /** Title of each shipped case by id, to say which one an author's file replaces. */
  private readonly shippedTitles: Map<string, string>;

  /** `offered`: the build's cases (a SCORM package's one case or set), or empty for all. */
  constructor(private readonly offered: readonly string[]) {
    this.listings = this.shipped();
    this.hashes = new Map(Object.entries(shelf.hashes));
    this.problems = [...shelf.problems];
    this.shippedTitles = new Map(shelf.listings.map((c) => [c.id, c.title]));
  }

  /** The shipped cases this build offers, in the picker's order. */
  private shipped(): CaseListing[] {
    return shelf.listings.filter((c) => this.offered.length === 0 || this.offered.includes(c.id));
  }

  /** The case if it is here already (chosen or played in this page). */
  get(id: string): ResolvedCase | undefined {
    return this.resolved.get(id);
  }

  listed(id: string | null): boolean {
    return id !== null && this.listings.some((c) => c.id === id);
  }

  /** The case, fetched if need be; undefined for one not offered, or when its file cannot be fetched. */
  async need(id: string | null): Promise<ResolvedCase | undefined> {
    if (id === null || !this.listed(id)) return undefined;
    const here = this.resolved.get(id);
    if (here !== undefined) return here;
    try {
      const fetched = await fetchCase(id);
      if (fetched !== undefined) this.resolved.set(id, fetched);
      return fetched;
    } catch {
      return undefined;
    }
  }

  /**
   * An author's file: load it beside the shipped cases (replacing an earlier one, or a shipped case with its id).
   * Returns its problems (empty when it loaded; warnings are not problems here).
   */
  async addLocal(file: TextFile): Promise<Problem[]> {
    const [{ loadLocalCase }, { default: catalog }] = await Promise.all([
      import('./local-case-load.ts'),
      import('virtual:bedside/catalog'),
    ]);
    if (catalog === null) return [];
    const result = loadLocalCase(file, catalog, this.shippedTitles);
    if (!result.ok) return result.problems;
    const id = result.local.id;
    if (this.local !== null && this.local.id !== id) this.dropLocal();
    this.listings = [...this.listings.filter((c) => c.id !== id), listingOf(result.value)];
    this.resolved.set(id, result.value);
    this.hashes.set(id, fingerprint(file.text));
    this.local = result.local;
    return [];
  }

  /** The author's file kept from an earlier visit: loaded, or (if it no longer loads) said once and forgotten. */
  async addStoredLocal(storage: Storage): Promise<void> {
    const file = readLocalCase(storage);
    if (file === null) return;
    const problems = await this.addLocal(file);
    if (problems.length > 0) {
      clearLocalCase(storage);
      this.problems.push(...problems);
    }
  }

  /** Forget the author's file: the shipped case it replaced (if any) comes back as shipped. */
  dropLocal(): void {
    const local = this.local;
    if (local === null) return;
    this.local = null;
    this.resolved.delete(local.id);
    // One author's file at a time: without it, the list is the shipped one again.
    this.listings = this.shipped();
    const hash = shelf.hashes[local.id];
    if (hash === undefined) this.hashes.delete(local.id);
    else this.hashes.set(local.id, hash);
  }
}
