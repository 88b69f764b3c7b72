import { CONFIG_FILE } from '../core/config';
import type { WorkspaceIndex } from '../core/index/workspaceIndex';
import { formatDiagnosticLine } from '../report/checkText';
import { configBroken, configProblemReport, type ReportedDiagnostic } from '../report/report';
import type { Io } from './options';
import { shownPath } from './paths';
import { CliError } from './usage';

/**
 * A folder without documents is more often a wrong path or a wrong `folders:` than an empty
 * library, so it fails as bad usage (ESLint's "No files matching the pattern"), saying where
 * Attest looked, unless `--allow-empty` says an empty folder is expected. The problems of
 * attest.yaml come first: a broken `folders:` is often why nothing was found.
 */
export function mustHaveDocuments(index: WorkspaceIndex, dir: string, io: Io, options: { allowEmpty: boolean; quiet: boolean }): void {
  if (index.documentCount > 0 || options.allowEmpty) return;
  reportConfigProblems(index, dir, io, { quiet: options.quiet });
  throw new CliError(`${noDocumentsNote(dir, index.config.folders).trimEnd()} Pass --allow-empty if that is expected.`);
}

/** Says where Attest looked when a folder has no documents. */
export function noDocumentsNote(dir: string, folders: readonly string[]): string {
  return `No Attest documents found in ${dir} (${whereDocumentsAreLooked(folders)}).\n`;
}

/**
 * The document folders as attest.yaml names them: a plain name is found at any depth, one
 * written from the root (`./security`) only there; any Markdown file elsewhere is a document
 * when its frontmatter has a `type`.
 */
function whereDocumentsAreLooked(folders: readonly string[]): string {
  const anywhere = folders.some((f) => /^\.?\/*\.?$/.test(f));
  if (anywhere) return 'looked for Markdown files anywhere in it';
  if (folders.length === 0) return 'looked for Markdown files with a `type` in their frontmatter';
  const anchored = (f: string) => /^\.?\//.test(f);
  const names = folders.map((f) => (anchored(f) ? `./${f.replace(/^\.?\/+/, '')}` : f).replace(/\/*$/, '/'));
  const depth = folders.every(anchored) ? '' : folders.some(anchored) ? ' (those without ./ at any depth)' : ' at any depth';
  return `looked for Markdown under ${names.join(', ')}${depth}, and elsewhere for files with a \`type\` in their frontmatter`;
}

/**
 * The problems of attest.yaml on standard error, so that a report does not hide why the
 * command fails; those the report itself already shows (`shown`) are not repeated, and with
 * `--quiet` only errors are said.
 */
export function reportConfigProblems(index: WorkspaceIndex, dir: string, io: Io, options: { shown?: readonly ReportedDiagnostic[]; quiet?: boolean } = {}): void {
  const key = (d: ReportedDiagnostic) => `${d.file}:${d.line}:${d.column}:${d.code}:${d.message}`;
  const already = new Set((options.shown ?? []).map(key));
  const problems = configProblemReport(index).filter((d) => !already.has(key(d)) && (!options.quiet || d.severity === 'error'));
  for (const d of problems) io.err(formatDiagnosticLine({ ...d, file: shownPath(dir, d.file) }, false) + '\n');
  if (configBroken(index)) io.err(`attest: ${shownPath(dir, CONFIG_FILE)} has errors; the report uses only the settings that could be read.\n`);
}
