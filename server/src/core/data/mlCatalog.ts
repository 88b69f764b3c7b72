import { Checker } from './validate';
import { nearestNames, type CriteriaMap, type Framework } from './criteria';

/** An ML topic an auditor of an ML company asks about (SPEC §4). */
export interface MlTopic {
  readonly id: string;
  readonly title: string;
  /** Other section headings that count as a section about the topic. */
  readonly synonyms: readonly string[];
  /** Criteria whose claim obliges a policy to address the topic. */
  readonly home: readonly string[];
  /** Criteria the topic contributes to (home included). */
  readonly supports: readonly string[];
  /**
   * Items of other frameworks the topic helps meet, keyed by framework id
   * (`iso42001: [A.7.5]`), strongest first: what hovers, completion and quick fixes suggest.
   */
  readonly frameworks?: Readonly<Record<string, readonly string[]>>;
  /** What an auditor looks for, in one line. */
  readonly auditor: string;
  /** The Markdown body a quick fix inserts under the topic's heading. */
  readonly template: string;
}

/**
 * Parses and validates the ML catalog (or a workspace's own topics). `criteria` checks the TSC
 * ids of `home` and `supports`; `linkable`, when given, the keys and ids of `frameworks`.
 */
export function parseMlTopics(raw: unknown, source: string, criteria: CriteriaMap, linkable?: readonly Framework[]): MlTopic[] {
  const check = new Checker();
  const root = check.record(raw, source) ?? {};
  const seen = new Set<string>();
  const topics = check.list(root.topics, 'topics').map((entry, i): MlTopic => {
    const where = `topics[${i}]`;
    const t = check.record(entry, where) ?? {};
    const id = check.string(t.id, `${where}.id`);
    if (seen.has(id)) check.problems.push(`${where}: duplicate id ${id}`);
    seen.add(id);
    const home = check.strings(t.home, `${where}.home`);
    const supports = check.strings(t.supports, `${where}.supports`, true);
    for (const criterion of [...home, ...supports]) {
      if (!criteria.get(criterion)) check.problems.push(`${where}: unknown criterion ${criterion}`);
    }
    const frameworks = parseFrameworkLinks(t.frameworks, `${where}.frameworks`, check, linkable);
    return {
      id,
      title: check.string(t.title, `${where}.title`),
      synonyms: check.strings(t.synonyms, `${where}.synonyms`, true),
      home,
      supports: [...new Set([...home, ...supports])],
      ...(frameworks ? { frameworks } : {}),
      auditor: check.string(t.auditor, `${where}.auditor`),
      template: check.string(t.template, `${where}.template`).trimEnd(),
    };
  });
  check.fail(source);
  return topics;
}

/**
 * A topic's `frameworks` map. Without `linkable` only its shape is checked: a workspace's own
 * topics are read before the frameworks it turns on are known.
 */
function parseFrameworkLinks(value: unknown, where: string, check: Checker, linkable: readonly Framework[] | undefined): Record<string, readonly string[]> | undefined {
  if (value === undefined) return undefined;
  const record = check.record(value, where);
  if (!record) return undefined;
  const itemsOf = linkable && new Map(linkable.map((f) => [f.id, new Set(f.criteria.map((c) => c.id))]));
  const links = Object.entries(record).map(([framework, ids]): [string, readonly string[]] => {
    const items = [...new Set(check.strings(ids, `${where}.${framework}`))];
    const known = itemsOf?.get(framework);
    if (itemsOf && !known) {
      check.problems.push(`${where}: unknown framework ${framework}${didYouMean(nearestNames(framework, itemsOf.keys(), 3))}`);
    } else if (known) {
      for (const item of items) {
        if (item && !known.has(item)) check.problems.push(`${where}.${framework}: unknown item ${item}${didYouMean(nearestNames(item, known, 2))}`);
      }
    }
    return [framework, items];
  });
  // fromEntries, not assignment, so that a key such as `__proto__` stays an ordinary key.
  return Object.fromEntries(links);
}

function didYouMean(names: readonly string[]): string {
  return names.length > 0 ? ` (did you mean ${names.slice(0, 3).join(' or ')}?)` : '';
}

export class MlCatalog {
  private readonly byId: Map<string, MlTopic>;
  private readonly byHome = new Map<string, MlTopic[]>();

  constructor(readonly topics: readonly MlTopic[]) {
    this.byId = new Map(topics.map((t) => [t.id, t]));
    for (const topic of topics) {
      for (const criterion of topic.home) {
        const list = this.byHome.get(criterion) ?? [];
        list.push(topic);
        this.byHome.set(criterion, list);
      }
    }
  }

  get(id: string): MlTopic | undefined {
    return this.byId.get(id);
  }

  /** Topics for which `criterion` is a home criterion. */
  topicsAtHome(criterion: string): readonly MlTopic[] {
    return this.byHome.get(criterion) ?? [];
  }
}
