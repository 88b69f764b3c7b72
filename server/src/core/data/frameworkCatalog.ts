import { distance } from 'fastest-levenshtein';
import type { Criterion, Framework } from './criteria';

/** The bundled frameworks that attest.yaml may turn on by name, each parsed when first asked for. */
export interface BundledFrameworks {
  readonly ids: readonly string[];
  get(id: string): Framework | undefined;
}

export const NO_BUNDLED_FRAMEWORKS: BundledFrameworks = { ids: [], get: () => undefined };

/** How a framework is named in messages and views: its category's name (`ISO/IEC 42001`), else its title. */
export function shortName(framework: Framework): string {
  return framework.categories.length === 1 ? framework.categories[0].name : framework.title;
}

/** One item of a framework as messages name it, with its article: `an Annex A control`, `a subcategory`. */
export function itemNoun(framework: Framework): string {
  if (framework.id === 'nist-ai-rmf') return 'a subcategory';
  return framework.id.startsWith('iso') ? 'an Annex A control' : 'an item';
}

/** A key as people write it, for comparing: `ISO 42001`, `iso-42001` and `ISO42001` are the same. */
export function normalizedKey(key: string): string {
  return key.toLowerCase().replace(/[^a-z0-9]+/g, '');
}

/**
 * The frameworks a workspace turns on besides the Trust Services Criteria (SPEC §11). Ids
 * overlap between frameworks (A.5.2 is in both ISO annexes), so an item is only ever
 * looked up through its framework.
 */
export class FrameworkCatalog {
  private readonly enabledById: ReadonlyMap<string, Framework>;
  private readonly itemsOf = new Map<string, ReadonlyMap<string, Criterion>>();

  constructor(
    /** The enabled frameworks, in the order attest.yaml lists them. */
    readonly enabled: readonly Framework[],
    private readonly bundled: BundledFrameworks = NO_BUNDLED_FRAMEWORKS,
  ) {
    this.enabledById = new Map(enabled.map((f) => [f.id, f]));
  }

  /** The ids of every bundled framework, enabled or not. */
  get bundledIds(): readonly string[] {
    return this.bundled.ids;
  }

  /** An enabled framework. */
  get(id: string): Framework | undefined {
    return this.enabledById.get(id);
  }

  isEnabled(id: string): boolean {
    return this.enabledById.has(id);
  }

  /** A bundled framework, enabled or not (for hovers and the Statement of Applicability). */
  known(id: string): Framework | undefined {
    return this.enabledById.get(id) ?? this.bundled.get(id);
  }

  /** An item of a framework, enabled or not: `item('iso42001', 'A.7.5')`. */
  item(frameworkId: string, itemId: string): Criterion | undefined {
    const framework = this.known(frameworkId);
    if (!framework) return undefined;
    let items = this.itemsOf.get(frameworkId);
    if (!items) {
      items = new Map(framework.criteria.map((c) => [c.id, c]));
      this.itemsOf.set(frameworkId, items);
    }
    return items.get(itemId);
  }

  /** The enabled frameworks other than `except` that have an item with this id. */
  frameworksHolding(itemId: string, except?: string): Framework[] {
    return this.enabled.filter((f) => f.id !== except && this.item(f.id, itemId) !== undefined);
  }

  /**
   * The ids of a framework nearest to an unknown one, best first, at most `max`: the fewest
   * edits, and among as near ones the numerically closest (`A.6.2.9` → `A.6.2.8`, `GOVERN 7.1`
   * → `GOVERN 6.1`, `A.8.35` → `A.8.34`). Empty when nothing is close enough to be a typo.
   */
  nearestItems(frameworkId: string, unknown: string, max = 3): string[] {
    const framework = this.known(frameworkId);
    if (!framework) return [];
    const wanted = unknown.trim().toUpperCase().replace(/\s+/g, ' ');
    const limit = Math.max(2, Math.floor(wanted.length / 4));
    const scored = framework.criteria
      .map((c) => ({ id: c.id, edits: distance(wanted, c.id.toUpperCase()), gap: numericGap(wanted, c.id) }))
      .filter((s) => s.edits <= limit);
    const best = Math.min(...scored.map((s) => s.edits));
    return scored
      .filter((s) => s.edits === best)
      .sort((a, b) => a.gap - b.gap)
      .slice(0, max)
      .map((s) => s.id);
  }

  /**
   * The bundled or workspace framework a misspelt key most likely means (`ISO 42001` →
   * `iso42001`, `nist-ai-rfm` → `nist-ai-rmf`), from `names`, or undefined.
   */
  static nearestName(key: string, names: readonly string[]): string | undefined {
    const wanted = normalizedKey(key);
    let best: { name: string; edits: number } | undefined;
    for (const name of names) {
      const edits = distance(wanted, normalizedKey(name));
      if (!best || edits < best.edits) best = { name, edits };
    }
    return best && best.edits <= Math.max(2, Math.floor(wanted.length / 3)) ? best.name : undefined;
  }
}

/**
 * How far apart the numbers of two ids are, earlier numbers weighing more: `A.6.2.9` is
 * nearer `A.6.2.8` than `A.6.2.2`. Ids with other numbers of parts compare by what they share.
 */
function numericGap(a: string, b: string): number {
  const numbers = (id: string): number[] => (id.match(/\d+/g) ?? []).map(Number);
  const [x, y] = [numbers(a), numbers(b)];
  let gap = Math.abs(x.length - y.length) * 1e9;
  for (let i = 0; i < Math.min(x.length, y.length); i++) gap += Math.abs(x[i] - y[i]) * 1000 ** Math.max(0, 3 - i);
  return gap;
}
