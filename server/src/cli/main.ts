import * as fs from 'fs';
import { ATTEST_VERSION } from '../shared/version';
import * as path from 'path';
import { CONFIG_FILE } from '../core/config';
import { isIsoDate } from '../core/document/schema';
import { formatCheckText, formatDiagnosticLine } from '../report/checkText';
import { formatSarif } from '../report/sarif';
import { plural } from '../core/words';
import { initWorkspace } from './init';
import { SOA_USAGE, soa } from './soa';
import { COVERAGE_FORMATS, buildReport, configBroken, configProblemReport, countBySeverity, renderCoverage, type CoverageFormat, type ReportedDiagnostic } from '../report/report';
import type { WorkspaceIndex } from '../core/index/workspaceIndex';
import { parseCommandArgs, type OptionSpec } from './args';
import { CliError, UsageError } from './usage';
import { writeOutput } from './output';
import { folderUrl, linkBase, shownPath } from './paths';
import { openWorkspace } from './workspace';
import { startServer } from '../lsp/server';

export const VERSION = ATTEST_VERSION;

const USAGE = `Usage: attest <command> [options]

Commands:
  check [dir]      Check the documents of a folder (default: .)
      --format text|json|sarif    output format (default: text)
      --max-warnings N            fail when there are more than N warnings
  coverage [dir]   Print the coverage of the Trust Services Criteria and ML topics
      --format text|markdown|json|csv|html   (default: text)
      --output FILE               write to FILE instead of standard output
${SOA_USAGE}  init [dir]       Create attest.yaml and the starter policy library in a folder
      --only LIST                 only these parts: policies,addenda,controls,procedures
      --force                     overwrite files that exist
  lsp --stdio      Run the language server over standard input and output

Common options:
  --today YYYY-MM-DD   check as of this date (review and evidence ages)
  -h, --help           show this help
  -v, --version        show the version

Exit codes: 0 no errors; 1 errors (or more warnings than allowed); 2 bad usage or configuration.
`;


export interface Io {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly color: boolean;
}

const EXTENSION: Readonly<Record<CoverageFormat, string>> = { text: 'txt', markdown: 'md', json: 'json', csv: 'csv', html: 'html' };

const FORMATS = {
  check: ['text', 'json', 'sarif'],
  coverage: COVERAGE_FORMATS,
} as const;

export async function main(argv: readonly string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '-h' || command === '--help' || command === 'help') {
    (command ? io.out : io.err)(USAGE);
    return command ? 0 : 2;
  }
  if (command === '-v' || command === '--version') {
    io.out(`${VERSION}\n`);
    return 0;
  }
  try {
    switch (command) {
      case 'check':
        return await check(rest, io);
      case 'coverage':
        return await coverage(rest, io);
      case 'soa':
        return await soa(rest, io, USAGE);
      case 'init':
        return init(rest, io);
      case 'lsp':
        if (rest.includes('-h') || rest.includes('--help')) return (io.out(USAGE), 0);
        // The connection reads its transport from the process arguments itself; without one it would throw.
        if (!hasTransport(rest)) throw new CliError('`attest lsp` needs `--stdio` (what editors use); `--node-ipc`, `--socket=PORT` and `--pipe=NAME` work too.');
        startServer();
        return new Promise<number>(() => undefined);
      default:
        throw new UsageError(`Unknown command \`${command}\`.`);
    }
  } catch (error) {
    if (error instanceof CliError) {
      io.err(`attest: ${error.message}\n${error instanceof UsageError ? 'Run `attest --help` for usage.\n' : ''}`);
      return 2;
    }
    throw error;
  }
}

