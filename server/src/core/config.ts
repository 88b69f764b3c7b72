import { TextDocument } from 'vscode-languageserver-textdocument';
import { isMap, isScalar, isSeq, parseDocument, type Node as YamlNode, type YAMLMap } from 'yaml';
import { nearestNames, nearestNewKeys } from './data/criteria';
import type { CriteriaMap } from './data/criteria';
import { parseMlTopics, type MlTopic } from './data/mlCatalog';
import type { SectionRequirement, SectionRequirements } from './data/sections';
import { DataFileError } from './data/validate';
import { describeYamlErrors } from './document/yamlErrors';
import { DEFAULT_FOLDERS, DOCUMENT_TYPES, SEVERITIES, isOneOf, type DocumentType, type Finding, type Range, type Severity } from './types';

export const CONFIG_FILE = 'attest.yaml';
export { DEFAULT_FOLDERS } from './types';

export interface Exception {
  readonly criterion: string;
  readonly reason: string;
  readonly range: Range;
}

/** The effective workspace configuration (SPEC §5): `attest.yaml` over editor settings over defaults. */
export interface AttestConfig {
  readonly organization?: string;
  /** In-scope category keys; always holds `security`. */
  readonly categories: ReadonlySet<string>;
  readonly ml: boolean | 'auto';
  readonly folders: readonly string[];
  readonly sections: SectionRequirements;
  readonly severities: ReadonlyMap<string, Severity | 'off'>;
  readonly exceptions: ReadonlyMap<string, Exception>;
  readonly disabledTopics: ReadonlySet<string>;
  readonly extraTopics: readonly MlTopic[];
  /** Workspace-relative paths of extra framework files. */
  readonly frameworks: readonly string[];
  /** Where each framework file is listed in `attest.yaml`, to report a file that cannot be loaded on its entry. */
  readonly frameworkRanges: ReadonlyMap<string, Range>;
  /** Where each in-scope category is named in `attest.yaml` (for `uncovered-criterion`). */
  readonly categoryRanges: ReadonlyMap<string, Range>;
  /** Where `ml` is set in `attest.yaml`. */
  readonly mlRange?: Range;
  /** Range to report workspace-wide findings on when no better place exists. */
  readonly anchorRange: Range;
  /** The parsed `attest.yaml`, when there is one. */
  readonly file?: { readonly uri: string; readonly text: TextDocument };
}

/** Settings an editor passes for a folder without `attest.yaml` (issue: client settings). */
export interface ConfigDefaults {
  readonly categories?: readonly string[];
  readonly ml?: boolean | 'auto';
  readonly severities?: Readonly<Record<string, Severity | 'off'>>;
}

const KNOWN_KEYS = ['organization', 'categories', 'ml', 'folders', 'sections', 'rules', 'exceptions', 'ml-topics', 'frameworks'];
const ZERO: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

export function defaultConfig(sections: SectionRequirements, defaults: ConfigDefaults = {}): AttestConfig {
  const severities = new Map(Object.entries(defaults.severities ?? {}));
  return {
    categories: new Set(['security', ...(defaults.categories ?? [])]),
    ml: defaults.ml ?? 'auto',
    folders: DEFAULT_FOLDERS,
    sections,
    severities,
    exceptions: new Map(),
    disabledTopics: new Set(),
    extraTopics: [],
    frameworks: [],
    frameworkRanges: new Map(),
    categoryRanges: new Map(),
    anchorRange: ZERO,
  };
}

export interface ParsedConfig {
  readonly config: AttestConfig;
  readonly findings: readonly Finding[];
}

/**
 * Reads `attest.yaml`. Every problem becomes a finding on the file itself, and what can be
 * understood is still used: a bad entry is skipped, never the whole file.
 */
