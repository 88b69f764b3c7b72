import type { URI } from 'vscode-uri';
import { CONFIG_FILE, type AttestConfig, type ConfigDefaults } from '../config';
import { computeCoverage, type ClaimSource, type Coverage } from '../coverage';
import type { BundledData } from '../data/bundled';
import type { CriteriaMap } from '../data/criteria';
import type { FrameworkCatalog } from '../data/frameworkCatalog';
import type { MlCatalog } from '../data/mlCatalog';
import { diagnoseDocument, diagnoseWorkspace, severityOf } from '../diagnostics';
import { classifyPath, parseDocument, type AttestDocument, type PrecomputedOutline } from '../document/model';
import { ignoredConfig } from '../rules/ignoredConfig';
import type { RuleContext } from '../rules/rule';
import type { Diagnostic, Finding } from '../types';
import { loadInBatches, type Outliner } from './bulkLoad';
import { CachedAnalysis } from './cachedAnalysis';
import type { DocumentCache } from './cacheEntry';
import { ClaimIndex } from './claimIndex';
import { ConfigState } from './configState';
import { FolderUris } from './folderUris';
import { isIgnoredPath } from './ignored';
import { diagnoseOnItsOwn } from './onItsOwn';
import { UpdateQueue } from './updateQueue';

export type { Outliner, OutlineRequest } from './bulkLoad';

/**
 * The file system as the index sees it; injected, so that the core never touches `fs`
 * and tests run on an in-memory workspace.
 */
export interface WorkspaceHost {
  /** Every file under the root (or under the folder `under`), workspace-relative with `/`, leaving out the folders of `isIgnoredPath`. */
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
  /** Outlines the Markdown of many documents in worker threads while this thread reads their frontmatter. */
  readonly outliner?: Outliner;
}

/** What a change touched: the documents whose diagnostics may differ, and whether everything did. */
export interface Change {
  readonly affected: ReadonlySet<string>;
  readonly all: boolean;
}

function merge(changes: readonly Change[]): Change {
  const affected = new Set<string>();
  for (const c of changes) c.affected.forEach((p) => affected.add(p));
  return { affected, all: changes.some((c) => c.all) };
}

/**
 * Knows every document of a workspace folder, not only the open ones: a document store
 * (one parse per version), the reverse maps of `ClaimIndex`, the configuration of
 * `ConfigState`, and a queue that applies changes one after another. It is the context
 * rules and features read; coverage is computed once per change.
 */
export class WorkspaceIndex implements RuleContext, ClaimSource {
  private readonly files = new Set<string>();
  private readonly docs = new Map<string, AttestDocument>();
  private readonly claimIndex = new ClaimIndex();
  private readonly configState: ConfigState;
  private readonly uris: FolderUris;
  private readonly queue = new UpdateQueue();
  private coverageCache: { readonly day: string; readonly coverage: Coverage } | undefined;
  private cached: CachedAnalysis | undefined;
  private configLoaded: Promise<void>;
  private markConfigLoaded: () => void = () => undefined;

  constructor(root: string, private readonly host: WorkspaceHost, data: BundledData, private readonly options: IndexOptions = {}) {
    this.uris = new FolderUris(root);
    this.configState = new ConfigState(data, (rel) => this.uriOf(rel), options.defaults);
    this.configLoaded = new Promise((resolve) => (this.markConfigLoaded = resolve));
  }

  /**
   * Serves parses and diagnostics from `store` where it holds them, and keeps what this index
   * parses and finds there; undefined parses everything. Takes effect for what is parsed next.
   */
  useCache(store: DocumentCache | undefined): void {
    this.cached = store && new CachedAnalysis(store);
  }

  get rootUri(): URI { return this.uris.rootUri; }
  get config(): AttestConfig { return this.configState.config; }
  get criteria(): CriteriaMap { return this.configState.criteria; }
  get catalog(): MlCatalog { return this.configState.catalog; }
  get frameworks(): FrameworkCatalog { return this.configState.frameworks; }
  get today(): string { return this.options.today?.() ?? new Date().toISOString().slice(0, 10); }
  get mlActive(): boolean { return this.config.ml === true || (this.config.ml === 'auto' && this.claimIndex.anyTopicClaimed); }
  get documents(): IterableIterator<AttestDocument> { return this.docs.values(); }
  get documentCount(): number { return this.docs.size; }
  get configUri(): string | undefined { return this.config.file?.uri; }
  /** Problems of attest.yaml itself (not the workspace rules reported on it). */
  get configProblems(): readonly Finding[] { return this.configState.problems; }

