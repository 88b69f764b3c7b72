/** The last commit that changed a file, as `git log -1 --format=%H%x09%aI%x09%an -- FILE` gives it. */
export interface LastChange {
  readonly commit: string;
  /** Author date, ISO 8601 with its offset. */
  readonly date: string;
  readonly author: string;
}

/**
 * What version control says about the workspace's files, read by the command line (the
 * report layer reads no files and runs nothing) and handed in: either git's last change of
 * each file, by workspace-relative path, or why there is none.
 */
export type FileHistory =
  | {
      readonly kind: 'git';
      readonly lastChange: ReadonlyMap<string, LastChange>;
      /** Files changed since their last commit, or never committed: the page shows the working copy. */
      readonly uncommitted: ReadonlySet<string>;
    }
  | { readonly kind: 'none'; readonly reason: string };

export const NOT_IN_GIT: FileHistory = { kind: 'none', reason: 'not in git' };

export interface PackageOptions {
  readonly history?: FileHistory;
  /** How far in the future an evidence date may lie and still count (as `check` allows it). */
  readonly futureSlackDays?: number;
}

/** A workspace file the package links to, to be copied in: evidence, images, attachments. */
export interface PackageCopy {
  /** Workspace-relative path of a file or folder that exists. */
  readonly from: string;
  /** Path inside the package. */
  readonly to: string;
}

/** The auditor package as data: every page by its path in the package, and the files to copy in. */
export interface AuditPackage {
  readonly files: ReadonlyMap<string, string>;
  readonly copies: readonly PackageCopy[];
}