export function parseConfig(
  uri: string,
  source: string,
  bundledSections: SectionRequirements,
  criteria: CriteriaMap,
  ruleCodes: ReadonlySet<string>,
  defaults: ConfigDefaults = {},
  bundledTopics: readonly string[] = [],
): ParsedConfig {
  const text = TextDocument.create(uri, 'yaml', 0, source);
  const findings: Finding[] = [];
  const at = (node: YamlNode | null | undefined, fallback: Range = ZERO): Range => {
    if (!node?.range) return fallback;
    // Block collections count the line break after them; a range ends at the last character.
    let end = node.range[1];
    while (end > node.range[0] && /\s/.test(source.charAt(end - 1))) end--;
    return { start: text.positionAt(node.range[0]), end: text.positionAt(end) };
  };
  const report = (code: string, range: Range, message: string, replacement?: string): void => {
    findings.push({ code, range, message, data: replacement ? { replacement } : undefined });
  };
  const base = defaultConfig(bundledSections, defaults);
  const yaml = parseDocument(source, { uniqueKeys: true, prettyErrors: false });
  for (const problem of describeYamlErrors(yaml, source, 'attest.yaml')) {
    report('yaml-syntax', { start: text.positionAt(problem.start), end: text.positionAt(problem.end) }, problem.message);
  }
  const firstLineEnd = source.search(/\r?\n|$/);
  const anchorRange: Range = { start: text.positionAt(0), end: text.positionAt(firstLineEnd) };
  const file = { uri, text };
  if (!isMap(yaml.contents)) {
    if (yaml.errors.length === 0 && yaml.contents) report('invalid-value', at(yaml.contents), 'attest.yaml must be a mapping of settings (`key: value` lines).');
    return { config: { ...base, anchorRange, file }, findings };
  }
  const root = yaml.contents as YAMLMap<unknown, unknown>;
  const node = (key: string): YamlNode | null | undefined => {
    const pair = root.items.find((p) => isScalar(p.key) && p.key.value === key);
    return pair ? ((pair.value ?? null) as YamlNode | null) : undefined;
  };
  const keysOf = (map: YAMLMap<unknown, unknown>): string[] => map.items.flatMap((p) => (isScalar(p.key) ? [String(p.key.value)] : []));
  for (const pair of root.items) {
    if (!isScalar(pair.key)) continue;
    const key = String(pair.key.value);
    if (!KNOWN_KEYS.includes(key)) {
      const near = nearestNewKeys(key, KNOWN_KEYS, 3, keysOf(root))[0];
      report('unknown-field', at(pair.key), `Unknown setting \`${key}\` in attest.yaml${near ? `: did you mean \`${near}\`?` : `. Known settings: ${KNOWN_KEYS.join(', ')}.`}`, near);
    }
  }
  const strings = (key: string, what: string): { value: string; range: Range }[] => {
    const n = node(key);
    if (n === undefined || n === null) return [];
    if (!isSeq(n)) {
      report('invalid-value', at(n), `\`${key}\` must be a list of ${what}.`);
      return [];
    }
    return n.items.flatMap((item) => {
      if (isScalar(item) && typeof item.value === 'string') return [{ value: item.value, range: at(item) }];
      report('invalid-value', at(item as YamlNode), `Each entry of \`${key}\` must be a ${what.replace(/s$/, '')}.`);
      return [];
    });
  };

  const organizationNode = node('organization');
  const organization = isScalar(organizationNode) && organizationNode.value !== null ? String(organizationNode.value) : undefined;

  const categories = new Set(['security']);
  const categoryRanges = new Map<string, Range>();
  const categoryKeys = criteria.categories.map((c) => c.key);
  for (const entry of strings('categories', 'category names')) {
    if (categoryKeys.includes(entry.value)) {
      categories.add(entry.value);
      categoryRanges.set(entry.value, entry.range);
    } else {
      const near = nearestNames(entry.value.toLowerCase(), categoryKeys, 4)[0];
      report('invalid-value', entry.range, `Unknown category \`${entry.value}\`: use one of ${categoryKeys.join(', ')}${near ? ` (did you mean \`${near}\`?)` : ''}.`, near);
    }
  }
  const categoriesNode = node('categories');
  if (!categoryRanges.has('security')) categoryRanges.set('security', categoriesNode ? at(root.items.find((p) => isScalar(p.key) && p.key.value === 'categories')?.key as YamlNode) : anchorRange);

  let ml: boolean | 'auto' = base.ml;
  const mlNode = node('ml');
  if (mlNode !== undefined) {
    const value = isScalar(mlNode) ? mlNode.value : undefined;
    if (value === true || value === false || value === 'auto') ml = value;
    else report('invalid-value', at(mlNode), '`ml` must be `true`, `false` or `auto`.');
  }

  const folderEntries = strings('folders', 'folder paths');
  const folders = node('folders') !== undefined ? folderEntries.map((f) => f.value) : base.folders;

  const sections = { ...bundledSections } as Record<DocumentType, readonly SectionRequirement[]>;
  const sectionsNode = node('sections');
  if (sectionsNode !== undefined && sectionsNode !== null) {
    if (!isMap(sectionsNode)) report('invalid-value', at(sectionsNode), '`sections` must map a document type to its list of required headings.');
    else {
      for (const pair of sectionsNode.items) {
        const type = isScalar(pair.key) ? pair.key.value : undefined;
        if (!isOneOf(DOCUMENT_TYPES, type)) {
          report('invalid-value', at(pair.key as YamlNode), `Unknown document type \`${String(type)}\` in \`sections\`: use one of ${DOCUMENT_TYPES.join(', ')}.`);
          continue;
        }
        const list = pair.value as YamlNode | null;
        if (!isSeq(list)) {
          report('invalid-value', at(list, at(pair.key as YamlNode)), `\`sections.${type}\` must be a list of headings.`);
          continue;
        }
        sections[type] = list.items.flatMap((item): SectionRequirement[] => {
          if (!isScalar(item) || typeof item.value !== 'string') {
            report('invalid-value', at(item as YamlNode), 'Each required section is a heading text.');
            return [];
          }
          const name = item.value;
          const bundled = bundledSections[type].find((s) => s.name.toLowerCase() === name.toLowerCase());
          return [bundled ?? { name, synonyms: [], template: '' }];
        });
      }
    }
  }

  const severities = new Map(base.severities);
  const rulesNode = node('rules');
  if (rulesNode !== undefined && rulesNode !== null) {
    if (!isMap(rulesNode)) report('invalid-value', at(rulesNode), '`rules` must map a rule code to a severity (error, warning, information, hint or off).');
    else {
      for (const pair of rulesNode.items) {
        const code = isScalar(pair.key) ? String(pair.key.value) : '';
        const value = isScalar(pair.value) ? pair.value.value : undefined;
        if (!ruleCodes.has(code)) {
          const near = nearestNewKeys(code, ruleCodes, 4, keysOf(rulesNode))[0];
          report('invalid-value', at(pair.key as YamlNode), `Unknown rule \`${code}\`${near ? `: did you mean \`${near}\`?` : '.'}`, near);
        } else if (value === 'off' || value === false || isOneOf(SEVERITIES, value)) {
          severities.set(code, value === false ? 'off' : (value));
        } else {
          report('invalid-value', at((pair.value ?? pair.key) as YamlNode), `Severity of \`${code}\` must be error, warning, information, hint or off.`);
        }
      }
    }
  }

  const exceptions = new Map<string, Exception>();
  const exceptionsNode = node('exceptions');
  if (exceptionsNode !== undefined && exceptionsNode !== null) {
    if (!isSeq(exceptionsNode)) report('invalid-value', at(exceptionsNode), '`exceptions` must be a list of `{ criterion, reason }` entries.');
    else {
      for (const item of exceptionsNode.items) {
        const entry = item as YamlNode;
        if (!isMap(entry)) {
          report('invalid-value', at(entry), 'An exception is `{ criterion: <id>, reason: <why it does not apply> }`.');
          continue;
        }
        const get = (key: string) => entry.items.find((p) => isScalar(p.key) && p.key.value === key)?.value as YamlNode | undefined;
        for (const pair of entry.items) {
          const key = isScalar(pair.key) ? String(pair.key.value) : '';
          if (key !== 'criterion' && key !== 'reason') report('unknown-field', at(pair.key as YamlNode), `An exception takes \`criterion\` and \`reason\`, not \`${key}\`.`);
        }
        const criterionNode = get('criterion');
        const reasonNode = get('reason');
        const criterion = isScalar(criterionNode) ? String(criterionNode.value ?? '') : '';
        const reason = isScalar(reasonNode) ? String(reasonNode.value ?? '').trim() : '';
        if (!criterion) {
          report('missing-field', at(entry), 'This exception names no `criterion`: add the id of the criterion declared not applicable.');
          continue;
        }
        if (!criteria.get(criterion)) {
          const near = criteria.nearest(criterion);
          report('unknown-criterion', at(criterionNode), `\`${criterion}\` is not a criterion of the Trust Services Criteria${near.length ? `: did you mean ${near.map((n) => `\`${n}\``).join(' or ')}?` : '.'}`, near[0]);
          continue;
        }
        if (!reason) {
          report('missing-field', at(reasonNode ?? entry), `The exception for ${criterion} needs a \`reason\`: auditors ask why a criterion does not apply.`);
          continue;
        }
        exceptions.set(criterion, { criterion, reason, range: at(entry) });
      }
    }
  }

  const disabledTopics = new Set<string>();
  let extraTopics: MlTopic[] = [];
  const topicsNode = node('ml-topics');
  if (topicsNode !== undefined && topicsNode !== null) {
    if (!isMap(topicsNode)) report('invalid-value', at(topicsNode), '`ml-topics` takes `disable: [topic ids]` and `add: [topics]`.');
    else {
      const disable = topicsNode.items.find((p) => isScalar(p.key) && p.key.value === 'disable')?.value as YamlNode | undefined;
      if (isSeq(disable)) {
        for (const item of disable.items) {
          if (!isScalar(item)) continue;
          const id = String(item.value);
          disabledTopics.add(id);
          if (bundledTopics.length === 0 || bundledTopics.includes(id)) continue;
          const near = nearestNames(id.toLowerCase(), bundledTopics, Math.max(3, Math.floor(id.length / 3)))[0];
          report('invalid-value', at(item), `\`${id}\` is not an ML topic, so there is nothing to turn off${near ? `: did you mean \`${near}\`?` : '.'}`, near);
        }
      }
      const add = topicsNode.items.find((p) => isScalar(p.key) && p.key.value === 'add')?.value as YamlNode | undefined;
      if (add) {
        try {
          extraTopics = parseMlTopics({ topics: add.toJSON() }, 'ml-topics.add', criteria);
        } catch (error) {
          const problems = error instanceof DataFileError ? error.problems.join('; ') : String(error);
          report('invalid-value', at(add), `Custom ML topics are not valid: ${problems}`);
        }
      }
    }
  }

  const frameworkEntries = strings('frameworks', 'file paths');

  return {
    config: {
      organization,
      categories,
      ml,
      folders,
      sections,
      severities,
      exceptions,
      disabledTopics,
      extraTopics,
      frameworks: frameworkEntries.map((f) => f.value),
      frameworkRanges: new Map(frameworkEntries.map((f) => [f.value, f.range])),
      categoryRanges,
      mlRange: mlNode ? at(mlNode) : undefined,
      anchorRange,
      file,
    },
    findings,
  };
}