/** The transports vscode-languageserver reads from the command line; a socket needs a port number. */
function hasTransport(args: readonly string[]): boolean {
  const port = /^[1-9]\d{0,4}$/;
  return args.some(
    (a, i) =>
      a === '--stdio' ||
      a === '--node-ipc' ||
      /^--pipe=./.test(a) ||
      (a === '--pipe' && args[i + 1] !== undefined) ||
      (a.startsWith('--socket=') && port.test(a.slice('--socket='.length))) ||
      (a === '--socket' && port.test(args[i + 1] ?? '')),
  );
}

const HELP: OptionSpec = { type: 'boolean', short: 'h' };

/** The folder a command works on: at most one, `.` by default. */
function folderOf(command: string, positionals: readonly string[]): string {
  if (positionals.length > 1) throw new UsageError(`\`attest ${command}\` takes one folder, not ${positionals.length}: ${positionals.map((p) => `\`${p}\``).join(' ')}.`);
  return positionals[0] ?? '.';
}

function parse(command: string, args: readonly string[], options: Record<string, OptionSpec>) {
  const { values, positionals } = parseCommandArgs(command, args, { ...options, today: { type: 'string' }, help: HELP });
  if (values.help) return { help: true, values, dir: '.', today: undefined } as const;
  const dir = folderOf(command, positionals);
  const today = values.today as string | undefined;
  if (today !== undefined && !isIsoDate(today)) throw new UsageError(`\`--today\` takes a date written YYYY-MM-DD, not \`${today}\`.`);
  return { help: false, values, dir, today } as const;
}

/** Checked after the options, so that a mistyped option is reported as such rather than as a missing folder. */
function mustBeFolder(dir: string): void {
  if (!fs.existsSync(dir)) throw new UsageError(`\`${dir}\` does not exist.`);
  if (!fs.statSync(dir).isDirectory()) throw new UsageError(`\`${dir}\` is not a folder.`);
}

function formatOf(value: unknown, allowed: readonly string[]): string {
  const format = (value as string | undefined) ?? 'text';
  if (!allowed.includes(format)) throw new UsageError(`\`--format\` takes ${allowed.slice(0, -1).join(', ')} or ${allowed[allowed.length - 1]}, not \`${format}\`.`);
  return format;
}

/** `--max-warnings N`: digits only, so that `-1`, `0x10`, `1e2` or ` 3` are not read as some other number. */
function maxWarningsOf(value: string | true | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !/^\d+$/.test(value)) throw new UsageError(`\`--max-warnings\` takes a whole number ≥ 0, not \`${String(value)}\`.`);
  return Number(value);
}

async function check(args: readonly string[], io: Io): Promise<number> {
  const { help, values, dir, today } = parse('check', args, { format: { type: 'string' }, 'max-warnings': { type: 'string' } });
  if (help) return (io.out(USAGE), 0);
  const format = formatOf(values.format, FORMATS.check);
  const maxWarnings = maxWarningsOf(values['max-warnings']);
  mustBeFolder(dir);
  const index = await openWorkspace(dir, today);
  const report = buildReport(index);
  if (format === 'json') io.out(JSON.stringify(report, null, 2) + '\n');
  else if (format === 'sarif') io.out(formatSarif(report, VERSION, { root: folderUrl(dir), srcRoot: folderUrl(process.cwd()) }));
  // Paths from the current folder, which a terminal can open; JSON keeps them relative to the checked folder.
  else io.out(formatCheckText({ ...report, diagnostics: report.diagnostics.map((d) => ({ ...d, file: shownPath(dir, d.file) })) }, io.color));
  // Text shows the problems of attest.yaml with the rest (stderr adds any whose rule is off);
  // JSON and SARIF keep standard output to themselves.
  reportConfigProblems(index, dir, io, format === 'text' ? report.diagnostics : []);
  if (index.documentCount === 0) io.err(noDocumentsNote(dir, index.config.folders));
  if (configBroken(index)) return 2;
  const counts = countBySeverity(report.diagnostics);
  if (counts.error > 0) return 1;
  if (maxWarnings !== undefined && counts.warning > maxWarnings) {
    // Said after the summary in text; JSON and SARIF keep standard output to themselves.
    (format === 'text' ? io.out : io.err)(`Too many warnings: ${counts.warning}, at most ${maxWarnings} allowed.\n`);
    return 1;
  }
  return 0;
}


