/**
 * Benchmark: generates workspaces of 1,000 and 10,000 documents and measures a cold
 * index (what `attest check` and the language server pay once), a keystroke (one
 * document re-parsed and its affected documents re-checked), coverage, a full check
 * through the CLI bundle, and memory.
 *
 *   npm run bench                # 1,000 and 10,000 documents
 *   npm run bench -- 2000        # other sizes
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { spawn } from 'child_process';
import { pathToFileURL } from 'url';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';
import { openWorkspace } from '../server/src/cli/workspace';

const CRITERIA = ['CC1.1', 'CC2.1', 'CC3.2', 'CC4.1', 'CC5.2', 'CC6.1', 'CC6.2', 'CC6.3', 'CC6.6', 'CC7.1', 'CC7.2', 'CC7.4', 'CC8.1', 'CC9.2', 'A1.2', 'PI1.3', 'C1.1'];
const SECTIONS = ['Purpose', 'Scope', 'Roles and Responsibilities', 'Policy', 'Enforcement', 'Exceptions', 'Review'];

function pick<T>(list: readonly T[], i: number, n: number): T[] {
  return Array.from({ length: n }, (_, k) => list[(i * 7 + k * 3) % list.length]);
}

/** One policy per 20 documents, the rest controls under it; some mistakes sprinkled in. */
function generate(dir: string, count: number): void {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(path.join(dir, 'policies'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'controls'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'attest.yaml'), 'organization: Bench Co\ncategories: [availability, processing-integrity, confidentiality]\nml: true\n');
  const body = (title: string, sections: readonly string[]) =>
    `# ${title}\n\n${sections.map((s) => `## ${s}\n\nThe owner reviews this every 90 days and keeps the evidence in the GRC tool. See CC6.1.\n`).join('\n')}`;
  for (let i = 0; i < count; i++) {
    if (i % 20 === 0) {
      const id = `POL-${i / 20}`;
      const criteria = pick(CRITERIA, i, 4).filter((c) => !['CC8.1', 'CC7.2', 'CC6.6', 'CC6.1', 'CC6.3', 'CC2.1', 'PI1.3', 'C1.1', 'CC7.4', 'CC9.2'].includes(c));
      fs.writeFileSync(
        path.join(dir, 'policies', `policy-${i}.md`),
        `---\nid: ${id}\ntype: policy\ntitle: Policy ${i}\nowner: Head of Security\nstatus: approved\nreview: { cycle: annual, last: 2026-06-01 }\ncriteria: [${criteria.join(', ') || 'CC1.1'}]\n---\n\n${body(`Policy ${i}`, SECTIONS)}`,
      );
    } else {
      const policy = `POL-${Math.floor(i / 20)}`;
      const mistake = i % 97 === 0 ? ', CC9.9' : '';
      fs.writeFileSync(
        path.join(dir, 'controls', `control-${i}.md`),
        `---\nid: CTL-${i}\ntype: control\ntitle: Control ${i}\nowner: SRE Lead\nstatus: implemented\npolicy: ${policy}\nfrequency: quarterly\ncriteria: [${pick(CRITERIA, i, 2).join(', ')}${mistake}]\nevidence:\n  - { name: Export, url: https://grc.example.com/${i}, collected: 2026-10-01 }\n---\n\n${body(`Control ${i}`, ['Objective', 'Implementation', 'Evidence'])}`,
      );
    }
  }
}