  documentsWithId(id: string): AttestDocument[] { return this.lookup(this.claimIndex.withId(id)); }
  /** Addenda whose `extends` names `policyId`. */
  addendaExtending(policyId: string): AttestDocument[] { return this.lookup(this.claimIndex.addendaExtending(policyId)); }
  claimsOf(criterion: string): AttestDocument[] { return this.lookup(this.claimIndex.claimsOf(criterion)); }
  topicClaimsOf(topic: string): AttestDocument[] { return this.lookup(this.claimIndex.topicClaimsOf(topic)); }
  frameworkClaimsOf(framework: string, id: string): AttestDocument[] { return this.lookup(this.claimIndex.frameworkClaimsOf(framework, id)); }
  /** Documents whose `policy` or `extends` names `id`. */
  referencesTo(id: string): AttestDocument[] { return this.lookup(this.claimIndex.referencesTo(id)); }
  fileExists(relPath: string): boolean { return this.files.has(relPath) || (this.host.exists?.(relPath) ?? false); }
  uriOf(relPath: string): string { return this.uris.uriOf(relPath); }
  /** The workspace-relative path of a URI, or undefined when it is outside the folder. */
  relPathOf(uri: string): string | undefined { return this.uris.relPathOf(uri); }
  get(relPath: string): AttestDocument | undefined { return this.docs.get(relPath); }

  getByUri(uri: string): AttestDocument | undefined {
    const rel = this.relPathOf(uri);
    return rel === undefined ? undefined : this.docs.get(rel);
  }

  private lookup(paths: ReadonlySet<string> | undefined): AttestDocument[] {
    const found: AttestDocument[] = [];
    for (const p of paths ?? []) {
      const doc = this.docs.get(p);
      if (doc) found.push(doc);
    }
    return found;
  }

  /** Coverage, computed once per change (and per day: evidence and reviews age). */
  coverage(): Coverage {
    const day = this.today;
    if (this.coverageCache?.day !== day) this.coverageCache = { day, coverage: computeCoverage(this, this) };
    return this.coverageCache.coverage;
  }

  diagnose(relPath: string): Diagnostic[] {
    const doc = this.docs.get(relPath);
    if (!doc) return [];
    return this.cached ? this.cached.diagnose(doc, this, this.configState.fingerprint) : diagnoseDocument(doc, this);
  }

  /**
   * The diagnostics of a text that need no other document (not duplicate ids, references or
   * the ML addenda), as soon as the configuration is read: for a document opened while the
   * folder is still being indexed. Undefined when the text is not an Attest document.
   */
  async diagnoseAlone(relPath: string, text: string, version: number): Promise<Diagnostic[] | undefined> {
    await this.configLoaded;
    const doc = parseDocument({ uri: this.uriOf(relPath), relPath, text, version }, this.config.folders);
    return doc && diagnoseOnItsOwn(doc, this);
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
    return this.config.file ? diagnoseWorkspace(this, { coverage: this.coverage() }, this.configProblems) : [];
  }

  /** Reads the whole folder, yielding between batches so that a language server stays responsive. */
  load(progress?: (done: number, total: number) => void, isCancelled?: () => boolean): Promise<void> {
    return this.queue.run(async () => {
      try {
        const all = await this.host.listFiles();
        this.files.clear();
        for (const f of all) this.files.add(f);
        await this.configState.load((rel) => this.host.readFile(rel), (rel) => this.files.has(rel));
      } finally {
        this.markConfigLoaded();
      }
      await this.reparseAll(progress, isCancelled);
    });
  }

  setDefaults(defaults: ConfigDefaults): Promise<Change> {
    return this.queue.run(() => {
      this.configState.setDefaults(defaults);
      return this.reloadConfig();
    });
  }

