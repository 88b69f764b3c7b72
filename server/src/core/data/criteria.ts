import { distance } from 'fastest-levenshtein';
import { Checker } from './validate';

/** A category of the Trust Services Criteria (or of a workspace framework). */
export interface Category {
  /** The key users write in `attest.yaml` (`processing-integrity`). */
  readonly key: string;
  /** The display name (`Processing Integrity`). */
  readonly name: string;
  readonly alwaysInScope: boolean;
}

export interface Criterion {
  readonly id: string;
  /** Category key. */
  readonly category: string;
  readonly series: string;
  readonly seriesName: string;
  /** A short name (`Data provenance`), where the framework gives one; the TSC's ids are their names. */
  readonly title?: string;
  readonly summary: string;
  /** Id of the framework the criterion comes from. */
  readonly framework: string;
}

export interface Framework {
  readonly id: string;
  readonly title: string;
  readonly categories: readonly Category[];
  readonly criteria: readonly Criterion[];
}

/** Parses and validates a framework data file (already YAML-decoded). */
export function parseFramework(raw: unknown, source: string): Framework {
  const check = new Checker();
  const root = check.record(raw, source) ?? {};
  const id = check.string(root.id, 'id');
  const title = check.string(root.title, 'title');
  const categories = check.list(root.categories, 'categories').map((entry, i): Category => {
    const c = check.record(entry, `categories[${i}]`) ?? {};
    return {
      key: check.string(c.key, `categories[${i}].key`),
      name: check.string(c.name, `categories[${i}].name`),
      alwaysInScope: c.alwaysInScope === true,
    };
  });
  const seriesNames = new Map<string, string>();
  check.list(root.series, 'series').forEach((entry, i) => {
    const s = check.record(entry, `series[${i}]`) ?? {};
    seriesNames.set(check.string(s.id, `series[${i}].id`), check.string(s.name, `series[${i}].name`));
  });
  const categoryKeys = new Set(categories.map((c) => c.key));
  const seen = new Set<string>();
  const criteria = check.list(root.criteria, 'criteria').map((entry, i): Criterion => {
    const c = check.record(entry, `criteria[${i}]`) ?? {};
    const criterionId = check.string(c.id, `criteria[${i}].id`);
    const category = check.string(c.category, `criteria[${i}].category`);
    const series = check.string(c.series, `criteria[${i}].series`);
    if (seen.has(criterionId)) check.problems.push(`criteria[${i}]: duplicate id ${criterionId}`);
    seen.add(criterionId);
    if (category && !categoryKeys.has(category)) check.problems.push(`criteria[${i}]: unknown category ${category}`);
    if (series && !seriesNames.has(series)) check.problems.push(`criteria[${i}]: unknown series ${series}`);
    const itemTitle = check.optionalString(c.title, `criteria[${i}].title`);
    return {
      id: criterionId,
      category,
      series,
      seriesName: seriesNames.get(series) ?? series,
      ...(itemTitle !== undefined ? { title: itemTitle } : {}),
      summary: check.string(c.summary, `criteria[${i}].summary`),
      framework: id,
    };
  });
  check.fail(source);
  return { id, title, categories, criteria };
}

/** Every criterion Attest knows of: the bundled map plus any workspace frameworks. */
export class CriteriaMap {
  private readonly byId = new Map<string, Criterion>();
  private readonly categoryByKey = new Map<string, Category>();

  constructor(readonly frameworks: readonly Framework[]) {
    for (const framework of frameworks) {
      for (const category of framework.categories) {
        if (!this.categoryByKey.has(category.key)) this.categoryByKey.set(category.key, category);
      }
      for (const criterion of framework.criteria) {
        if (!this.byId.has(criterion.id)) this.byId.set(criterion.id, criterion);
      }
    }
  }

  get all(): Iterable<Criterion> {
    return this.byId.values();
  }

  get categories(): readonly Category[] {
    return [...this.categoryByKey.values()];
  }

  get(id: string): Criterion | undefined {
    return this.byId.get(id);
  }

  category(key: string): Category | undefined {
    return this.categoryByKey.get(key);
  }

  /** How a category is shown (`Processing Integrity`); its key when no framework names it. */
  categoryName(key: string): string {
    return this.categoryByKey.get(key)?.name ?? key;
  }

  /**
   * The known ids nearest to an unknown one (`CC9.9` → `CC9.1`, `CC9.2`), best first;
   * empty when nothing is close enough to be a plausible typo.
   */
  nearest(unknown: string): string[] {
    return nearestNames(unknown.toUpperCase(), this.byId.keys(), 2);
  }
}

/** The names at the smallest edit distance from `word`, if within `maxDistance`. */
export function nearestNames(word: string, names: Iterable<string>, maxDistance: number): string[] {
  let best = maxDistance + 1;
  let found: string[] = [];
  for (const name of names) {
    const d = distance(word, name);
    if (d < best) {
      best = d;
      found = [name];
    } else if (d === best) {
      found.push(name);
    }
  }
  return best <= maxDistance ? found : [];
}

/**
 * The names a misspelt key of a map could be renamed to: the nearest names, less those the
 * map already has (`present`), since renaming into one of them would make a duplicate key.
 */
export function nearestNewKeys(word: string, names: Iterable<string>, maxDistance: number, present: Iterable<string>): string[] {
  const taken = new Set(present);
  // Taken names are left out before the nearest are chosen, so that a free one further away is still found.
  return nearestNames(word, [...names].filter((name) => !taken.has(name)), maxDistance);
}
