import { TextDocument } from 'vscode-languageserver-textdocument';
import { isMap, isScalar, parseDocument } from 'yaml';
import { nearestNewKeys, type CriteriaMap } from '../data/criteria';
import { NO_BUNDLED_FRAMEWORKS, type BundledFrameworks } from '../data/frameworkCatalog';
import type { SectionRequirements } from '../data/sections';
import { describeYamlErrors } from '../document/yamlErrors';
import type { Finding, Range } from '../types';
import { keysOf } from '../yamlMap';
import { readAudit } from './audit';
import { readExceptions } from './exceptions';
import type { FrameworkExceptions } from './frameworkExceptions';
import { readFrameworks } from './frameworks';
import { readMlTopics } from './mlTopics';
import { ConfigReader, rangeIn } from './reader';
import { readScope } from './scope';
import { readSections } from './sections';
import { readSeverities } from './severities';
import { defaultConfig, type AttestConfig, type ConfigDefaults } from './types';

/** The settings attest.yaml knows; each has its reader in this folder. */
export const KNOWN_SETTINGS = ['organization', 'categories', 'ml', 'folders', 'sections', 'rules', 'exceptions', 'ml-topics', 'frameworks', 'audit'];

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
  bundledFrameworks: BundledFrameworks = NO_BUNDLED_FRAMEWORKS,
): ParsedConfig {
  const text = TextDocument.create(uri, 'yaml', 0, source);
  const base = defaultConfig(bundledSections, defaults);
  const yaml = parseDocument(source, { uniqueKeys: true, prettyErrors: false });
  const syntax: Finding[] = describeYamlErrors(yaml, source, 'attest.yaml').map((problem) => ({
    code: 'yaml-syntax',
    range: { start: text.positionAt(problem.start), end: text.positionAt(problem.end) },
    message: problem.message,
  }));
  const anchorRange: Range = { start: text.positionAt(0), end: text.positionAt(source.search(/\r?\n|$/)) };
  const file = { uri, text };
  if (!isMap(yaml.contents)) {
    if (yaml.errors.length === 0 && yaml.contents) syntax.push({ code: 'invalid-value', range: rangeIn(text, yaml.contents), message: 'attest.yaml must be a mapping of settings (`key: value` lines).' });
    return { config: { ...base, anchorRange, file }, findings: syntax };
  }
  const reader = new ConfigReader(text, yaml.contents);
  reader.findings.push(...syntax);
  reportUnknownSettings(reader);
  const scope = readScope(reader, criteria, base.ml, anchorRange);
  const folders = reader.strings('folders', 'folder paths');
  const sections = readSections(reader, bundledSections);
  const severities = readSeverities(reader, base.severities, ruleCodes);
  const frameworks = readFrameworks(reader, bundledFrameworks);
  const frameworkExceptions: FrameworkExceptions = new Map();
  const exceptions = readExceptions(reader, criteria, { bundled: bundledFrameworks, enabled: frameworks.enabled, into: frameworkExceptions });
  const topics = readMlTopics(reader, criteria, bundledTopics);
  const audit = readAudit(reader);
  return {
    config: {
      ...scope,
      folders: reader.node('folders') !== undefined ? folders.map((f) => f.value) : base.folders,
      sections,
      severities,
      exceptions,
      disabledTopics: topics.disabled,
      extraTopics: topics.extra,
      enabledFrameworks: frameworks.enabled,
      enabledFrameworkRanges: frameworks.enabledRanges,
      frameworkExceptions,
      frameworks: frameworks.paths.map((f) => f.value),
      frameworkRanges: new Map(frameworks.paths.map((f) => [f.value, f.range])),
      ...(audit ? { audit } : {}),
      anchorRange,
      file,
    },
    findings: reader.findings,
  };
}

function reportUnknownSettings(reader: ConfigReader): void {
  for (const pair of reader.root.items) {
    if (!isScalar(pair.key)) continue;
    const key = String(pair.key.value);
    if (KNOWN_SETTINGS.includes(key)) continue;
    const near = nearestNewKeys(key, KNOWN_SETTINGS, 3, keysOf(reader.root))[0];
    reader.report('unknown-field', reader.at(pair.key), `Unknown setting \`${key}\` in attest.yaml${near ? `: did you mean \`${near}\`?` : `. Known settings: ${KNOWN_SETTINGS.join(', ')}.`}`, near);
  }
}
