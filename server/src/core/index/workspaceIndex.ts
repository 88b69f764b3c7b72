import { URI, Utils } from 'vscode-uri';
import { parse as parseYaml } from 'yaml';
import { CONFIG_FILE, defaultConfig, parseConfig, type AttestConfig, type ConfigDefaults } from '../config';
import { computeCoverage, type ClaimSource, type Coverage } from '../coverage';
import { CriteriaMap, parseFramework, type Framework } from '../data/criteria';
import { MlCatalog } from '../data/mlCatalog';
import type { BundledData } from '../data/bundled';
import { DataFileError } from '../data/validate';
import { diagnoseDocument, diagnoseWorkspace } from '../diagnostics';
import { classifyPath, parseDocument, type AttestDocument } from '../document/model';
import { evidencePath, linkTarget } from '../document/paths';
import { RULE_CODES } from '../rules';
import type { RuleContext } from '../rules/rule';
import type { Diagnostic, Finding } from '../types';

/**
 * The file system as the index sees it; injected, so that the core never touches `fs`
 * and tests run on an in-memory workspace.
 */
export interface WorkspaceHost {
  /** Every file under the root, as workspace-relative paths with `/` separators. */
  listFiles(): Promise<string[]>;
  /** A file's text, or undefined when it cannot be read. */
  readFile(relPath: string): Promise<string | undefined>;
}

export interface IndexOptions {
  /** Today's date (YYYY-MM-DD); defaults to the current UTC date. */
  readonly today?: () => string;
  /** Editor settings used when there is no attest.yaml. */
  readonly defaults?: ConfigDefaults;
}

/** What a change touched: the documents whose diagnostics may differ, and whether everything did. */
export interface Change {
  readonly affected: ReadonlySet<string>;
  readonly all: boolean;
}

type MultiMap = Map<string, Set<string>>;

function add(map: MultiMap, key: string, value: string): void {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(value);
}

function remove(map: MultiMap, key: string, value: string): void {
  const set = map.get(key);
  if (!set) return;
  set.delete(value);
  if (set.size === 0) map.delete(key);
}

/**
 * Knows every document of a workspace folder, not only the open ones. Each document is
 * parsed once per version; reverse maps (ids, references, claims, links) are updated per
 * document, so a change costs one parse plus lookups, never a pass over the workspace.
 */
export class WorkspaceIndex implements RuleContext, ClaimSource {
  readonly rootUri: URI;
  private readonly files = new Set<string>();
  private readonly docs = new Map<string, AttestDocument>();
  private readonly byId: MultiMap = new Map();
  private readonly claims: MultiMap = new Map();
  private readonly topicClaims: MultiMap = new Map();
  private readonly extendedBy: MultiMap = new Map();
  private readonly referencedBy: MultiMap = new Map();
  private readonly pathRefs: MultiMap = new Map();
  private docsListingMl = 0;
  private configFindings: readonly Finding[] = [];
  private coverageCache: Coverage | undefined;
  private defaults: ConfigDefaults;

  config: AttestConfig;
  criteria: CriteriaMap;
  catalog: MlCatalog;

  constructor(
    root: string,
    private readonly host: WorkspaceHost,
    private readonly data: BundledData,
    private readonly options: IndexOptions = {},
  ) {
    this.rootUri = URI.parse(root.replace(/\/+$/, ''));
    this.defaults = options.defaults ?? {};
    this.criteria = new CriteriaMap(data.frameworks);
    this.catalog = new MlCatalog(data.topics);
    this.config = defaultConfig(data.sections, this.defaults);
  }

  // ---- RuleContext -------------------------------------------------------------------

  get today(): string {
    return this.options.today?.() ?? new Date().toISOString().slice(0, 10);
  }

  get mlActive(): boolean {
    return this.config.ml === true || (this.config.ml === 'auto' && this.docsListingMl > 0);
  }

  documentsWithId(id: string): AttestDocument[] {
    return this.lookup(this.byId.get(id));
  }

  addendaExtending(policyId: string): AttestDocument[] {
    return this.lookup(this.extendedBy.get(policyId));
  }

  fileExists(relPath: string): boolean {
    return this.files.has(relPath);
  }

  claimsOf(criterion: string): AttestDocument[] {
    return this.lookup(this.claims.get(criterion));
  }

  topicClaimsOf(topic: string): AttestDocument[] {
    return this.lookup(this.topicClaims.get(topic));
  }

  /** Documents whose `policy` or `extends` names `id`. */
  referencesTo(id: string): AttestDocument[] {
    return this.lookup(this.referencedBy.get(id));
  }