  private async reparseAll(progress?: (done: number, total: number) => void, isCancelled?: () => boolean): Promise<void> {
    for (const rel of [...this.docs.keys()]) this.forget(rel);
    const folders = this.config.folders;
    await loadInBatches({
      paths: [...this.files].filter((f) => classifyPath(f, folders)),
      read: (rel) => this.host.readFile(rel),
      allowComply: (rel) => classifyPath(rel, folders)?.inDocumentFolder ?? false,
      needsOutline: (rel, text) => !this.cached?.holds(rel, text, folders),
      accept: (rel, text, precomputed) => this.remember(rel, text, 0, precomputed),
      outliner: this.options.outliner,
      progress,
      isCancelled,
    });
    this.coverageCache = undefined;
  }

  private async reloadConfig(): Promise<Change> {
    const foldersBefore = this.config.folders.join('\n');
    await this.configState.load((rel) => this.host.readFile(rel), (rel) => this.files.has(rel));
    this.coverageCache = undefined;
    if (this.config.folders.join('\n') !== foldersBefore) await this.reparseAll();
    return { affected: new Set(this.docs.keys()), all: true };
  }

  /**
   * A file's new content (from an editor buffer or the disk), or undefined when it was
   * deleted; a deleted path that is no known file is a deleted folder. Returns what the
   * change touched.
   */
  update(relPath: string, text: string | undefined, version = 0): Promise<Change> {
    return this.queue.run(() => this.apply(relPath, text, version));
  }

  /**
   * Like `update`, but reads the text when its turn in the queue comes, so that a burst of
   * edits queued behind a slow parse costs one parse, of the newest text. `read` returning
   * undefined, or the version and text the index already holds, changes nothing.
   */
  updateFrom(relPath: string, read: () => { readonly text: string; readonly version: number } | undefined): Promise<Change> {
    return this.queue.run(async () => {
      const current = read();
      const known = this.docs.get(relPath);
      if (!current || (known && known.version === current.version && known.text.getText() === current.text)) return { affected: new Set<string>(), all: false };
      return this.apply(relPath, current.text, current.version);
    });
  }

  /** Indexes the files of a folder that appeared (created, or renamed into place). */
  addFolder(relDir: string): Promise<Change> {
    return this.queue.run(async () => {
      const changes: Change[] = [];
      for (const rel of await this.host.listFiles(relDir)) changes.push(await this.apply(rel, await this.host.readFile(rel), 0));
      return merge(changes);
    });
  }

  private async apply(relPath: string, text: string | undefined, version: number): Promise<Change> {
    if (isIgnoredPath(relPath)) {
      // Not indexed, but links and evidence may point there: those documents change.
      const affected = this.claimIndex.pointingAt(relPath, true);
      if (affected.size > 0) this.coverageCache = undefined;
      return { affected, all: false };
    }
    const existed = this.files.has(relPath);
    if (text === undefined && !existed) {
      const changes: Change[] = [];
      for (const rel of [...this.files].filter((f) => f.startsWith(relPath + '/'))) changes.push(await this.apply(rel, undefined, 0));
      return merge(changes);
    }
    if (text === undefined) this.files.delete(relPath);
    else this.files.add(relPath);
    if (this.configState.isConfigPath(relPath)) return this.reloadConfig();
    const mlBefore = this.mlActive;
    const before = this.docs.get(relPath);
    this.forget(relPath);
    if (text !== undefined && classifyPath(relPath, this.config.folders)) this.remember(relPath, text, version);
    const affected = new Set<string>([relPath]);
    this.claimIndex.addDependents(before, this.docs.get(relPath), affected);
    // Links to this file only change when the file appears or disappears.
    if (existed !== (text !== undefined)) this.claimIndex.pointingAt(relPath).forEach((p) => affected.add(p));
    this.coverageCache = undefined;
    if (this.mlActive !== mlBefore) return { affected: new Set(this.docs.keys()), all: true };
    return { affected, all: false };
  }

  private remember(relPath: string, text: string, version: number, precomputed?: PrecomputedOutline): void {
    this.forget(relPath);
    const input = { uri: this.uriOf(relPath), relPath, text, version };
    const doc = this.cached ? this.cached.parse(input, this.config.folders, precomputed) : parseDocument(input, this.config.folders, precomputed);
    if (!doc) return;
    this.docs.set(relPath, doc);
    this.claimIndex.add(doc);
  }

  private forget(relPath: string): void {
    this.cached?.forget(relPath);
    const doc = this.docs.get(relPath);
    if (!doc) return;
    this.docs.delete(relPath);
    this.claimIndex.remove(doc);
  }
}
