import * as fs from 'fs';
import * as path from 'path';
import { parseArgs } from 'util';
import { isIsoDate } from '../core/document/schema';
import type { WorkspaceIndex } from '../core/index/workspaceIndex';
import { formatCheckText } from '../report/checkText';
import { formatSarif } from '../report/sarif';
import { initWorkspace } from './init';
import { COVERAGE_FORMATS, buildReport, countBySeverity, renderCoverage, type CoverageFormat } from '../report/report';
import { UsageError } from './usage';
import { openWorkspace } from './workspace';
import { startServer } from '../lsp/server';

export const VERSION = '0.1.0';

const USAGE = `Usage: attest <command> [options]

Commands:
  check [dir]      Check the documents of a folder (default: .)
      --format text|json|sarif    output format (default: text)
      --max-warnings N            fail when there are more than N warnings
  coverage [dir]   Print the coverage of the Trust Services Criteria and ML topics
      --format text|markdown|json|csv|html   (default: text)
      --output FILE               write to FILE instead of standard output
  init [dir]       Create attest.yaml and the starter policy library in a folder
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
      case 'init':
        return init(rest, io);
      case 'lsp':
        // The connection reads --stdio / --node-ipc from the process arguments itself.
        startServer();
        return new Promise<number>(() => undefined);
      default:
        throw new UsageError(`Unknown command \`${command}\`.`);
    }
  } catch (error) {
    if (error instanceof UsageError || (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))) {
      io.err(`attest: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    throw error;
  }
}

function parse(args: readonly string[], options: Record<string, { type: 'string' | 'boolean'; short?: string }>) {
  const parsed = parseArgs({ args: [...args], options: { ...options, today: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
  const values = parsed.values as Record<string, string | boolean | undefined>;
  const positionals = parsed.positionals;
  if (positionals.length > 1) throw new UsageError(`Expected one folder, got ${positionals.join(' ')}.`);
  const dir = positionals[0] ?? '.';
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) throw new UsageError(`\`${dir}\` is not a folder.`);
  const today = values.today as string | undefined;
  if (today !== undefined && !isIsoDate(today)) throw new UsageError('--today takes a date written YYYY-MM-DD.');
  return { values, dir, today };
}

function formatOf(value: unknown, allowed: readonly string[]): string {
  const format = (value as string | undefined) ?? 'text';
  if (!allowed.includes(format)) throw new UsageError(`--format must be one of ${allowed.join(', ')}.`);
  return format;
}

/**
 * A broken attest.yaml is bad configuration: exit 2, after showing what is wrong. Decided
 * by what the file itself says (an unknown key is only a warning), not by the severities
 * its rules may configure.
 */
function configBroken(index: WorkspaceIndex): boolean {
  return index.configProblems.some((f) => f.code !== 'unknown-field');
}

async function check(args: readonly string[], io: Io): Promise<number> {
  const { values, dir, today } = parse(args, { format: { type: 'string' }, 'max-warnings': { type: 'string' } });
  if (values.help) return (io.out(USAGE), 0);
  const format = formatOf(values.format, FORMATS.check);
  const maxWarningsText = values['max-warnings'] as string | undefined;
  const maxWarnings = maxWarningsText === undefined ? undefined : Number(maxWarningsText);
  if (maxWarnings !== undefined && (!Number.isInteger(maxWarnings) || maxWarnings < 0)) throw new UsageError('--max-warnings takes a whole number.');
  const index = await openWorkspace(dir, today);
  const report = buildReport(index);
  if (format === 'json') io.out(JSON.stringify(report, null, 2) + '\n');
  else if (format === 'sarif') io.out(formatSarif(report, VERSION));
  else io.out(formatCheckText(report, io.color));
  if (configBroken(index)) return 2;
  const counts = countBySeverity(report.diagnostics);
  if (counts.error > 0) return 1;
  if (maxWarnings !== undefined && counts.warning > maxWarnings) {
    if (format === 'text') io.out(`Too many warnings: ${counts.warning}, at most ${maxWarnings} allowed.\n`);
    return 1;
  }
  return 0;
}


async function coverage(args: readonly string[], io: Io): Promise<number> {
  const { values, dir, today } = parse(args, { format: { type: 'string' }, output: { type: 'string', short: 'o' } });
  if (values.help) return (io.out(USAGE), 0);
  const format = formatOf(values.format, FORMATS.coverage);
  const index = await openWorkspace(dir, today);
  const text = renderCoverage(index, format as CoverageFormat);
  const output = values.output as string | undefined;
  if (output) {
    fs.mkdirSync(path.dirname(path.resolve(output)), { recursive: true });
    fs.writeFileSync(output, text);
    io.err(`Wrote ${output}\n`);
  } else io.out(text);
  return configBroken(index) ? 2 : 0;
}

function init(args: readonly string[], io: Io): number {
  const { values, positionals } = parseArgs({ args: [...args], options: { only: { type: 'string' }, force: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
  if (values.help) return (io.out(USAGE), 0);
  if (positionals.length > 1) throw new UsageError(`Expected one folder, got ${positionals.join(' ')}.`);
  const dir = positionals[0] ?? '.';
  const only = values.only?.split(',').map((s) => s.trim()).filter(Boolean);
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

/** `1 file`, `2 files`. */
function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
