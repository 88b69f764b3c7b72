/**
 * Benchmark on realistic workspaces (sizes drawn like the starter library's, with a tail of
 * long documents): Attest's check cold and warm, side by side with markdownlint-cli2 and with
 * the floors (read every file; parse every frontmatter; parse every body), and the language
 * server as an editor meets it. Attest is driven only through its public faces, the CLI and
 * the LSP over stdio, so the figures stay comparable as its internals change.
 *
 *   npm run bench                                   # 1,000 and 10,000 documents
 *   npm run bench -- --sizes 1000                   # one size
 *   npm run bench -- --skip lsp,markdownlint        # leave out slow parts (also: floors, check, pathological)
 *   npm run bench -- --markdown bench.md            # also write the tables as Markdown
 *   npm run bench -- --runs 3 --seed 2              # fastest of 3 runs per process; another workspace
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { FLOORS } from './bench/floors';
import { generateDocuments, loadCatalog, measureLibrary, writeWorkspace, type Catalog, type LibraryProfile } from './bench/generate';
import { measureServer } from './bench/lsp';
import { probePathological } from './bench/pathological';
import { fastestOf, runProcess } from './bench/processes';
import { asMarkdown, asText, goalsTable, sizeTable, type CheckRun, type FloorRun, type SizeResult, type Table } from './bench/report';

const REPO = path.resolve(__dirname, '..', '..');
const WORKSPACES = path.join(REPO, 'bench-workspaces');
const ATTEST = path.join(REPO, 'bin', 'attest.js');
/** The date the generated reviews and evidence are current at. */
const TODAY = '2026-11-23';
const PARTS = ['floors', 'check', 'markdownlint', 'lsp', 'pathological'] as const;
type Part = (typeof PARTS)[number];

interface Options {
  readonly sizes: readonly number[];
  readonly skip: ReadonlySet<Part>;
  readonly markdown: string | undefined;
  readonly runs: number;
  readonly seed: number;
}

function parseOptions(argv: readonly string[]): Options {
  const value = (name: string) => {
    const at = argv.indexOf(name);
    return at >= 0 ? argv[at + 1] : undefined;
  };
  const list = (name: string) => (value(name) ?? '').split(',').filter(Boolean);
  const skip = list('--skip');
  const unknown = skip.filter((s) => !PARTS.includes(s as Part));
  if (unknown.length) throw new Error(`--skip takes ${PARTS.join(', ')}; not ${unknown.join(', ')}`);
  const sizes = list('--sizes').map(Number);
  if (sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new Error('--sizes takes document counts, e.g. --sizes 1000,10000');
  return {
    sizes: sizes.length ? sizes : [1000, 10000],
    skip: new Set(skip as Part[]),
    markdown: value('--markdown'),
    runs: Number(value('--runs') ?? 1),
    seed: Number(value('--seed') ?? 1),
  };
}

const output = (dir: string, name: string) => ({ stdoutFile: path.join(dir, `${name}.out`), stderrFile: path.join(dir, `${name}.err`) });

async function measureFloors(dir: string, logs: string, runs: number): Promise<SizeResult['floors']> {
  const floors: Partial<Record<(typeof FLOORS)[number], FloorRun>> = {};
  for (const floor of FLOORS) {
    const run = await fastestOf(runs, () => runProcess(process.execPath, [path.join(__dirname, 'bench', 'floors.js'), floor, dir], output(logs, `floor-${floor}`)));
    if (run.exitCode !== 0) {
      const why = /Cannot find (package|module) '[^']+'/.exec(fs.readFileSync(output(logs, `floor-${floor}`).stderrFile, 'utf8'))?.[0] ?? `exit ${run.exitCode}`;
      console.log(`  the ${floor} floor failed (${why}): left out`);
      continue;
    }
    const printed = JSON.parse(fs.readFileSync(run.stdoutFile, 'utf8')) as { workMs: number };
    floors[floor] = { ...run, workMs: printed.workMs };
  }
  return floors;
}

/** What a run of the check reported, read back from its JSON (the check's own output is not timed twice). */
function readCheck(run: Awaited<ReturnType<typeof runProcess>>): CheckRun {
  try {
    const report = JSON.parse(fs.readFileSync(run.stdoutFile, 'utf8')) as { files: number; diagnostics: unknown[] };
    return { ...run, files: report.files, diagnostics: report.diagnostics.length };
  } catch {
    return { ...run, files: undefined, diagnostics: undefined };
  }
}

/**
 * Cold and warm checks. A cold run starts without whatever a previous run left in the
 * workspace (a cache, wherever in the folder the CLI keeps it); the warm run follows it.
 */