  private lookup(paths: ReadonlySet<string> | undefined): AttestDocument[] {
    if (!paths) return [];
    const found: AttestDocument[] = [];
    for (const p of paths) {
      const doc = this.docs.get(p);
      if (doc) found.push(doc);
    }
    return found;
  }

  // ---- Paths ---------------------------------------------------------------------------

  uriOf(relPath: string): string {
    return Utils.joinPath(this.rootUri, ...relPath.split('/')).toString();
  }

  /** The workspace-relative path of a URI, or undefined when it is outside the folder. */
  relPathOf(uri: string): string | undefined {
    const target = URI.parse(uri);
    const root = this.rootUri.path.replace(/\/$/, '');
    if (target.scheme !== this.rootUri.scheme || !target.path.startsWith(root + '/')) return undefined;
    return target.path.slice(root.length + 1);
  }

  // ---- Reading -------------------------------------------------------------------------

  get documents(): IterableIterator<AttestDocument> {
    return this.docs.values();
  }

  get documentCount(): number {
    return this.docs.size;
  }

  get(relPath: string): AttestDocument | undefined {
    return this.docs.get(relPath);
  }

  getByUri(uri: string): AttestDocument | undefined {
    const rel = this.relPathOf(uri);
    return rel === undefined ? undefined : this.docs.get(rel);
  }

  get configUri(): string | undefined {
    return this.config.file?.uri;
  }

  coverage(): Coverage {
    return (this.coverageCache ??= computeCoverage(this, this));
  }

  diagnose(relPath: string): Diagnostic[] {
    const doc = this.docs.get(relPath);
    return doc ? diagnoseDocument(doc, this) : [];
  }

  /** Findings on attest.yaml: its own problems and the workspace-wide rules. */
  diagnoseConfig(): Diagnostic[] {
    return this.config.file ? diagnoseWorkspace({ ...this.ruleContext(), coverage: this.coverage() }, this.configFindings) : [];
  }

  private ruleContext(): RuleContext {
    return {
      config: this.config,
      criteria: this.criteria,
      catalog: this.catalog,
      mlActive: this.mlActive,
      today: this.today,
      documentsWithId: (id) => this.documentsWithId(id),
      addendaExtending: (id) => this.addendaExtending(id),
      fileExists: (p) => this.fileExists(p),
    };
  }

  // ---- Loading and updating ----------------------------------------------------------

  /**
   * Reads the whole folder. Yields to the event loop between batches so that a language
   * server stays responsive while a large workspace is indexed.
   */
  async load(progress?: (done: number, total: number) => void, isCancelled?: () => boolean): Promise<void> {
    const all = await this.host.listFiles();
    this.files.clear();
    for (const f of all) this.files.add(f);
    await this.loadConfig();
    await this.reparseAll(progress, isCancelled);
  }

  setDefaults(defaults: ConfigDefaults): Promise<Change> {
    this.defaults = defaults;
    return this.reloadConfig();
  }

  private async reparseAll(progress?: (done: number, total: number) => void, isCancelled?: () => boolean): Promise<void> {
    for (const rel of [...this.docs.keys()]) this.forget(rel);
    const candidates = [...this.files].filter((f) => classifyPath(f, this.config.folders));
    const batch = 64;
    for (let i = 0; i < candidates.length; i += batch) {
      if (isCancelled?.()) return;
      const slice = candidates.slice(i, i + batch);
      const texts = await Promise.all(slice.map((f) => this.host.readFile(f)));
      slice.forEach((f, j) => {
        const text = texts[j];
        if (text !== undefined) this.remember(f, text, 0);
      });
      progress?.(Math.min(i + batch, candidates.length), candidates.length);
      if (i + batch < candidates.length) await new Promise((resolve) => setImmediate(resolve));
    }
    this.coverageCache = undefined;
  }

  private async loadConfig(): Promise<void> {
    const text = this.files.has(CONFIG_FILE) ? await this.host.readFile(CONFIG_FILE) : undefined;
    this.applyConfig(text, []);
    if (this.config.frameworks.length === 0) return;
    const extra: Framework[] = [];
    const problems: Finding[] = [];
    for (const path of this.config.frameworks) {
      const source = await this.host.readFile(path);
      try {
        if (source === undefined) throw new Error(`${path} does not exist`);
        extra.push(parseFramework(parseYaml(source), path));
      } catch (error) {
        const why = error instanceof DataFileError ? error.problems.join('; ') : error instanceof Error ? error.message : String(error);
        problems.push({ code: 'invalid-value', range: this.config.anchorRange, message: `The framework file ${path} could not be loaded: ${why}` });
      }
    }
    this.applyConfig(text, extra, problems);
  }

