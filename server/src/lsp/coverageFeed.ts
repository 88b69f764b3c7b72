import { CodeLensRefreshRequest, type Connection } from 'vscode-languageserver/node';
import { claimLocations } from '../core/query/claims';
import { CoverageChangedNotification, type FolderCoverage } from '../shared/protocol';
import type { Folder, FolderSet } from './folders';

/** The coverage of every folder as the client's view draws it: coverage plus where each document is. */
export function folderCoverage(folders: readonly Folder[]): FolderCoverage[] {
  return folders.map((folder) => ({
    folder: folder.uri,
    name: folder.name,
    configUri: folder.index.configUri,
    coverage: folder.index.coverage(),
    documents: claimLocations(folder.index.documents),
  }));
}

/**
 * Tells the client when coverage changed. Coverage costs a pass over the workspace, so it
 * is computed once typing pauses; and sent only when it differs from what was last sent.
 */
export class CoverageFeed {
  private lastSent = '';
  private refresh: NodeJS.Timeout | undefined;
  static readonly REFRESH_DELAY_MS = 150;

  constructor(
    private readonly connection: Connection,
    private readonly folders: FolderSet,
    /** Whether the client re-asks for code lenses when told (`workspace.codeLens.refreshSupport`). */
    private readonly canRefreshLenses: () => boolean = () => false,
  ) {}

  /** Runs `work` (attest.yaml's findings) and then the coverage check once typing pauses. */
  schedule(work: () => void): void {
    if (this.refresh) clearTimeout(this.refresh);
    this.refresh = setTimeout(() => {
      this.refresh = undefined;
      work();
      this.mayHaveChanged();
      // A policy's lens counts the controls and procedures under it, which change in other
      // files (a control deleted or moved to another policy): the client asks again.
      this.refreshLenses();
    }, CoverageFeed.REFRESH_DELAY_MS);
  }

  mayHaveChanged(): void {
    // Coverage of a folder still indexing would be partial: wait for it.
    if (!this.folders.everyReady) return;
    const coverage = folderCoverage(this.folders.all);
    const text = JSON.stringify(coverage);
    if (text === this.lastSent) return;
    this.lastSent = text;
    void this.connection.sendNotification(CoverageChangedNotification.method, { folders: coverage } satisfies CoverageChangedNotification.Params);
  }

  private refreshLenses(): void {
    if (this.canRefreshLenses() && this.folders.everyReady) void this.connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
  }

  dispose(): void {
    if (this.refresh) clearTimeout(this.refresh);
  }
}
