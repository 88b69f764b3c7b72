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
 *   npm run bench -- --runs 3 --seed 2              # 3 rounds, the fastest run of each kept; another workspace
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { FLOORS } from './bench/floors';
import { generateDocuments, loadCatalog, measureLibrary, writeWorkspace, type Catalog, type LibraryProfile } from './bench/generate';
import { measureServer, measureWarmStart } from './bench/lsp';
import { probePathological } from './bench/pathological';
import { faster, runProcess, type ProcessRun } from './bench/processes';
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
  const runs = Number(value('--runs') ?? 1);
  if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs takes a count of rounds, e.g. --runs 3');
  return {
    sizes: sizes.length ? sizes : [1000, 10000],
    skip: new Set(skip as Part[]),
    markdown: value('--markdown'),
    runs,
    seed: Number(value('--seed') ?? 1),
  };
}

const output = (dir: string, name: string) => ({ stdoutFile: path.join(dir, `${name}.out`), stderrFile: path.join(dir, `${name}.err`) });

/** One run of each floor; a floor that cannot run (its parser missing) is left out with the reason. */
async function measureFloors(dir: string, logs: string): Promise<SizeResult['floors']> {
  const floors: Partial<Record<(typeof FLOORS)[number], FloorRun>> = {};
  for (const floor of FLOORS) {
    const files = output(logs, `floor-${floor}`);
    const run = await runProcess(process.execPath, [path.join(__dirname, 'bench', 'floors.js'), floor, dir], files);
    if (run.exitCode === 0) {
      floors[floor] = { ...run, workMs: (JSON.parse(fs.readFileSync(run.stdoutFile, 'utf8')) as { workMs: number }).workMs };
      continue;
    }
    const why = /Cannot find (package|module) '[^']+'/.exec(fs.readFileSync(files.stderrFile, 'utf8'))?.[0] ?? `exit ${run.exitCode}`;
    console.log(`  the ${floor} floor failed (${why}): left out`);
  }
  return floors;
}

/** What a run of the check reported, read back from its JSON (the check's own output is not timed twice). */
function readCheck(run: ProcessRun): CheckRun {
  try {
    const report = JSON.parse(fs.readFileSync(run.stdoutFile, 'utf8')) as { files: number; diagnostics: unknown[] };
    return { ...run, files: report.files, diagnostics: report.diagnostics.length };
  } catch {
    return { ...run, files: undefined, diagnostics: undefined };
  }
}

/** Removes whatever a previous run left in the workspace (a cache, wherever in the folder it is kept). */
function removeLeftovers(dir: string, generated: ReadonlySet<string>): void {
  for (const left of fs.readdirSync(dir).filter((f) => !generated.has(f))) fs.rmSync(path.join(dir, left), { recursive: true, force: true });
}

/**
 * A cold check without a cache; where the CLI has `--cache`, one with it on an empty cache
 * (which writes it) and a warm one that reads it; else the plain check once more.
 */
async function measureCheck(dir: string, logs: string, generated: ReadonlySet<string>, cached: boolean): Promise<{ cold: CheckRun; coldCached?: CheckRun; warm: CheckRun }> {
  const args = [ATTEST, 'check', dir, '--format', 'json', '--today', TODAY];
  removeLeftovers(dir, generated);
  const cold = readCheck(await runProcess(process.execPath, args, output(logs, 'check-cold')));
  if (!cached) return { cold, warm: readCheck(await runProcess(process.execPath, args, output(logs, 'check-warm'))) };
  const coldCached = readCheck(await runProcess(process.execPath, [...args, '--cache'], output(logs, 'check-cold-cache')));
  const warm = readCheck(await runProcess(process.execPath, [...args, '--cache'], output(logs, 'check-warm')));
  return { cold, coldCached, warm };
}

async function measureMarkdownlint(dir: string, logs: string): Promise<ProcessRun | undefined> {
  const bin = path.join(REPO, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs');
  if (!fs.existsSync(bin)) {
    console.log('  markdownlint-cli2 is not installed (npm install --no-save markdownlint-cli2): left out');
    return undefined;
  }
  // Every default rule on, nothing disabled; no progress output to time.
  const config = path.join(logs, '.markdownlint-cli2.jsonc');
  fs.writeFileSync(config, JSON.stringify({ config: { default: true }, noProgress: true, noBanner: true }));
  return runProcess(process.execPath, [bin, '--config', config, '**/*.md'], { cwd: dir, ...output(logs, 'markdownlint') });
}

/**
 * Every process of a size, in rounds: each round runs the floors, the checks and
 * markdownlint-cli2 once, so that the ratios compare runs made under the same load; the
 * fastest run of each is kept.
 */
async function measureSize(count: number, options: Options, profile: LibraryProfile, catalog: Catalog, cached: boolean): Promise<SizeResult> {
  const dir = path.join(WORKSPACES, `ws-${count}`);
  const logs = path.join(WORKSPACES, `logs-${count}`);
  fs.mkdirSync(logs, { recursive: true });
  const step = (what: string) => console.log(`  ${count}: ${what}…`);
  step('generating');
  const { bytes } = writeWorkspace(dir, count, profile, catalog, options.seed);
  const generated = new Set(fs.readdirSync(dir));
  const result: { -readonly [K in keyof SizeResult]: SizeResult[K] } = { count, bytes, floors: {}, cached };
  for (let round = 1; round <= options.runs; round++) {
    const of = options.runs > 1 ? ` (round ${round} of ${options.runs})` : '';
    if (!options.skip.has('floors')) {
      step(`floors${of}`);
      const floors = await measureFloors(dir, logs);
      for (const floor of FLOORS) if (floors[floor]) result.floors[floor] = faster(result.floors[floor], floors[floor]);
    }
    if (!options.skip.has('check')) {
      step(`attest check, cold and warm${of}`);
      const { cold, coldCached, warm } = await measureCheck(dir, logs, generated, cached);
      result.cold = faster(result.cold, cold);
      if (coldCached) result.coldCached = faster(result.coldCached, coldCached);
      result.warm = faster(result.warm, warm);
    }
    if (!options.skip.has('markdownlint')) {
      step(`markdownlint-cli2${of}`);
      const run = await measureMarkdownlint(dir, logs);
      if (run) result.markdownlint = faster(result.markdownlint, run);
    }
  }
  if (!options.skip.has('lsp')) {
    step('language server');
    // Cold, as a first session is: the index builds while the document is opened.
    removeLeftovers(dir, generated);
    const documents = [...generateDocuments(count, profile, catalog, options.seed)];
    const server = await measureServer(REPO, dir, documents);
    step('language server, started again on the cache the first session kept');
    result.server = { ...server, warmStartToAllMs: await measureWarmStart(REPO, dir, documents) };
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