  private applyConfig(text: string | undefined, extra: readonly Framework[], problems: readonly Finding[] = []): void {
    this.criteria = new CriteriaMap([...this.data.frameworks, ...extra]);
    if (text === undefined) {
      this.config = defaultConfig(this.data.sections, this.defaults);
      this.configFindings = [];
    } else {
      const parsed = parseConfig(this.uriOf(CONFIG_FILE), text, this.data.sections, this.criteria, RULE_CODES, this.defaults);
      this.config = parsed.config;
      this.configFindings = [...parsed.findings, ...problems];
    }
    const topics = [...this.data.topics.filter((t) => !this.config.disabledTopics.has(t.id)), ...this.config.extraTopics];
    this.catalog = new MlCatalog(topics);
    this.coverageCache = undefined;
  }

  private async reloadConfig(): Promise<Change> {
    const foldersBefore = this.config.folders.join('\n');
    await this.loadConfig();
    if (this.config.folders.join('\n') !== foldersBefore) await this.reparseAll();
    return { affected: new Set(this.docs.keys()), all: true };
  }

  /**
   * A file's new content (from an editor buffer or the disk), or undefined when it was
   * deleted. Returns what the change touched.
   */
  async update(relPath: string, text: string | undefined, version = 0): Promise<Change> {
    if (text === undefined) this.files.delete(relPath);
    else this.files.add(relPath);
    if (relPath === CONFIG_FILE || this.config.frameworks.includes(relPath)) return this.reloadConfig();
    const mlBefore = this.mlActive;
    const affected = new Set<string>();
    const before = this.docs.get(relPath);
    this.touch(before, affected);
    this.forget(relPath);
    if (text !== undefined && classifyPath(relPath, this.config.folders)) this.remember(relPath, text, version);
    const after = this.docs.get(relPath);
    this.touch(after, affected);
    for (const p of this.pathRefs.get(relPath) ?? []) affected.add(p);
    if (after) affected.add(relPath);
    this.coverageCache = undefined;
    if (this.mlActive !== mlBefore) return { affected: new Set(this.docs.keys()), all: true };
    return { affected, all: false };
  }

  /** Adds the documents whose findings depend on `doc` to `affected`. */
  private touch(doc: AttestDocument | undefined, affected: Set<string>): void {
    if (!doc) return;
    affected.add(doc.relPath);
    if (doc.id) {
      for (const p of this.byId.get(doc.id.value) ?? []) affected.add(p);
      for (const p of this.referencedBy.get(doc.id.value) ?? []) affected.add(p);
    }
    if (doc.extends) for (const p of this.byId.get(doc.extends.value) ?? []) affected.add(p);
  }

  private remember(relPath: string, text: string, version: number): void {
    const doc = parseDocument({ uri: this.uriOf(relPath), relPath, text, version }, this.config.folders);
    if (!doc) return;
    this.docs.set(relPath, doc);
    if (doc.id) add(this.byId, doc.id.value, relPath);
    for (const c of doc.criteria) add(this.claims, c.value, relPath);
    for (const m of doc.ml) add(this.topicClaims, m.value, relPath);
    if (doc.ml.length > 0) this.docsListingMl++;
    if (doc.policy) add(this.referencedBy, doc.policy.value, relPath);
    if (doc.extends) {
      add(this.referencedBy, doc.extends.value, relPath);
      if (doc.type === 'addendum') add(this.extendedBy, doc.extends.value, relPath);
    }
    for (const target of this.pathsReferencedBy(doc)) add(this.pathRefs, target, relPath);
  }

  private forget(relPath: string): void {
    const doc = this.docs.get(relPath);
    if (!doc) return;
    this.docs.delete(relPath);
    if (doc.id) remove(this.byId, doc.id.value, relPath);
    for (const c of doc.criteria) remove(this.claims, c.value, relPath);
    for (const m of doc.ml) remove(this.topicClaims, m.value, relPath);
    if (doc.ml.length > 0) this.docsListingMl--;
    if (doc.policy) remove(this.referencedBy, doc.policy.value, relPath);
    if (doc.extends) {
      remove(this.referencedBy, doc.extends.value, relPath);
      remove(this.extendedBy, doc.extends.value, relPath);
    }
    for (const target of this.pathsReferencedBy(doc)) remove(this.pathRefs, target, relPath);
  }

  private pathsReferencedBy(doc: AttestDocument): string[] {
    const paths: string[] = [];
    for (const link of doc.links) {
      const target = linkTarget(doc.relPath, link.url);
      if (target) paths.push(target);
    }
    for (const e of doc.evidence) {
      const target = e.path ? evidencePath(e.path.value) : null;
      if (target) paths.push(target);
    }
    return paths;
  }
}