async function measureCheck(dir: string, logs: string, runs: number, cached: boolean): Promise<{ cold: CheckRun; warm: CheckRun }> {
  const args = [ATTEST, 'check', dir, '--format', 'json', '--today', TODAY, ...(cached ? ['--cache'] : [])];
  const generated = new Set(fs.readdirSync(dir));
  const forget = () => fs.readdirSync(dir).filter((f) => !generated.has(f)).forEach((f) => fs.rmSync(path.join(dir, f), { recursive: true, force: true }));
  let cold: CheckRun | undefined;
  let warm: CheckRun | undefined;
  for (let i = 0; i < Math.max(1, runs); i++) {
    forget();
    const first = readCheck(await runProcess(process.execPath, args, output(logs, 'check-cold')));
    const second = readCheck(await runProcess(process.execPath, args, output(logs, 'check-warm')));
    if (!cold || first.wallMs < cold.wallMs) cold = first;
    if (!warm || second.wallMs < warm.wallMs) warm = second;
  }
  return { cold: cold!, warm: warm! };
}

async function measureMarkdownlint(dir: string, logs: string, runs: number): Promise<SizeResult['markdownlint']> {
  const bin = path.join(REPO, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs');
  if (!fs.existsSync(bin)) {
    console.log('  markdownlint-cli2 is not installed (npm install --no-save markdownlint-cli2): left out');
    return undefined;
  }
  // Every default rule on, nothing disabled; no progress output to time.
  const config = path.join(logs, '.markdownlint-cli2.jsonc');
  fs.writeFileSync(config, JSON.stringify({ config: { default: true }, noProgress: true, noBanner: true }));
  return fastestOf(runs, () => runProcess(process.execPath, [bin, '--config', config, '**/*.md'], { cwd: dir, ...output(logs, 'markdownlint') }));
}

async function measureSize(count: number, options: Options, profile: LibraryProfile, catalog: Catalog, cached: boolean): Promise<SizeResult> {
  const dir = path.join(WORKSPACES, `ws-${count}`);
  const logs = path.join(WORKSPACES, `logs-${count}`);
  fs.mkdirSync(logs, { recursive: true });
  const step = (what: string) => console.log(`  ${count}: ${what}…`);
  step('generating');
  const { bytes } = writeWorkspace(dir, count, profile, catalog, options.seed);
  const result: { -readonly [K in keyof SizeResult]: SizeResult[K] } = { count, bytes, floors: {}, cached };
  if (!options.skip.has('floors')) {
    step('floors');
    result.floors = await measureFloors(dir, logs, options.runs);
  }
  if (!options.skip.has('check')) {
    step('attest check, cold and warm');
    Object.assign(result, await measureCheck(dir, logs, options.runs, cached));
  }
  if (!options.skip.has('markdownlint')) {
    step('markdownlint-cli2');
    result.markdownlint = await measureMarkdownlint(dir, logs, options.runs);
  }
  if (!options.skip.has('lsp')) {
    step('language server');
    result.server = await measureServer(REPO, dir, [...generateDocuments(count, profile, catalog, options.seed)]);
  }
  return result;
}

async function run(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const heading = `Attest benchmark: node ${process.version}, ${os.cpus().length} cores (${os.cpus()[0]?.model.trim() ?? 'unknown CPU'}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GB, ${new Date().toISOString().slice(0, 10)}`;
  console.log(heading);
  const profile = measureLibrary(path.join(REPO, 'policies'));
  const catalog = loadCatalog(REPO);
  const cached = /--cache\b/.test(execFileSync(process.execPath, [ATTEST, 'check', '--help'], { encoding: 'utf8' }));
  const results: SizeResult[] = [];
  const tables: Table[] = [];
  for (const count of options.sizes) {
    results.push(await measureSize(count, options, profile, catalog, cached));
    tables.push(sizeTable(results[results.length - 1]));
    console.log(`\n${asText(tables[tables.length - 1])}\n`);
  }
  let probe;
  if (!options.skip.has('pathological')) {
    console.log('  pathological documents: hovers while the server processes them…');
    probe = await probePathological(REPO, path.join(WORKSPACES, 'pathological'), profile, catalog);
  }
  const goals = goalsTable(results, probe);
  console.log(`\n${asText(goals)}`);
  if (options.markdown) {
    fs.writeFileSync(options.markdown, [heading, ...tables.map(asMarkdown), asMarkdown(goals)].join('\n\n') + '\n');
    console.log(`\nMarkdown written to ${options.markdown}`);
  }
}

run().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
