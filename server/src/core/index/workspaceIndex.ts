import { URI, Utils } from 'vscode-uri';
import { parse as parseYaml } from 'yaml';
import { CONFIG_FILE, defaultConfig, parseConfig, type AttestConfig, type ConfigDefaults } from '../config';
import { computeCoverage, type ClaimSource, type Coverage } from '../coverage';
import { CriteriaMap, parseFramework, type Framework } from '../data/criteria';
import { MlCatalog } from '../data/mlCatalog';
import type { BundledData } from '../data/bundled';
import { DataFileError } from '../data/validate';
import { diagnoseDocument, diagnoseWorkspace, severityOf } from '../diagnostics';
import { ignoredConfig } from '../rules/ignoredConfig';
import { classifyPath, parseDocument, type AttestDocument, type PrecomputedOutline } from '../document/model';
import { evidencePath, linkTarget } from '../document/paths';
import { isIgnoredPath } from './ignored';
import { RULE_CODES } from '../rules';
import type { RuleContext } from '../rules/rule';
import type { Diagnostic, Finding, Range } from '../types';

/**
 * The file system as the index sees it; injected, so that the core never touches `fs`
 * and tests run on an in-memory workspace.
 */
export interface WorkspaceHost {
  /**
   * Every file under the root (or under the folder `under`), as workspace-relative paths
   * with `/` separators, leaving out the folders of `isIgnoredPath`.
   */
  listFiles(under?: string): Promise<string[]>;
  /** A file's text, or undefined when it cannot be read. */
  readFile(relPath: string): Promise<string | undefined>;
  /** Whether a file exists even where the index does not look (ignored folders). */
  exists?(relPath: string): boolean;
}

export interface IndexOptions {
  /** Today's date (YYYY-MM-DD); defaults to the current UTC date. */
  readonly today?: () => string;
  /** Editor settings used when there is no attest.yaml. */
  readonly defaults?: ConfigDefaults;
  /**
   * Outlines the Markdown of many documents elsewhere (worker threads) while this thread
   * reads their frontmatter; used for the first indexing of a large folder.
   */
  readonly outliner?: Outliner;
}

export type Outliner = (items: readonly OutlineRequest[]) => Promise<readonly PrecomputedOutline[]>;

export interface OutlineRequest {
  readonly text: string;
  /** Whether the file lies in a document folder (where comply's format is read). */
  readonly allowComply: boolean;
}

/** Below this many candidates, outlining elsewhere costs more than it saves. */
const PARALLEL_THRESHOLD = 400;
const BATCH = 64;

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

function merge(changes: readonly Change[]): Change {
  const affected = new Set<string>();
  for (const c of changes) c.affected.forEach((p) => affected.add(p));
  return { affected, all: changes.some((c) => c.all) };
}

function sameRange(a: Range | undefined, b: Range | undefined): boolean {
  return a?.start.line === b?.start.line && a?.start.character === b?.start.character && a?.end.character === b?.end.character;
}

