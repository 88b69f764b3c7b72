import * as fs from 'fs';
import * as path from 'path';
import type { Nodes } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { parseDocument } from '../core/document/model';
import { DEFAULT_FOLDERS } from '../core/types';
import { CliError, UsageError } from './usage';

export const LIBRARY_PARTS = ['policies', 'addenda', 'controls', 'procedures'] as const;

/** The bundled starter library (`policies/` of the repository or the installed extension). */
export function findLibrary(start = __dirname): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'policies');
    if (fs.existsSync(path.join(candidate, 'attest.yaml'))) return candidate;
    if (path.dirname(dir) === dir) throw new CliError(`The starter library (policies/attest.yaml) was not found above ${start}: reinstall Attest.`);
  }
}

function filesUnder(dir: string, rel = ''): string[] {
  return fs.readdirSync(path.join(dir, rel), { withFileTypes: true }).flatMap((entry) => {
    const child = rel ? `${rel}/${entry.name}` : entry.name;
    return entry.isDirectory() ? filesUnder(dir, child) : [child];
  });
}

/** What `initWorkspace` did, file by file (paths relative to the target folder, with `/`). */
export interface InitResult {
  readonly written: string[];
  readonly skipped: string[];
  /** Documents outside the chosen parts, copied because a chosen one names them as its `policy` or `extends`. */
  readonly required: string[];
  /** Copied documents whose links to documents left out became plain text. */
  readonly unlinked: string[];
}

/**
 * Copies attest.yaml and the starter library (or the chosen parts of it) into `dir`.
 * A part comes with the policies its documents belong to, and its links to documents
 * left out become plain text, so that every subset checks without errors. Existing files
 * are kept unless `force`: init never loses a user's text.
 */
export function initWorkspace(dir: string, options: { only?: readonly string[]; force?: boolean; library?: string } = {}): InitResult {
  const library = options.library ?? findLibrary();
  const parts = options.only ?? LIBRARY_PARTS;
  for (const part of parts) {
    if (!(LIBRARY_PARTS as readonly string[]).includes(part)) throw new UsageError(`--only takes ${LIBRARY_PARTS.join(', ')}; \`${part}\` is not one of them.`);
  }
  if (fs.existsSync(dir) && !fs.statSync(dir).isDirectory()) throw new UsageError(`${dir} is a file; attest init needs a folder (it is created when missing).`);
  const all = filesUnder(library);
  const texts = new Map(all.filter((f) => f.endsWith('.md')).map((f) => [f, fs.readFileSync(path.join(library, ...f.split('/')), 'utf8')]));
  const chosen = all.filter((f) => f === 'attest.yaml' || parts.some((p) => f.startsWith(p + '/')));
  const required = parentsOf(chosen, texts);
  const copied = new Set([...chosen, ...required]);
  const written: string[] = [];
  const skipped: string[] = [];
  const unlinked: string[] = [];
  for (const file of [...chosen, ...required]) {
    const target = path.join(dir, ...file.split('/'));
    if (fs.existsSync(target) && !options.force) {
      skipped.push(file);
      continue;
    }
    const text = texts.get(file);
    const kept = text === undefined ? undefined : unlinkMissing(file, text, copied);
    try {
      fs.mkdirSync(path.dirname(target), { recursive: true });
      if (kept === undefined) fs.copyFileSync(path.join(library, ...file.split('/')), target);
      else fs.writeFileSync(target, kept);
    } catch (error) {
      const why = (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
      throw new CliError(`Could not write ${target} (${why}); ${written.length} of ${chosen.length + required.length} files were written before it.`);
    }
    if (kept !== undefined && kept !== text) unlinked.push(file);
    written.push(file);
  }
  return { written, skipped, required, unlinked };
}

/** The library documents that the chosen ones name as their `policy` or `extends`, and theirs in turn. */
function parentsOf(chosen: readonly string[], texts: ReadonlyMap<string, string>): string[] {
  const docs = [...texts].flatMap(([relPath, text]) => parseDocument({ uri: `library:///${relPath}`, relPath, text }, DEFAULT_FOLDERS) ?? []);
  const fileOfId = new Map(docs.flatMap((d) => (d.id ? [[d.id.value, d.relPath] as const] : [])));
  const byFile = new Map(docs.map((d) => [d.relPath, d]));
  const included = new Set(chosen);
  const required: string[] = [];
  for (let i = 0, queue = [...chosen]; i < queue.length; i++) {
    const doc = byFile.get(queue[i]);
    for (const parent of [doc?.policy?.value, doc?.extends?.value]) {
      const file = parent === undefined ? undefined : fileOfId.get(parent);
      if (file === undefined || included.has(file)) continue;
      included.add(file);
      required.push(file);
      queue.push(file);
    }
  }
  return required;
}

const markdown = unified().use(remarkParse);

/**
 * `text` with every link to a library document that is not copied replaced by the link's
 * own text (`[Access Review](../procedures/access-review.md)` → `Access Review`).
 */
function unlinkMissing(file: string, text: string, copied: ReadonlySet<string>): string {
  const cuts: { start: number; end: number; keep: string }[] = [];
  const visit = (node: Nodes): void => {
    if (node.type === 'link' && isLeftOut(file, node.url, copied)) {
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      const first = node.children[0]?.position?.start.offset;
      const last = node.children[node.children.length - 1]?.position?.end.offset;
      if (start !== undefined && end !== undefined) cuts.push({ start, end, keep: first !== undefined && last !== undefined ? text.slice(first, last) : '' });
      return;
    }
    if ('children' in node) for (const child of node.children) visit(child);
  };
  visit(markdown.parse(text));
  let result = text;
  for (const cut of cuts.sort((a, b) => b.start - a.start)) result = result.slice(0, cut.start) + cut.keep + result.slice(cut.end);
  return result;
}

/** Whether `url`, written in `file`, points at a file of the library that is not copied. */
function isLeftOut(file: string, url: string, copied: ReadonlySet<string>): boolean {
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('#') || url.startsWith('/')) return false;
  let relative: string;
  try {
    relative = decodeURI(url.replace(/[?#].*$/, ''));
  } catch {
    return false;
  }
  const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), relative));
  return target.endsWith('.md') && !target.startsWith('..') && !copied.has(target);
}
