import * as fs from 'fs';
import * as path from 'path';
import type { Nodes } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { parseDocument } from '../core/document/model';
import { linkTarget } from '../core/document/paths';
import { DEFAULT_FOLDERS } from '../core/types';
import { makeFolder, whyNotWritten } from './output';
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
export function initWorkspace(dir: string, options: { only?: readonly string[]; force?: boolean; library?: string; organization?: string } = {}): InitResult {
  const library = options.library ?? findLibrary();
  const parts = options.only ?? LIBRARY_PARTS;
  for (const part of parts) {
    if (!(LIBRARY_PARTS as readonly string[]).includes(part)) throw new UsageError(`--only takes ${LIBRARY_PARTS.join(', ')}; \`${part}\` is not one of them.`);
  }
  if (fs.existsSync(dir) && !fs.statSync(dir).isDirectory()) throw new UsageError(`${dir} is a file; attest init needs a folder (it is created when missing).`);
  const all = filesUnder(library);
  const texts = new Map(all.filter((f) => f.endsWith('.md')).map((f) => [f, fs.readFileSync(path.join(library, ...f.split('/')), 'utf8')]));
  const chosen = all.filter((f) => f === 'attest.yaml' || parts.some((p) => f.startsWith(p + '/')));
  const parents = parentsOf(chosen, texts);
  const copied = new Set([...chosen, ...parents]);
  const leftOut = (target: string | null | undefined) => typeof target === 'string' && texts.has(target) && !copied.has(target);
  const result: InitResult = { written: [], skipped: [], required: [], unlinked: [] };
  for (const file of [...chosen, ...parents]) {
    const target = path.join(dir, ...file.split('/'));
    if (fs.existsSync(target) && !options.force) {
      result.skipped.push(file);
      continue;
    }
    const source = file === 'attest.yaml' ? fs.readFileSync(path.join(library, file), 'utf8') : texts.get(file);
    const text = source === undefined ? undefined : adopting(file, source, options.organization);
    const kept = text === undefined ? undefined : file === 'attest.yaml' ? text : unlinkLeftOut(text, (url) => leftOut(linkTarget(file, url)));
    try {
      makeFolder(path.dirname(target));
      if (kept === undefined) fs.copyFileSync(path.join(library, ...file.split('/')), target);
      else fs.writeFileSync(target, kept);
    } catch (error) {
      if (typeof (error as NodeJS.ErrnoException).code !== 'string') throw error;
      const done = result.written.length;
      throw new CliError(`Cannot write \`${target}\`: ${whyNotWritten(target, error as NodeJS.ErrnoException)} (${done} ${done === 1 ? 'file was' : 'files were'} written before it).`);
    }
    result.written.push(file);
    if (parents.includes(file)) result.required.push(file);
    if (kept !== undefined && kept !== text) result.unlinked.push(file);
  }
  return result;
}

/**
 * The library as a starting point to adopt, not finished compliance (SPEC §10): documents
 * are written as drafts, attest.yaml names the organisation and leaves the library's
 * exceptions for the user to confirm. Only what a draft counts toward changes; bodies and
 * every other byte stay as they are.
 */
export function adopting(file: string, text: string, organization?: string): string {
  if (file === 'attest.yaml') {
    let config = organization ? text.replace(/^organization: .*$/m, `organization: ${JSON.stringify(organization)}`) : text;
    const exceptions = /^exceptions:[^\n]*\n(?:(?:[ \t]+[^\n]*|)\n)*/m.exec(config);
    if (exceptions) {
      const commented = exceptions[0].replace(/^(?=.)/gm, '# ');
      config = config.slice(0, exceptions.index) + '# Confirm each exception before you uncomment it: an excepted criterion counts as covered.\n' + commented + config.slice(exceptions.index + exceptions[0].length);
    }
    return config;
  }
  const close = text.startsWith('---') ? text.indexOf('\n---', 3) : -1;
  if (close < 0) return text;
  return text.slice(0, close).replace(/^status:[ \t]*(approved|implemented)[ \t]*$/m, 'status: draft') + text.slice(close);
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
 * `text` with every link whose target is `leftOut` replaced by the link's own text:
 * `[Access Review](../procedures/access-review.md)` → `Access Review`, and the same for a
 * reference (`[Access Review][ar]`), whose definition line (`[ar]: ../procedures/…`) goes.
 */
export function unlinkLeftOut(text: string, leftOut: (url: string) => boolean): string {
  const tree = markdown.parse(text);
  const gone = new Set<string>();
  const cuts: { start: number; end: number; keep: string }[] = [];
  const span = (node: Nodes) => ({ start: node.position?.start.offset, end: node.position?.end.offset });
  const textOf = (children: readonly Nodes[]) => {
    const first = children.length > 0 ? span(children[0]).start : undefined;
    const last = children.length > 0 ? span(children[children.length - 1]).end : undefined;
    return first !== undefined && last !== undefined ? text.slice(first, last) : '';
  };
  const walk = (node: Nodes, visit: (node: Nodes) => boolean): void => {
    if (visit(node) && 'children' in node) for (const child of node.children) walk(child, visit);
  };
  // Definitions first: a reference may come before the definition it uses.
  walk(tree, (node) => {
    if (node.type !== 'definition' || !leftOut(node.url)) return true;
    gone.add(node.identifier);
    const { start, end } = span(node);
    if (start !== undefined && end !== undefined) cuts.push({ start, end: text.startsWith('\r\n', end) ? end + 2 : text.startsWith('\n', end) ? end + 1 : end, keep: '' });
    return false;
  });
  walk(tree, (node) => {
    const unlink = (node.type === 'link' && leftOut(node.url)) || (node.type === 'linkReference' && gone.has(node.identifier));
    if (!unlink) return true;
    const { start, end } = span(node);
    if (start !== undefined && end !== undefined) cuts.push({ start, end, keep: textOf(node.children) });
    return false;
  });
  let result = text;
  for (const cut of cuts.sort((a, b) => b.start - a.start)) result = result.slice(0, cut.start) + cut.keep + result.slice(cut.end);
  return result;
}
