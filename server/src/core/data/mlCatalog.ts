import { Checker } from './validate';
import type { CriteriaMap } from './criteria';

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
  /** What an auditor looks for, in one line. */
  readonly auditor: string;
  /** The Markdown body a quick fix inserts under the topic's heading. */
  readonly template: string;
}

export function parseMlTopics(raw: unknown, source: string, criteria: CriteriaMap): MlTopic[] {
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
    return {
      id,
      title: check.string(t.title, `${where}.title`),
      synonyms: check.strings(t.synonyms, `${where}.synonyms`, true),
      home,
      supports: [...new Set([...home, ...supports])],
      auditor: check.string(t.auditor, `${where}.auditor`),
      template: check.string(t.template, `${where}.template`).trimEnd(),
    };
  });
  check.fail(source);
  return topics;
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
