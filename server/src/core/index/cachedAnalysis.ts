import { diagnoseDocument } from '../diagnostics';
import { parseDocument, type AttestDocument, type DocumentInput, type PrecomputedOutline } from '../document/model';
import type { RuleContext } from '../rules/rule';
import type { Diagnostic } from '../types';
import { entryFits, entryParts, readDiagnostics, readFacts, withDiagnostics, type DocumentCache } from './cacheEntry';
import { readsStillHold, ReadRecorder, type DocumentsFingerprint } from './readRecorder';
import { reviveDocument } from './revive';

/** How much of a digest stands for a document in what its rules read: plenty to tell versions of a file apart. */
const FINGERPRINT_DIGEST = 16;

/**
 * The index's parses and diagnostics, served from a persistent cache where it holds them.
 * A parse is reused while the file's text has the same digest and the document folders are
 * the same; a document's diagnostics while, besides, the configuration, the date and every
 * answer its rules got from the rest of the workspace are the same. Everything else about a
 * result (Attest's version, the folder) is the store's to check before it hands entries out.
 */
export class CachedAnalysis {
  /** The entry of each file the index holds, for the text it holds. */
  private readonly held = new Map<string, readonly string[]>();
  /** The digest last computed per path, so that asking before parsing costs one digest. */
  private readonly lastDigest = new Map<string, { readonly text: string; readonly digest: string }>();
  private parseKey = { folders: [] as readonly string[], key: '' };
  private configKey = { fingerprint: '', key: '' };

  constructor(private readonly store: DocumentCache) {}

  /**
   * Whether the cache has an entry for this text (then it needs no outline made elsewhere).
   * The entry is not read yet: should it prove damaged, the document is outlined here.
   */
  holds(relPath: string, text: string, folders: readonly string[]): boolean {
    return entryFits(this.store.get(relPath), this.digestOf(relPath, text), this.parseKeyOf(folders));
  }

  parse(input: DocumentInput, folders: readonly string[], precomputed?: PrecomputedOutline): AttestDocument | undefined {
    const digest = this.digestOf(input.relPath, input.text);
    this.lastDigest.delete(input.relPath);
    const parse = this.parseKeyOf(folders);
    const parts = this.store.get(input.relPath);
    const facts = entryFits(parts, digest, parse) ? readFacts(parts) : undefined;
    if (parts && facts !== undefined) {
      this.held.set(input.relPath, parts);
      return facts ? reviveDocument(facts, parts, input, folders) : undefined;
    }
    const doc = parseDocument(input, folders, precomputed);
    const made = entryParts(digest, parse, doc);
    this.store.set(input.relPath, made);
    this.held.set(input.relPath, made);
    return doc;
  }

  forget(relPath: string): void {
    this.held.delete(relPath);
  }

  /** Runs the document rules, or returns what they found before when nothing they read has changed. */
  diagnose(doc: AttestDocument, workspace: RuleContext, configFingerprint: string): Diagnostic[] {
    const parts = this.held.get(doc.relPath);
    if (!parts) return diagnoseDocument(doc, workspace);
    const config = this.configKeyOf(configFingerprint);
    const cached = readDiagnostics(parts);
    if (cached && cached.config === config && cached.today === workspace.today && readsStillHold(cached.reads, workspace, this.fingerprint)) return [...cached.list];
    const recorder = new ReadRecorder(workspace, this.fingerprint);
    const list = diagnoseDocument(doc, recorder);
    const reads = recorder.reads;
    if (reads) {
      const updated = withDiagnostics(parts, { config, today: workspace.today, reads, list });
      this.store.set(doc.relPath, updated);
      this.held.set(doc.relPath, updated);
    }
    return list;
  }

  /** Documents as `path@digest`: a rule that read them reads the same while they are the same. */
  private readonly fingerprint: DocumentsFingerprint = (docs) => {
    const written: string[] = [];
    for (const d of docs) {
      const digest = this.held.get(d.relPath)?.[0];
      if (digest === undefined) return undefined;
      written.push(`${d.relPath}@${digest.slice(0, FINGERPRINT_DIGEST)}`);
    }
    return written.join('\n');
  };

  private digestOf(relPath: string, text: string): string {
    const last = this.lastDigest.get(relPath);
    if (last?.text === text) return last.digest;
    const digest = this.store.digest(text);
    this.lastDigest.set(relPath, { text, digest });
    return digest;
  }

  private parseKeyOf(folders: readonly string[]): string {
    if (this.parseKey.folders !== folders || !this.parseKey.key) this.parseKey = { folders, key: this.store.digest(JSON.stringify(folders)).slice(0, FINGERPRINT_DIGEST) };
    return this.parseKey.key;
  }

  private configKeyOf(fingerprint: string): string {
    if (this.configKey.fingerprint !== fingerprint || !this.configKey.key) this.configKey = { fingerprint, key: this.store.digest(fingerprint).slice(0, FINGERPRINT_DIGEST) };
    return this.configKey.key;
  }
}
