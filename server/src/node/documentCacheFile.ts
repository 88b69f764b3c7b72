import { createHash, randomBytes } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { fileURLToPath } from 'url';
import type { DocumentCache } from '../core/index/cacheEntry';
import { ATTEST_VERSION } from '../shared/version';

/** Where a folder's cache lives unless told otherwise: hidden, so never indexed, and it ignores itself in git. */
export const DEFAULT_CACHE_FOLDER = '.attest-cache';
const CACHE_FILE = 'documents.jsonl';
const FORMAT = 'attest-document-cache';
const FORMAT_VERSION = 1;
const GITIGNORE = '# Made by Attest: a cache, rebuilt when missing; nothing here belongs in version control.\n*\n';

/** What a cache must have been written by to be read: this Attest, for this folder. */
export interface CacheIdentity {
  /** Attest's version and build: a cache of another one is not read. */
  readonly attest: string;
  /** The URI of the folder the paths are relative to. */
  readonly root: string;
}

/** Attest's version, and the size and time of the code that runs, so that a rebuild at the same version starts afresh. */
export function currentBuild(): string {
  try {
    const stat = fs.statSync(__filename);
    return `${ATTEST_VERSION}+${stat.size}.${Math.round(stat.mtimeMs)}`;
  } catch {
    return ATTEST_VERSION;
  }
}

/**
 * The persistent cache of a folder's parses and diagnostics: one file, a header line (format,
 * Attest build, folder), then a line per file (its path as JSON, then its entry's parts, all
 * separated by tabs), then a line with the count. A file that cannot be read, lacks its last line, or is of another
 * format, build or folder is taken as empty and replaced on the next save; it is written to
 * a temporary file renamed over the old one, so it is never seen half-written. An entry is
 * split only when the index asks for its file, and its parts are checked by the core.
 * Only the entries of files seen in this run are written back, so the cache does not
 * outgrow the folder.
 */
export class DocumentCacheFile implements DocumentCache {
  /** The entries of the files seen in this run. */
  private readonly live = new Map<string, readonly string[]>();
  private changed = false;

  private constructor(
    readonly folder: string,
    private readonly identity: CacheIdentity,
    private readonly stored: ReadonlyMap<string, string>,
    /** Whether there was a cache file this build could not use. */
    readonly discarded: boolean,
  ) {}

  /** The cache in `folder` (created on the first save), or an empty one when there is none fit to read. */
  static open(folder: string, identity: CacheIdentity): DocumentCacheFile {
    let raw: string;
    try {
      raw = fs.readFileSync(path.join(folder, CACHE_FILE), 'utf8');
    } catch {
      return new DocumentCacheFile(folder, identity, new Map(), false);
    }
    const entries = entriesOf(raw, identity);
    return new DocumentCacheFile(folder, identity, entries ?? new Map(), entries === undefined);
  }

  get file(): string {
    return path.join(this.folder, CACHE_FILE);
  }

  /** Whether a file URI lies in the cache's folder: the cache's own writes, which change no document. */
  owns(uri: string): boolean {
    try {
      const file = fileURLToPath(uri);
      return file === this.folder || file.startsWith(this.folder + path.sep);
    } catch {
      return false;
    }
  }

  digest(text: string): string {
    return createHash('sha256').update(text).digest('base64url');
  }

  get(relPath: string): readonly string[] | undefined {
    const live = this.live.get(relPath);
    if (live) return live;
    const line = this.stored.get(relPath);
    if (line === undefined) return undefined;
    const parts = line.split('\t');
    this.live.set(relPath, parts);
    return parts;
  }

  set(relPath: string, parts: readonly string[]): void {
    this.changed = true;
    // A part that would break its line is not kept (the core never makes one: JSON escapes both).
    if (parts.some((part) => /[\t\n]/.test(part))) this.live.delete(relPath);
    else this.live.set(relPath, parts);
  }

  /**
   * Writes the entries of this run, when they differ from what was read. A cache that
   * cannot be written is left as it was: it only ever saves time.
   */
  async save(): Promise<void> {
    if (!this.changed && !this.discarded && this.live.size === this.stored.size) return;
    const header = JSON.stringify({ format: FORMAT, version: FORMAT_VERSION, attest: this.identity.attest, root: this.identity.root });
    const lines = [header, ...[...this.live].map(([relPath, parts]) => [JSON.stringify(relPath), ...parts].join('\t')), JSON.stringify({ entries: this.live.size })];
    const temporary = `${this.file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    try {
      await ensureFolder(this.folder);
      await fs.promises.writeFile(temporary, lines.join('\n') + '\n');
      await fs.promises.rename(temporary, this.file);
      this.changed = false;
    } catch {
      await fs.promises.rm(temporary, { force: true }).catch(() => undefined);
    }
  }
}

/**
 * The entries of a cache file's text by path, as JSON text, or undefined when it is not a
 * whole cache this build wrote for this folder. JSON escapes tabs and line breaks, so
 * neither occurs inside a path or an entry.
 */
function entriesOf(raw: string, identity: CacheIdentity): Map<string, string> | undefined {
  const lines = raw.split('\n');
  if (lines.at(-1) === '') lines.pop();
  if (lines.length < 2) return undefined;
  const header = parseObject(lines[0]);
  const fits = header?.format === FORMAT && header.version === FORMAT_VERSION && header.attest === identity.attest && header.root === identity.root;
  if (!fits || parseObject(lines[lines.length - 1])?.entries !== lines.length - 2) return undefined;
  const entries = new Map<string, string>();
  for (let i = 1; i < lines.length - 1; i++) {
    const line = lines[i];
    const tab = line.indexOf('\t');
    const relPath = tab > 0 ? parseJson(line.slice(0, tab)) : undefined;
    if (typeof relPath !== 'string') return undefined;
    entries.set(relPath, line.slice(tab + 1));
  }
  return entries;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function parseObject(text: string): Record<string, unknown> | undefined {
  const value = parseJson(text);
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** Creates the cache folder: one Attest creates ignores itself in git; one that exists (it may hold other things) is left as it is. */
async function ensureFolder(folder: string): Promise<void> {
  if (fs.existsSync(folder)) return;
  await fs.promises.mkdir(folder, { recursive: true });
  await fs.promises.writeFile(path.join(folder, '.gitignore'), GITIGNORE);
}