async function coverage(args: readonly string[], io: Io): Promise<number> {
  const { help, values, dir, today } = parse('coverage', args, { format: { type: 'string' }, output: { type: 'string', short: 'o' } });
  if (help) return (io.out(USAGE), 0);
  const format = formatOf(values.format, FORMATS.coverage);
  mustBeFolder(dir);
  const index = await openWorkspace(dir, today);
  const output = values.output as string | undefined;
  // Written to a file, the report links the documents from where it lies; printed, from the folder.
  const text = renderCoverage(index, format as CoverageFormat, output ? { linkBase: linkBase(output, dir) } : {});
  reportConfigProblems(index, dir, io);
  if (index.documentCount === 0) io.err(noDocumentsNote(dir, index.config.folders));
  if (output) {
    writeOutput(output, text, EXTENSION[format as CoverageFormat]);
    io.err(`Wrote ${output}\n`);
  } else io.out(text);
  return configBroken(index) ? 2 : 0;
}

/**
 * Said when a folder has no documents, which is more often a wrong path than an empty
 * library: the command still succeeds, but CI should not pass in silence.
 */
function noDocumentsNote(dir: string, folders: readonly string[]): string {
  const names = folders.map((f) => f.replace(/^\.\//, '').replace(/\/+$/, ''));
  const where = names.some((f) => f === '' || f === '.')
    ? 'looked for Markdown files anywhere in it'
    : names.length > 0
      ? `looked for Markdown under ${names.map((f) => `${f}/`).join(', ')} and files with a \`type\` in their frontmatter`
      : 'looked for Markdown files with a `type` in their frontmatter';
  return `No Attest documents found in ${dir} (${where}).\n`;
}

/**
 * The problems of attest.yaml on standard error, so that a report does not hide why the
 * command fails; those the report itself already shows (`shown`) are not repeated.
 */
function reportConfigProblems(index: WorkspaceIndex, dir: string, io: Io, shown: readonly ReportedDiagnostic[] = []): void {
  const key = (d: ReportedDiagnostic) => `${d.file}:${d.line}:${d.column}:${d.code}:${d.message}`;
  const already = new Set(shown.map(key));
  const problems = configProblemReport(index).filter((d) => !already.has(key(d)));
  for (const d of problems) io.err(formatDiagnosticLine({ ...d, file: shownPath(dir, d.file) }, false) + '\n');
  if (configBroken(index)) io.err(`attest: ${shownPath(dir, CONFIG_FILE)} has errors; the report uses only the settings that could be read.\n`);
}

function init(args: readonly string[], io: Io): number {
  const { values, positionals } = parseCommandArgs('init', args, { only: { type: 'string' }, force: { type: 'boolean' }, help: HELP });
  if (values.help) return (io.out(USAGE), 0);
  const dir = folderOf('init', positionals);
  const only = (values.only as string | undefined)?.split(',').map((s) => s.trim()).filter(Boolean);
  const result = initWorkspace(dir, { only, force: values.force === true });
  for (const file of result.written) io.out(`created ${path.join(dir, file)}\n`);
  for (const file of result.skipped) io.err(`kept ${path.join(dir, file)} (exists; --force overwrites)\n`);
  if (result.required.length > 0) {
    io.out(`\nAlso copied the ${plural(result.required.length, 'document')} that the chosen ones belong to (their \`policy\` or \`extends\`).\n`);
  }
  if (result.unlinked.length > 0) {
    io.out(`Links to documents left out became plain text in ${plural(result.unlinked.length, 'file')}.\n`);
  }
  io.out(`\n${plural(result.written.length, 'file')} written. Next: attest check ${dir}\n`);
  return 0;
}
