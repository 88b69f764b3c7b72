import { ATTEST_VERSION } from '../shared/version';
import type { Severity } from '../core/types';
import { formatCheckText } from '../report/checkText';
import { escapeWorkflowData, formatGithub } from '../report/github';
import { formatJunit } from '../report/junit';
import { COVERAGE_FORMATS, buildReport, configBroken, countBySeverity, renderCoverage, type CoverageFormat } from '../report/report';
import { formatSarif } from '../report/sarif';
import { mustHaveDocuments, noDocumentsNote, reportConfigProblems } from './documents';
import { USAGE } from './help';
import { formatOf, maxWarningsOf, mustBeFolder, parse, type Io } from './options';
import type { OptionSpec } from './args';
import { writeOutput } from './output';
import { folderUrl, linkBase, shownPath } from './paths';
import { UsageError } from './usage';
import { openCache, openWorkspace } from './workspace';

const EXTENSION: Readonly<Record<CoverageFormat, string>> = { text: 'txt', markdown: 'md', json: 'json', csv: 'csv', html: 'html' };

const FORMATS = {
  check: ['text', 'json', 'sarif', 'github', 'junit'],
  coverage: COVERAGE_FORMATS,
} as const;

const CHECK_OPTIONS: Record<string, OptionSpec> = {
  format: { type: 'string' },
  'max-warnings': { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
  'allow-empty': { type: 'boolean' },
  cache: { type: 'boolean' },
  'cache-location': { type: 'string' },
};

export async function check(args: readonly string[], io: Io): Promise<number> {
  const { help, values, dir, today } = parse('check', args, CHECK_OPTIONS);
  if (help) return (io.out(USAGE), 0);
  const format = formatOf(values.format, FORMATS.check);
  const maxWarnings = maxWarningsOf(values['max-warnings']);
  const quiet = values.quiet === true;
  const cacheLocation = values['cache-location'] as string | undefined;
  if (cacheLocation !== undefined && values.cache !== true) throw new UsageError('`--cache-location` says where `--cache` keeps its file: pass `--cache` too.');
  mustBeFolder(dir);
  const cache = values.cache === true ? openCache(dir, cacheLocation) : undefined;
  const index = await openWorkspace(dir, today, cache);
  mustHaveDocuments(index, dir, io, { allowEmpty: values['allow-empty'] === true, quiet });
  const full = buildReport(index);
  // ESLint's --quiet: the warnings are not reported, and so not counted against --max-warnings.
  const report = quiet ? { ...full, diagnostics: full.diagnostics.filter((d) => d.severity === 'error') } : full;
  const counts = countBySeverity(report.diagnostics);
  const tooManyWarnings = maxWarnings !== undefined && counts.warning > maxWarnings;
  // Paths from the current folder, which a terminal can open and which is the repository root in
  // CI; JSON keeps them relative to the checked folder, SARIF to both (SRCROOT).
  const shown = { ...report, diagnostics: report.diagnostics.map((d) => ({ ...d, file: shownPath(dir, d.file) })) };
  switch (format) {
    case 'json':
      io.out(JSON.stringify(report, null, 2) + '\n');
      break;
    case 'sarif':
      io.out(formatSarif(report, ATTEST_VERSION, { root: folderUrl(dir), srcRoot: folderUrl(process.cwd()) }));
      break;
    case 'github':
      io.out(formatGithub(shown, { quiet }));
      break;
    case 'junit': {
      const documents = [...index.documents].map((d) => shownPath(dir, d.relPath));
      io.out(formatJunit(shown, { documents, failing: new Set<Severity>(tooManyWarnings ? ['error', 'warning'] : ['error']) }));
      break;
    }
    default:
      io.out(formatCheckText(shown, io.color, { quiet }));
  }
  // Text and GitHub show the problems of attest.yaml with the rest (stderr adds any whose rule
  // is off); JSON, SARIF and JUnit keep standard output to themselves.
  const inReport = format === 'text' || format === 'github';
  reportConfigProblems(index, dir, io, { shown: inReport ? report.diagnostics : [], quiet });
  if (index.documentCount === 0) io.err(noDocumentsNote(dir, index.config.folders));
  // After the report, which is what the diagnostics kept in the cache were found for.
  await cache?.save();
  if (configBroken(index)) return 2;
  if (counts.error > 0) return 1;
  if (tooManyWarnings) {
    const tooMany = `Too many warnings: ${counts.warning}, at most ${maxWarnings} allowed.`;
    // After the summary in text; an annotation of the run in GitHub; on stderr for the machine formats.
    if (format === 'text') io.out(tooMany + '\n');
    else if (format === 'github') io.out(`::error title=attest::${escapeWorkflowData(tooMany)}\n`);
    else io.err(tooMany + '\n');
    return 1;
  }
  return 0;
}

export async function coverage(args: readonly string[], io: Io): Promise<number> {
  const { help, values, dir, today } = parse('coverage', args, { format: { type: 'string' }, output: { type: 'string', short: 'o' }, 'allow-empty': { type: 'boolean' } });
  if (help) return (io.out(USAGE), 0);
  const format = formatOf(values.format, FORMATS.coverage);
  mustBeFolder(dir);
  const index = await openWorkspace(dir, today);
  mustHaveDocuments(index, dir, io, { allowEmpty: values['allow-empty'] === true, quiet: false });
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
