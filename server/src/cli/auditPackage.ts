import { spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { FUTURE_SLACK_DAYS } from '../core/document/schema';
import { plural } from '../core/words';
import { GENERATOR, NOT_IN_GIT, buildAuditPackage, type AuditPackage, type FileHistory, type LastChange } from '../report/package/build';
import { configBroken } from '../report/report';
import { mustHaveDocuments, reportConfigProblems } from './documents';
import { mustBeFolder, parse, type Io } from './options';
import { makeFolder, whyNotWritten } from './output';
import { isOutside } from './paths';
import { CliError, UsageError } from './usage';
import { openWorkspace } from './workspace';

/** What a package writes at its root, and so what a later run may replace there. */
const PACKAGE_ENTRIES = /^(index\.html|style\.css|evidence\.html|documents\.html|soa-[\w-]+\.html|documents|files)$/;

/**
 * `attest package [dir] --output DIR [--today DATE] [--allow-empty]`: the auditor package of
 * SPEC §12, a folder that opens offline: the coverage report, the statements of applicability,
 * the evidence list, the exceptions and every document as a page with its last change in git.
 */
export async function packageCommand(args: readonly string[], io: Io, usage: string): Promise<number> {
  const { help, values, dir, today } = parse('package', args, { output: { type: 'string', short: 'o' }, 'allow-empty': { type: 'boolean' } });
  if (help) return (io.out(usage), 0);
  const output = values.output;
  if (typeof output !== 'string') throw new UsageError('`attest package` needs `--output DIR`, the folder to write the package to.');
  mustBeFolder(dir);
  mustBeFreeFolder(output, dir);
  const index = await openWorkspace(dir, today);
  mustHaveDocuments(index, dir, io, { allowEmpty: values['allow-empty'] === true, quiet: false });
  const history = await readGitHistory(dir, [...index.documents].map((d) => d.relPath));
  const built = buildAuditPackage(index, { history, futureSlackDays: FUTURE_SLACK_DAYS });
  const copied = writePackage(built, dir, output);
  reportConfigProblems(index, dir, io);
  const copiedText = copied > 0 ? `, and copied ${plural(copied, 'linked file')} (evidence, attachments)` : '';
  io.err(`Wrote ${plural(built.files.size, 'page')} to ${output}${copiedText}. Open ${path.join(output, 'index.html')}.\n`);
  return configBroken(index) ? 2 : 0;
}

/**
 * The output must not hold the workspace, and must be empty or an earlier package, whose
 * entries are then removed: a folder of someone's own files is never written over.
 */
function mustBeFreeFolder(output: string, dir: string): void {
  const target = path.resolve(output);
  if (!isOutside(path.relative(target, path.resolve(dir)))) throw new UsageError(`\`--output ${output}\` holds the folder being packaged; write the package to a folder of its own.`);
  if (!fs.existsSync(target)) return;
  if (!fs.statSync(target).isDirectory()) throw new UsageError(`\`--output ${output}\` is a file; give a folder, new or empty.`);
  const entries = fs.readdirSync(target);
  if (entries.length === 0) return;
  const earlier = entries.includes('index.html') && fs.readFileSync(path.join(target, 'index.html'), 'utf8').includes(`content="${GENERATOR}"`);
  if (!earlier) throw new UsageError(`\`--output ${output}\` is not empty and holds no earlier auditor package; give a new or empty folder.`);
  for (const entry of entries) if (PACKAGE_ENTRIES.test(entry)) fs.rmSync(path.join(target, entry), { recursive: true, force: true });
}

/** Writes the pages and copies the linked files in; returns how many files were copied. */
function writePackage(built: AuditPackage, dir: string, output: string): number {
  const target = path.resolve(output);
  let current = output;
  try {
    for (const [page, html] of built.files) {
      current = path.join(output, page);
      makeFolder(path.dirname(path.join(target, page)));
      fs.writeFileSync(path.join(target, page), html);
    }
    let copied = 0;
    for (const { from, to } of built.copies) {
      const source = path.resolve(dir, from);
      // A folder of evidence that holds the package would be copied into itself.
      if (!isOutside(path.relative(source, target))) continue;
      current = path.join(output, to);
      makeFolder(path.dirname(path.join(target, to)));
      fs.cpSync(source, path.join(target, to), { recursive: true, dereference: true });
      copied++;
    }
    return copied;
  } catch (error) {
    if (typeof (error as NodeJS.ErrnoException).code !== 'string') throw error;
    throw new CliError(`Cannot write \`${current}\`: ${whyNotWritten(current, error as NodeJS.ErrnoException)}.`);
  }
}

/**
 * The last commit of each file, from one walk of the history below `dir` (newest first, stopped
 * once every file is seen), and the files changed since. Outside a git repository, or without
 * git, the package says "not in git" and is written all the same.
 */
export async function readGitHistory(dir: string, relPaths: readonly string[]): Promise<FileHistory> {
  const prefix = git(dir, ['rev-parse', '--show-prefix']);
  if (prefix === undefined) return NOT_IN_GIT;
  const root = prefix.trim();
  const wanted = new Set(relPaths);
  const lastChange = new Map<string, LastChange>();
  const inWorkspace = (repoPath: string) => (repoPath.startsWith(root) ? repoPath.slice(root.length) : undefined);
  await new Promise<void>((resolve) => {
    const child = spawn('git', ['-c', 'core.quotepath=off', 'log', '-z', '--format=%x01%H%x09%aI%x09%an', '--name-only', '--', '.'], { cwd: dir, stdio: ['ignore', 'pipe', 'ignore'] });
    let commit: LastChange | undefined;
    let rest = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      const tokens = (rest + chunk).split('\0');
      rest = tokens.pop() ?? '';
      for (const token of tokens) {
        const text = token.replace(/^\n/, '');
        if (text.startsWith('\x01')) {
          const [hash = '', date = '', ...author] = text.slice(1).split('\t');
          commit = { commit: hash, date, author: author.join('\t') };
          continue;
        }
        const rel = inWorkspace(text);
        if (commit && rel !== undefined && wanted.has(rel) && !lastChange.has(rel)) lastChange.set(rel, commit);
      }
      if (lastChange.size === wanted.size) child.kill();
    });
    child.on('error', () => resolve());
    child.on('close', () => resolve());
  });
  const uncommitted = new Set<string>();
  // fsmonitor off: a repository's own configuration must not get to run a program here.
  const status = git(dir, ['-c', 'core.fsmonitor=false', 'status', '--porcelain', '-z', '--untracked-files=all', '--', '.']) ?? '';
  const entries = status.split('\0');
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i];
    if (entry.length < 4) continue;
    const rel = inWorkspace(entry.slice(3));
    if (rel !== undefined) uncommitted.add(rel);
    // A rename or copy is followed by the path it came from.
    if (/^[RC]/.test(entry)) i++;
  }
  return { kind: 'git', lastChange, uncommitted };
}

/** A git command's output, or undefined where git is missing or the folder is no repository. */
function git(dir: string, args: readonly string[]): string | undefined {
  const result = spawnSync('git', [...args], { cwd: dir, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', 'pipe', 'ignore'] });
  return result.status === 0 && !result.error ? result.stdout : undefined;
}
