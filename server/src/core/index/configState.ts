import { parse as parseYaml } from 'yaml';
import { CONFIG_FILE, defaultConfig, parseConfig, type AttestConfig, type ConfigDefaults } from '../config';
import type { BundledData } from '../data/bundled';
import { CriteriaMap, parseFramework, type Framework } from '../data/criteria';
import { FrameworkCatalog, type BundledFrameworks } from '../data/frameworkCatalog';
import { MlCatalog } from '../data/mlCatalog';
import { DataFileError } from '../data/validate';
import { evidencePath } from '../document/paths';
import { RULE_CODES } from '../rules';
import type { Finding } from '../types';

/** A strongdm/comply repository's settings: its `name` is the organisation (SPEC §10). */
export const COMPLY_FILE = 'comply.yml';

function complyName(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  try {
    const raw: unknown = parseYaml(text);
    const name = raw && typeof raw === 'object' ? (raw as Record<string, unknown>).name : undefined;
    return typeof name === 'string' && name.trim() !== '' ? name.trim() : undefined;
  } catch {
    return undefined;
  }
}

/** Reads a workspace file; undefined when it cannot be read. */
export type ReadFile = (relPath: string) => Promise<string | undefined>;

/**
 * What attest.yaml makes of a folder: its configuration, the criteria of the bundled and
 * workspace frameworks, and the ML catalog less the topics it turns off plus its own. Only
 * `load` and `setDefaults` change it; everything else reads it.
 */
export class ConfigState {
  private current: AttestConfig;
  private criteriaMap: CriteriaMap;
  private topics: MlCatalog;
  private frameworkCatalog: FrameworkCatalog;
  private readonly bundledFrameworks: BundledFrameworks;
  private findings: readonly Finding[] = [];
  private inputs = '';

  constructor(
    private readonly data: BundledData,
    private readonly uriOf: (relPath: string) => string,
    private defaults: ConfigDefaults = {},
  ) {
    this.criteriaMap = new CriteriaMap(data.frameworks);
    this.topics = new MlCatalog(data.topics);
    this.bundledFrameworks = { ids: data.optionalFrameworkIds, get: (id) => data.optionalFramework(id) };
    this.frameworkCatalog = new FrameworkCatalog([], this.bundledFrameworks);
    this.current = defaultConfig(data.sections, this.defaults);
  }

  get config(): AttestConfig {
    return this.current;
  }

  get criteria(): CriteriaMap {
    return this.criteriaMap;
  }

  get catalog(): MlCatalog {
    return this.topics;
  }

  /** The frameworks turned on besides the TSC (SPEC §11). */
  get frameworks(): FrameworkCatalog {
    return this.frameworkCatalog;
  }

  /** Problems of attest.yaml itself (not the workspace rules reported on it). */
  get problems(): readonly Finding[] {
    return this.findings;
  }

  /** Everything the configuration was made of, as one string: equal strings, equal configurations. */
  get fingerprint(): string {
    return this.inputs;
  }

  setDefaults(defaults: ConfigDefaults): void {
    this.defaults = defaults;
  }

  /** Whether a change to this file changes the configuration: attest.yaml or a framework file it lists. */
  isConfigPath(relPath: string): boolean {
    return relPath === CONFIG_FILE || relPath === COMPLY_FILE || this.current.frameworks.some((f) => (evidencePath(f) ?? f) === relPath);
  }

  /** Reads attest.yaml and the framework files it lists, and comply.yml's name where attest.yaml names no organisation. */
  async load(read: ReadFile, exists: (relPath: string) => boolean): Promise<void> {
    const text = exists(CONFIG_FILE) ? await read(CONFIG_FILE) : undefined;
    this.apply(text, []);
    const comply = this.current.organization === undefined && exists(COMPLY_FILE) ? await read(COMPLY_FILE) : undefined;
    const organization = complyName(comply);
    if (organization) this.current = { ...this.current, organization };
    const sources: (string | undefined)[] = [];
    this.inputs = JSON.stringify({ text, comply, sources, defaults: this.defaults });
    if (this.current.frameworks.length === 0) return;
    const extra: Framework[] = [];
    const problems: Finding[] = [];
    for (const path of this.current.frameworks) {
      const source = await read(path);
      sources.push(source);
      try {
        if (source === undefined) throw new Error(`${path} does not exist`);
        extra.push(parseFramework(parseYaml(source), path));
      } catch (error) {
        const why = error instanceof DataFileError ? error.problems.join('; ') : error instanceof Error ? error.message : String(error);
        problems.push({ code: 'invalid-value', range: this.current.frameworkRanges.get(path) ?? this.current.anchorRange, message: `The framework file ${path} could not be loaded: ${why}` });
      }
    }
    this.apply(text, extra, problems);
    if (organization) this.current = { ...this.current, organization };
    this.inputs = JSON.stringify({ text, comply, sources, defaults: this.defaults });
  }

  private apply(text: string | undefined, extra: readonly Framework[], problems: readonly Finding[] = []): void {
    this.criteriaMap = new CriteriaMap([...this.data.frameworks, ...extra]);
    if (text === undefined) {
      this.current = defaultConfig(this.data.sections, this.defaults);
      this.findings = [];
    } else {
      const parsed = parseConfig(this.uriOf(CONFIG_FILE), text, this.data.sections, this.criteriaMap, RULE_CODES, this.defaults, this.data.topics.map((t) => t.id), this.bundledFrameworks);
      this.current = parsed.config;
      this.findings = [...parsed.findings, ...problems];
    }
    const enabled = this.current.enabledFrameworks.flatMap((id) => this.bundledFrameworks.get(id) ?? []);
    this.frameworkCatalog = new FrameworkCatalog(enabled, this.bundledFrameworks);
    const topics = [...this.data.topics.filter((t) => !this.current.disabledTopics.has(t.id)), ...this.current.extraTopics];
    this.topics = new MlCatalog(topics);
  }
}
