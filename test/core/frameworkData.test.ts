import * as assert from 'assert';
import { readFileSync } from 'fs';
import { join } from 'path';
import { parse } from 'yaml';
import { criteriaMapOf } from '../../server/src/core/data/bundled';
import { CriteriaMap, parseFramework, type Framework } from '../../server/src/core/data/criteria';
import { parseMlTopics } from '../../server/src/core/data/mlCatalog';
import { DataFileError } from '../../server/src/core/data/validate';
import { findDataDir, loadBundledData } from '../../server/src/node/bundledData';

const OPTIONAL = ['iso42001', 'nist-ai-rmf', 'iso27001'];
const TOPIC_LINKS = ['iso42001', 'nist-ai-rmf'];

function text(id: string): string {
  return readFileSync(join(findDataDir(), 'frameworks', `${id}.yaml`), 'utf8');
}

function load(id: string): Framework {
  return parseFramework(parse(text(id)), `${id}.yaml`);
}

/** The items as written, with the fields `Criterion` does not keep (`title`). */
function rawItems(id: string): { id: string; title?: unknown; summary?: unknown }[] {
  return (parse(text(id)) as { criteria: { id: string; title?: unknown; summary?: unknown }[] }).criteria;
}

/** `prefix` followed by each number from `first` to `last`: `A.5.` 1…3 → A.5.1, A.5.2, A.5.3. */
function numbered(prefix: string, first: number, last: number): string[] {
  return Array.from({ length: last - first + 1 }, (_, i) => `${prefix}${first + i}`);
}

