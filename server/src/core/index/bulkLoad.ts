import type { PrecomputedOutline } from '../document/model';

export type Outliner = (items: readonly OutlineRequest[]) => Promise<readonly PrecomputedOutline[]>;

export interface OutlineRequest {
  readonly text: string;
  /** Whether the file lies in a document folder (where comply's format is read). */
  readonly allowComply: boolean;
}

/** Below this many candidates, outlining elsewhere costs more than it saves. */
const PARALLEL_THRESHOLD = 400;
const BATCH = 64;

export interface BulkLoad {
  readonly paths: readonly string[];
  read(relPath: string): Promise<string | undefined>;
  allowComply(relPath: string): boolean;
  /** False for a text whose outline is known already (a cache holds its parse): it is not sent to the workers. */
  needsOutline?(relPath: string, text: string): boolean;
  /** Takes one file's text (with its outline, when workers made one). */
  accept(relPath: string, text: string, precomputed: PrecomputedOutline | undefined): void;
  readonly outliner?: Outliner;
  progress?(done: number, total: number): void;
  isCancelled?(): boolean;
}

/**
 * Reads and parses many files in batches. With workers, every batch goes out at once:
 * while this thread parses the frontmatter of one, the workers outline the Markdown of the
 * next. It yields between batches, so that a language server answers requests (and checks
 * a document just opened) while indexing. Returns false when cancelled.
 */
export async function loadInBatches(load: BulkLoad): Promise<boolean> {
  const { paths } = load;
  const batches: string[][] = [];
  for (let i = 0; i < paths.length; i += BATCH) batches.push(paths.slice(i, i + BATCH));
  const texts: (string | undefined)[][] = [];
  for (const batch of batches) {
    if (load.isCancelled?.()) return false;
    texts.push(await Promise.all(batch.map((f) => load.read(f))));
    await nextTurn();
  }
  const unknown = batches.map((batch, i) =>
    batch.flatMap((relPath, j) => {
      const text = texts[i][j];
      return text !== undefined && (load.needsOutline?.(relPath, text) ?? true) ? [{ relPath, text }] : [];
    }),
  );
  const outliner = unknown.reduce((n, batch) => n + batch.length, 0) >= PARALLEL_THRESHOLD ? load.outliner : undefined;
  const outlines = outliner ? unknown.map((batch) => outlineBatch(outliner, load, batch)) : [];
  let done = 0;
  for (let i = 0; i < batches.length; i++) {
    if (load.isCancelled?.()) return false;
    const precomputed = outliner ? await outlines[i] : undefined;
    batches[i].forEach((f, j) => {
      const text = texts[i][j];
      if (text !== undefined) load.accept(f, text, precomputed?.get(f));
    });
    done += batches[i].length;
    load.progress?.(done, paths.length);
    if (i + 1 < batches.length) await nextTurn();
  }
  return true;
}

/** The outlines of a batch by path; none when the workers fail (the documents are then outlined here). */
async function outlineBatch(outliner: Outliner, load: BulkLoad, files: readonly { relPath: string; text: string }[]): Promise<ReadonlyMap<string, PrecomputedOutline> | undefined> {
  if (files.length === 0) return new Map();
  try {
    const results = await outliner(files.map((f) => ({ text: f.text, allowComply: load.allowComply(f.relPath) })));
    return new Map(files.map((f, j) => [f.relPath, results[j]]));
  } catch {
    return undefined;
  }
}

/** A macrotask, not a resolved promise: messages waiting on a connection are read here (reads may be synchronous). */
function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
