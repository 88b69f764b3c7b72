import type { AttestConfig } from '../config';
import type { CriteriaMap } from '../data/criteria';
import type { FrameworkCatalog } from '../data/frameworkCatalog';
import type { MlCatalog } from '../data/mlCatalog';
import type { AttestDocument } from '../document/model';
import type { RuleContext } from '../rules/rule';
import type { WorkspaceReads } from './cacheEntry';

/** How a list of documents is written down in `WorkspaceReads`; undefined when it cannot be. */
export type DocumentsFingerprint = (docs: readonly AttestDocument[]) => string | undefined;

/**
 * A rule context that answers as the workspace does and notes what was asked of the rest of
 * the workspace: the ML switch, documents by id, addenda by policy, files. Written against
 * the RuleContext interface, so that a member added there does not compile here until it
 * says whether it reads other documents.
 */
export class ReadRecorder implements RuleContext {
  private readonly noted = new Map<string, string | boolean>();
  /** False once an answer could not be written down (a document whose digest is unknown). */
  private complete = true;

  constructor(
    private readonly workspace: RuleContext,
    private readonly fingerprint: DocumentsFingerprint,
  ) {}

  get config(): AttestConfig { return this.workspace.config; }
  get criteria(): CriteriaMap { return this.workspace.criteria; }
  get frameworks(): FrameworkCatalog { return this.workspace.frameworks; }
  get catalog(): MlCatalog { return this.workspace.catalog; }
  get today(): string { return this.workspace.today; }

  get mlActive(): boolean {
    return this.note('ml', this.workspace.mlActive);
  }

  documentsWithId(id: string): readonly AttestDocument[] {
    return this.noteDocuments(`id:${id}`, this.workspace.documentsWithId(id));
  }

  addendaExtending(policyId: string): readonly AttestDocument[] {
    return this.noteDocuments(`extends:${policyId}`, this.workspace.addendaExtending(policyId));
  }

  fileExists(relPath: string): boolean {
    return this.note(`file:${relPath}`, this.workspace.fileExists(relPath));
  }

  /** What was read, or undefined when some answer could not be written down. */
  get reads(): WorkspaceReads | undefined {
    return this.complete ? [...this.noted].flat() : undefined;
  }

  /** Whether anything was read of other documents (files on disk are not documents). */
  get readOtherDocuments(): boolean {
    return [...this.noted.keys()].some((key) => !key.startsWith('file:'));
  }

  private note<T extends string | boolean>(key: string, answer: T): T {
    this.noted.set(key, answer);
    return answer;
  }

  private noteDocuments(key: string, docs: readonly AttestDocument[]): readonly AttestDocument[] {
    const written = this.fingerprint(docs);
    if (written === undefined) this.complete = false;
    this.noted.set(key, written ?? '');
    return docs;
  }
}

/** Whether every read noted in `reads` gets the same answer from `workspace` now. */
export function readsStillHold(reads: WorkspaceReads, workspace: RuleContext, fingerprint: DocumentsFingerprint): boolean {
  for (let i = 0; i < reads.length; i += 2) {
    const key = String(reads[i]);
    const answer = reads[i + 1];
    const colon = key.indexOf(':');
    const kind = colon < 0 ? key : key.slice(0, colon);
    const arg = key.slice(colon + 1);
    const now =
      kind === 'ml' ? workspace.mlActive
      : kind === 'id' ? fingerprint(workspace.documentsWithId(arg))
      : kind === 'extends' ? fingerprint(workspace.addendaExtending(arg))
      : kind === 'file' ? workspace.fileExists(arg)
      : undefined;
    if (now === undefined || now !== answer) return false;
  }
  return true;
}