function countBy<T>(items: readonly T[], key: (item: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
}

// The numbering of each annex and of the AI RMF, written out so that a missing, extra or
// misspelt id fails here rather than in an auditor's Statement of Applicability.
const EXPECTED_IDS: Record<string, string[]> = {
  iso42001: [
    ...numbered('A.2.', 2, 4),
    ...numbered('A.3.', 2, 3),
    ...numbered('A.4.', 2, 6),
    ...numbered('A.5.', 2, 5),
    ...numbered('A.6.1.', 2, 3),
    ...numbered('A.6.2.', 2, 8),
    ...numbered('A.7.', 2, 6),
    ...numbered('A.8.', 2, 5),
    ...numbered('A.9.', 2, 4),
    ...numbered('A.10.', 2, 4),
  ],
  'nist-ai-rmf': (
    [
      ['GOVERN', [7, 3, 2, 3, 2, 2]],
      ['MAP', [6, 3, 5, 2, 2]],
      ['MEASURE', [3, 13, 3, 3]],
      ['MANAGE', [4, 4, 2, 3]],
    ] as const
  ).flatMap(([fn, sizes]) => sizes.flatMap((size, i) => numbered(`${fn} ${i + 1}.`, 1, size))),
  iso27001: [...numbered('A.5.', 1, 37), ...numbered('A.6.', 1, 8), ...numbered('A.7.', 1, 14), ...numbered('A.8.', 1, 34)],
};

describe('bundled framework data', () => {
  it('loads each framework file through the validator, under its own id and one category that is always in scope', () => {
    for (const id of OPTIONAL) {
      const framework = load(id);
      assert.strictEqual(framework.id, id);
      assert.deepStrictEqual(
        framework.categories.map((c) => [c.key, c.alwaysInScope]),
        [[id, true]],
      );
      assert.ok(framework.criteria.every((c) => c.category === id && c.framework === id));
    }
  });

  it('has exactly the items of each framework, in order', () => {
    const counts = { iso42001: 38, 'nist-ai-rmf': 72, iso27001: 93 };
    for (const [id, count] of Object.entries(counts)) {
      const ids = load(id).criteria.map((c) => c.id);
      assert.strictEqual(ids.length, count, id);
      assert.deepStrictEqual(ids, EXPECTED_IDS[id], id);
    }
    assert.deepStrictEqual(
      OPTIONAL.map((id) => {
        const ids = load(id).criteria.map((c) => c.id);
        return [ids[0], ids[ids.length - 1]];
      }),
      [
        ['A.2.2', 'A.10.4'],
        ['GOVERN 1.1', 'MANAGE 4.3'],
        ['A.5.1', 'A.8.34'],
      ],
    );
  });

  it('groups the AI RMF by function (19/18/22/13) with its categories as series', () => {
    const criteria = load('nist-ai-rmf').criteria;
    assert.deepStrictEqual(
      countBy(criteria, (c) => c.series.split(' ')[0]),
      { GOVERN: 19, MAP: 18, MEASURE: 22, MANAGE: 13 },
    );
    for (const c of criteria) assert.strictEqual(c.series, c.id.replace(/\.\d+$/, ''), c.id);
    assert.strictEqual(new Set(criteria.map((c) => c.series)).size, 19);
  });

  it('groups each ISO annex by clause: ISO/IEC 27001 into its four themes (37/8/14/34)', () => {
    assert.deepStrictEqual(
      countBy(load('iso27001').criteria, (c) => c.series),
      { 'A.5': 37, 'A.6': 8, 'A.7': 14, 'A.8': 34 },
    );
    assert.deepStrictEqual(
      load('iso27001').criteria.filter((c) => c.series === 'A.8').map((c) => c.seriesName)[0],
      'Technological controls',
    );
    assert.deepStrictEqual(
      countBy(load('iso42001').criteria, (c) => c.series),
      { 'A.2': 3, 'A.3': 2, 'A.4': 5, 'A.5': 4, 'A.6': 9, 'A.7': 5, 'A.8': 4, 'A.9': 3, 'A.10': 3 },
    );
    for (const id of ['iso42001', 'iso27001']) {
      for (const c of load(id).criteria) assert.ok(c.id.startsWith(`${c.series}.`), `${c.id} is in ${c.series}`);
    }
  });

  it('gives every item a short title and a one-line summary of its own', () => {
    for (const id of OPTIONAL) {
      const items = rawItems(id);
      for (const item of items) {
        assert.ok(typeof item.title === 'string' && item.title.trim() !== '' && item.title.length <= 60, `${id} ${item.id} title`);
        assert.ok(typeof item.summary === 'string' && item.summary.trim() !== '' && item.summary.length <= 200, `${id} ${item.id} summary`);
        assert.ok(!item.summary.includes('\n'), `${id} ${item.id} summary is one line`);
      }
      assert.strictEqual(new Set(items.map((i) => i.summary)).size, items.length, `${id} summaries are distinct`);
    }
  });

  it('says at the top of each file that its wording is Attest\'s, not the standard\'s', () => {
    for (const id of OPTIONAL) assert.match(text(id).split('\n')[0], /^# .*Attest's own/, id);
  });

  it('keeps the Trust Services Criteria the only framework active by default', () => {
    const data = loadBundledData();
    assert.deepStrictEqual(
      data.frameworks.map((f) => f.id),
      ['tsc-2017'],
    );
    assert.deepStrictEqual(data.optionalFrameworkIds, OPTIONAL);
    for (const id of OPTIONAL) assert.deepStrictEqual(data.optionalFramework(id), load(id));
    assert.strictEqual(data.optionalFramework('tsc-2017'), undefined, 'the TSC is no optional framework');
    assert.strictEqual(data.optionalFramework('iso-42001'), undefined);
    const criteria = criteriaMapOf(data);
    assert.strictEqual(criteria.get('GOVERN 1.1'), undefined);
    assert.strictEqual(criteria.get('A.8.34'), undefined);
    assert.deepStrictEqual(
      criteria.categories.map((c) => c.key),
      ['security', 'availability', 'processing-integrity', 'confidentiality', 'privacy'],
    );
  });
});

describe('ML topics crosswalk', () => {
  const tsc = (): CriteriaMap => criteriaMapOf(loadBundledData());
  const optionalFrameworks = (): Framework[] => OPTIONAL.map(load);

  it('links every topic to at least one ISO/IEC 42001 control and one AI RMF subcategory that exist', () => {
    // Loading the data checks only the shape of the links (the frameworks are read on demand), so check them here.
    const raw: unknown = parse(readFileSync(join(findDataDir(), 'ml-topics.yaml'), 'utf8'));
    const topics = parseMlTopics(raw, 'ml-topics.yaml', tsc(), optionalFrameworks());
    assert.deepStrictEqual(topics, loadBundledData().topics);
    const itemsOf = new Map(optionalFrameworks().map((f) => [f.id, new Set(f.criteria.map((c) => c.id))]));
    assert.strictEqual(topics.length, 16);
    for (const topic of topics) {
      assert.deepStrictEqual(Object.keys(topic.frameworks ?? {}), TOPIC_LINKS, topic.id);
      for (const framework of TOPIC_LINKS) {
        const ids = topic.frameworks?.[framework] ?? [];
        assert.ok(ids.length > 0, `${topic.id} links to ${framework}`);
        for (const id of ids) assert.ok(itemsOf.get(framework)?.has(id), `${topic.id}: ${id} is in ${framework}`);
      }
    }
  });

  const topic = (frameworks: unknown): unknown => ({ topics: [{ id: 'prompt-injection', title: 'Prompt Injection', home: ['CC7.2'], auditor: 'Prompts are screened.', template: 'Screened.', frameworks }] });
  const problemsOf = (run: () => unknown): readonly string[] => {
    try {
      run();
    } catch (error) {
      if (error instanceof DataFileError) return error.problems;
      throw error;
    }
    return [];
  };

  it('names the unknown framework or item of a link, with the nearest known one', () => {
    const linkable = optionalFrameworks();
    assert.deepStrictEqual(
      problemsOf(() => parseMlTopics(topic({ 'nist-ai-rfm': ['MAP 1.1'], iso42001: ['A.6.2.9', 'A.7.5'] }), 'topics.yaml', tsc(), linkable)),
      ['topics[0].frameworks: unknown framework nist-ai-rfm (did you mean nist-ai-rmf?)', 'topics[0].frameworks.iso42001: unknown item A.6.2.9 (did you mean A.6.2.2 or A.6.2.3 or A.6.2.4?)'],
    );
    assert.deepStrictEqual(
      problemsOf(() => parseMlTopics(topic(['A.7.5']), 'topics.yaml', tsc(), linkable)),
      ['topics[0].frameworks must be a mapping'],
    );
    assert.deepStrictEqual(
      problemsOf(() => parseMlTopics(topic({ iso42001: 'A.7.5' }), 'topics.yaml', tsc(), linkable)),
      ['topics[0].frameworks.iso42001 must be a list'],
    );
  });

  it('checks only the shape of links when no frameworks are given, and leaves a topic without links as it was', () => {
    const [linked] = parseMlTopics(topic({ internal: ['INT-1', 'INT-1'] }), 'topics.yaml', tsc());
    assert.deepStrictEqual(linked.frameworks, { internal: ['INT-1'] });
    const [plain] = parseMlTopics(topic(undefined), 'topics.yaml', tsc());
    assert.ok(!('frameworks' in plain));
  });
});