/** What a policy's missing-ml-addendum reads from an addendum that extends it. */
function addendumFacts(doc: AttestDocument | undefined): string {
  return doc ? JSON.stringify([doc.type, doc.status?.value, doc.ml.map((m) => m.value), doc.headings.map((h) => h.text)]) : '';
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
  private configFindings: readonly Finding[] = [];
  private coverageCache: { readonly day: string; readonly coverage: Coverage } | undefined;
  /** Changes apply one after another: an update never interleaves with a reload. */
  private queue: Promise<unknown> = Promise.resolve();
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
    return this.config.ml === true || (this.config.ml === 'auto' && this.topicClaims.size > 0);
  }

  documentsWithId(id: string): AttestDocument[] {
    return this.lookup(this.byId.get(id));
  }

  addendaExtending(policyId: string): AttestDocument[] {
    return this.lookup(this.extendedBy.get(policyId));
  }

  fileExists(relPath: string): boolean {
    return this.files.has(relPath) || (this.host.exists?.(relPath) ?? false);
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

  /** Coverage, computed once per change (and per day: evidence and reviews age). */
  coverage(): Coverage {
    const day = this.today;
    if (this.coverageCache?.day !== day) this.coverageCache = { day, coverage: computeCoverage(this, this) };
    return this.coverageCache.coverage;
  }

  /** Problems of attest.yaml itself (not the workspace rules reported on it). */
  get configProblems(): readonly Finding[] {
    return this.configFindings;
  }

  diagnose(relPath: string): Diagnostic[] {
    const doc = this.docs.get(relPath);
    return doc ? diagnoseDocument(doc, this) : [];
  }

  /** attest.yaml files below the root, which are not read, each with the finding that says so. */
  diagnoseIgnoredConfigs(): Map<string, Diagnostic[]> {
    const found = new Map<string, Diagnostic[]>();
    for (const rel of this.files) {
      if (!rel.endsWith('/' + CONFIG_FILE)) continue;
      const finding = ignoredConfig.check(rel);
      const severity = severityOf(this.config, finding, false);
      found.set(rel, severity ? [{ ...finding, severity }] : []);
    }
    return found;
  }

  /** Findings on attest.yaml: its own problems and the workspace-wide rules. */
  diagnoseConfig(): Diagnostic[] {
    return this.config.file ? diagnoseWorkspace(this, { coverage: this.coverage() }, this.configFindings) : [];
  }

  // ---- Loading and updating ----------------------------------------------------------

  /**
   * Reads the whole folder. Yields to the event loop between batches so that a language
   * server stays responsive while a large workspace is indexed.
   */
  load(progress?: (done: number, total: number) => void, isCancelled?: () => boolean): Promise<void> {
    return this.serially(async () => {
      const all = await this.host.listFiles();
      this.files.clear();
      for (const f of all) this.files.add(f);
      await this.loadConfig();
      await this.reparseAll(progress, isCancelled);
    });
  }

  setDefaults(defaults: ConfigDefaults): Promise<Change> {
    return this.serially(() => {
      this.defaults = defaults;
      return this.reloadConfig();
    });
  }

  private serially<T>(work: () => Promise<T>): Promise<T> {
    const result = this.queue.then(work);
    this.queue = result.catch(() => undefined);
    return result;
  }

  private async reparseAll(progress?: (done: number, total: number) => void, isCancelled?: () => boolean): Promise<void> {
    for (const rel of [...this.docs.keys()]) this.forget(rel);
    const candidates = [...this.files].filter((f) => classifyPath(f, this.config.folders));
    const batches: string[][] = [];
    for (let i = 0; i < candidates.length; i += BATCH) batches.push(candidates.slice(i, i + BATCH));
    const texts: (string | undefined)[][] = [];
    for (const batch of batches) {
      if (isCancelled?.()) return;
      texts.push(await Promise.all(batch.map((f) => this.host.readFile(f))));
    }
    // All batches go out at once: while this thread parses one, the workers outline the next.
    const outliner = candidates.length >= PARALLEL_THRESHOLD ? this.options.outliner : undefined;
    const outlines = outliner
      ? batches.map((batch, i) =>
          outliner(batch.map((f, j) => ({ text: texts[i][j] ?? '', allowComply: classifyPath(f, this.config.folders)?.inDocumentFolder ?? false }))).catch(() => undefined),
        )
      : [];
    let done = 0;
    for (let i = 0; i < batches.length; i++) {
      if (isCancelled?.()) return;
      const precomputed = outliner ? await outlines[i] : undefined;
      batches[i].forEach((f, j) => {
        const text = texts[i][j];
        if (text !== undefined) this.remember(f, text, 0, precomputed?.[j]);
      });
      done += batches[i].length;
      progress?.(done, candidates.length);
      // Yield between batches so that a language server answers requests while indexing.
      if (!outliner && i + 1 < batches.length) await new Promise((resolve) => setImmediate(resolve));
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
        problems.push({ code: 'invalid-value', range: this.config.frameworkRanges.get(path) ?? this.config.anchorRange, message: `The framework file ${path} could not be loaded: ${why}` });
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
      const parsed = parseConfig(this.uriOf(CONFIG_FILE), text, this.data.sections, this.criteria, RULE_CODES, this.defaults, this.data.topics.map((t) => t.id));
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
   * deleted; a deleted path that is no known file is a deleted folder. Returns what the
   * change touched.
   */
  update(relPath: string, text: string | undefined, version = 0): Promise<Change> {
    return this.serially(() => this.apply(relPath, text, version));
  }

  /**
   * Like `update`, but reads the text when its turn in the queue comes, so that a burst of
   * edits queued behind a slow parse costs one parse, of the newest text. `read` returning
   * undefined, or the version and text the index already holds, changes nothing.
   */
  updateFrom(relPath: string, read: () => { readonly text: string; readonly version: number } | undefined): Promise<Change> {
    return this.serially(async () => {
      const current = read();
      const known = this.docs.get(relPath);
      if (!current || (known && known.version === current.version && known.text.getText() === current.text)) return { affected: new Set<string>(), all: false };
      return this.apply(relPath, current.text, current.version);
    });
  }

  /** Indexes the files of a folder that appeared (created, or renamed into place). */
  addFolder(relDir: string): Promise<Change> {
    return this.serially(async () => {
      const changes: Change[] = [];
      for (const rel of await this.host.listFiles(relDir)) changes.push(await this.apply(rel, await this.host.readFile(rel), 0));
      return merge(changes);
    });
  }

  private isConfigPath(relPath: string): boolean {
    return relPath === CONFIG_FILE || this.config.frameworks.some((f) => (evidencePath(f) ?? f) === relPath);
  }

  private async apply(relPath: string, text: string | undefined, version: number): Promise<Change> {
    if (isIgnoredPath(relPath)) {
      // Not indexed, but links and evidence may point there: those documents change.
      const affected = new Set<string>();
      for (const [target, paths] of this.pathRefs) if (target === relPath || target.startsWith(relPath + '/')) paths.forEach((p) => affected.add(p));
      if (affected.size > 0) this.coverageCache = undefined;
      return { affected, all: false };
    }
    const existed = this.files.has(relPath);
    if (text === undefined && !existed) {
      const under = [...this.files].filter((f) => f.startsWith(relPath + '/'));
      const changes: Change[] = [];
      for (const rel of under) changes.push(await this.apply(rel, undefined, 0));
      return merge(changes);
    }
    if (text === undefined) this.files.delete(relPath);
    else this.files.add(relPath);
    if (this.isConfigPath(relPath)) return this.reloadConfig();
    const mlBefore = this.mlActive;
    const before = this.docs.get(relPath);
    this.forget(relPath);
    if (text !== undefined && classifyPath(relPath, this.config.folders)) this.remember(relPath, text, version);
    const after = this.docs.get(relPath);
    const affected = new Set<string>([relPath]);
    this.addDependents(before, after, affected);
    // Links to this file only change when the file appears or disappears.
    if (existed !== (text !== undefined)) for (const p of this.pathRefs.get(relPath) ?? []) affected.add(p);
    this.coverageCache = undefined;
    if (this.mlActive !== mlBefore) return { affected: new Set(this.docs.keys()), all: true };
    return { affected, all: false };
  }

  /**
   * Adds the documents whose findings read what changed between `before` and `after`:
   * only when it changed, so typing in a policy that 2,000 controls name re-checks one
   * document, not 2,001.
   */
  private addDependents(before: AttestDocument | undefined, after: AttestDocument | undefined, affected: Set<string>): void {
    const addAll = (paths: ReadonlySet<string> | undefined) => paths?.forEach((p) => affected.add(p));
    const idBefore = before?.id?.value;
    const idAfter = after?.id?.value;
    if (idBefore !== idAfter || before?.type !== after?.type) {
      // duplicate-id and unresolved-reference (which also checks the target's type).
      for (const id of [idBefore, idAfter]) {
        if (!id) continue;
        addAll(this.byId.get(id));
        addAll(this.referencedBy.get(id));
      }
    } else if (idAfter && !sameRange(before?.id?.range, after?.id?.range)) {
      addAll(this.byId.get(idAfter)); // duplicates point at this id's range
    }
    // missing-ml-addendum of a policy reads the addenda that extend it.
    if (before?.type === 'addendum' || after?.type === 'addendum') {
      if (before?.extends?.value !== after?.extends?.value || addendumFacts(before) !== addendumFacts(after)) {
        for (const id of [before?.extends?.value, after?.extends?.value]) if (id) addAll(this.byId.get(id));
      }
    }
  }

  private remember(relPath: string, text: string, version: number, precomputed?: PrecomputedOutline): void {
    this.forget(relPath);
    const doc = parseDocument({ uri: this.uriOf(relPath), relPath, text, version }, this.config.folders, precomputed);
    if (!doc) return;
    this.docs.set(relPath, doc);
    if (doc.id) add(this.byId, doc.id.value, relPath);
    for (const c of doc.criteria) add(this.claims, c.value, relPath);
    for (const m of doc.ml) add(this.topicClaims, m.value, relPath);
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