/** Starts the real server bundle on `dir` and times it until every document has its diagnostics. */
async function timeServer(dir: string, documents: number): Promise<string> {
  const child = spawn(process.execPath, [path.join(__dirname, '..', '..', 'dist', 'attest.js'), 'lsp', '--stdio'], { stdio: ['pipe', 'pipe', 'ignore'] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const published = new Set<string>();
  const start = performance.now();
  const done = new Promise<void>((resolve) => {
    connection.onNotification('textDocument/publishDiagnostics', (params: { uri: string }) => {
      published.add(params.uri);
      if (published.size >= documents) resolve();
    });
  });
  connection.listen();
  const uri = pathToFileURL(dir).toString();
  await connection.sendRequest('initialize', { processId: process.pid, rootUri: uri, workspaceFolders: [{ uri, name: 'bench' }], capabilities: {} });
  await connection.sendNotification('initialized', {});
  await done;
  const elapsed = ms(start);
  await connection.sendRequest('shutdown');
  await connection.sendNotification('exit');
  connection.dispose();
  return elapsed;
}

function ms(start: number): string {
  return `${(performance.now() - start).toFixed(1)} ms`;
}

async function measure(count: number, base: string): Promise<void> {
  const dir = path.join(base, `ws-${count}`);
  generate(dir, count);
  if (global.gc) global.gc();
  const heapBefore = process.memoryUsage().heapUsed;
  let start = performance.now();
  const index = await openWorkspace(dir, '2026-11-23');
  const load = ms(start);
  const heap = ((process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024).toFixed(0);

  start = performance.now();
  let diagnostics = 0;
  for (const doc of index.documents) diagnostics += index.diagnose(doc.relPath).length;
  const diagnoseAll = ms(start);

  start = performance.now();
  const coverage = index.coverage();
  const coverageTime = ms(start);

  // A keystroke: re-parse one document and re-check what it touches (what the server does
  // on every change); then the workspace refresh it runs once typing pauses.
  const keystroke = async (target: string, from: string, to: (i: number) => string) => {
    const original = fs.readFileSync(path.join(dir, target), 'utf8');
    const rounds = 200;
    let affected = 0;
    let started = performance.now();
    for (let i = 0; i < rounds; i++) {
      const change = await index.update(target, original.replace(from, to(i)), i + 1);
      for (const rel of change.affected) index.diagnose(rel);
      affected += change.affected.size;
    }
    const perKeystroke = (performance.now() - started) / rounds;
    started = performance.now();
    for (let i = 0; i < 20; i++) {
      await index.update(target, original.replace(from, to(1000 + i)), 1000 + i);
      index.coverage();
      index.diagnoseConfig();
    }
    const refresh = (performance.now() - started) / 20 - perKeystroke;
    return { perKeystroke: perKeystroke.toFixed(2), refresh: refresh.toFixed(1), affected: (affected / rounds).toFixed(0) };
  };
  const inControl = await keystroke('controls/control-1.md', 'title: Control 1', (i) => `title: Control 1 v${i}`);
  const inPolicy = await keystroke('policies/policy-0.md', 'title: Policy 0', (i) => `title: Policy 0 v${i}`);
  const idChange = await keystroke('policies/policy-0.md', 'id: POL-0', (i) => `id: POL-0${i % 2 ? 'X' : ''}`);

  // A keystroke in the middle of a 5,000-line control (about 400 kB of Markdown); its lines
  // name the workspace size, so that no run finds the sections of another remembered.
  const long = fs.readFileSync(path.join(dir, 'controls/control-1.md'), 'utf8').replace(/id: (\S+)/, 'id: $1-LONG') +
    Array.from({ length: 5000 }, (_, i) => (i % 50 === 0 ? `\n## Part ${i}\n` : `Line ${i} of ${count}: the owner checks [the policy](../policies/policy-0.md) and CC6.1 every week.\n`)).join('');
  start = performance.now();
  await index.update('controls/long.md', long, 1);
  const longFirst = ms(start);
  const middle = Math.floor(long.length / 2);
  let typed = long;
  start = performance.now();
  for (let i = 0; i < 30; i++) {
    typed = typed.slice(0, middle + i) + 'x' + typed.slice(middle + i);
    const change = await index.update('controls/long.md', typed, i + 2);
    for (const rel of change.affected) index.diagnose(rel);
  }
  const longKeystroke = ((performance.now() - start) / 30).toFixed(1);
  await index.update('controls/long.md', undefined);

  start = performance.now();
  let cliExit = 0;
  try {
    execFileSync(process.execPath, [path.join(__dirname, '..', '..', 'bin', 'attest.js'), 'check', dir, '--format', 'json', '--today', '2026-11-23'], { stdio: 'ignore', maxBuffer: 1 << 30 });
  } catch (error) {
    cliExit = (error as { status?: number }).status ?? -1;
  }
  const cli = ms(start);

  const server = await timeServer(dir, index.documentCount);

  console.log(`\n${count} documents (${index.documentCount} indexed, ${diagnostics} diagnostics, coverage ${coverage.summary.percent}%)`);
  console.log(`  cold index (read + parse all)      ${load}   heap +${heap} MB`);
  console.log(`  diagnose every document            ${diagnoseAll}`);
  console.log(`  coverage                           ${coverageTime}`);
  console.log(`  keystroke in a control             ${inControl.perKeystroke} ms   (${inControl.affected} document re-checked)`);
  console.log(`  keystroke in a policy              ${inPolicy.perKeystroke} ms   (${inPolicy.affected} document re-checked)`);
  console.log(`  renaming a policy's id             ${idChange.perKeystroke} ms   (${idChange.affected} documents re-checked: the controls naming it)`);
  console.log(`  a 5,000-line control: first parse  ${longFirst}, then a keystroke in its middle ${longKeystroke} ms`);
  console.log(`  refresh once typing pauses         ${inControl.refresh} ms   (coverage + attest.yaml findings)`);
  console.log(`  attest check --format json (CLI)   ${cli}   exit ${cliExit}`);
  console.log(`  language server: start to every document's diagnostics   ${server}`);
}

async function run(): Promise<void> {
  const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'attest-bench-'));
  console.log(`Attest benchmark — node ${process.version}, ${os.cpus().length} cores, ${os.cpus()[0]?.model ?? ''}`);
  try {
    for (const count of sizes.length ? sizes : [1000, 10000]) await measure(count, base);
  } finally {
    fs.rmSync(base, { recursive: true, force: true });
  }
}

void run();
