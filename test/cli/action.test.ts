import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parse } from 'yaml';
import { REPO } from '../helpers';
import { FIXTURES } from './run';

interface ActionInput {
  description: string;
  required?: boolean;
  default?: string;
}

interface ActionStep {
  id?: string;
  name?: string;
  if?: string;
  shell?: string;
  run?: string;
  uses?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
  'working-directory'?: string;
}

interface Action {
  name: string;
  description: string;
  inputs: Record<string, ActionInput>;
  runs: { using: string; steps: ActionStep[] };
}

const action = parse(fs.readFileSync(path.join(REPO, 'action.yml'), 'utf8')) as Action;

interface StepResult {
  readonly step: string;
  readonly skipped: boolean;
  readonly code?: number;
  readonly stdout?: string;
  readonly stderr?: string;
}

interface ActionRun {
  /** The exit code of the first step that failed, or 0: what decides whether the job fails. */
  readonly code: number;
  readonly steps: StepResult[];
  readonly stdout: string;
}

/**
 * Runs the action's steps as the runner does for a composite action: `${{ … }}` expressions
 * evaluated (inputs with their defaults, github.action_path, step outputs), `if:` decided,
 * each `run:` written to a file and given to `bash --noprofile --norc -eo pipefail`, in the
 * workspace, with the GITHUB_* variables and a fresh GITHUB_OUTPUT file per step. A `uses:`
 * step cannot run here: the test fails if one would.
 */
function runAction(workspace: string, given: Record<string, string>): ActionRun {
  const inputs: Record<string, string> = {};
  for (const [name, input] of Object.entries(action.inputs)) inputs[name] = given[name] ?? input.default ?? '';
  for (const name of Object.keys(given)) assert.ok(name in action.inputs, `the action has an input ${name}`);
  const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'attest-action-'));
  const outputs = new Map<string, Record<string, string>>();
  const evaluate = (expression: string): string => {
    const e = expression.trim();
    let match: RegExpExecArray | null;
    if ((match = /^inputs\.([\w-]+)$/.exec(e))) return inputs[match[1]] ?? '';
    if (e === 'github.action_path') return REPO;
    if (e === 'github.workspace') return workspace;
    if ((match = /^steps\.([\w-]+)\.outputs\.([\w-]+)$/.exec(e))) return outputs.get(match[1])?.[match[2]] ?? '';
    throw new Error(`This test does not evaluate \`${e}\`: extend runAction.`);
  };
  const substitute = (text: string) => text.replace(/\$\{\{(.*?)\}\}/g, (_, e: string) => evaluate(e));
  const condition = (text: string | undefined): boolean => {
    if (text === undefined) return true;
    const match = /^\s*(\S+)\s*(==|!=)\s*'([^']*)'\s*$/.exec(text.replace(/^\$\{\{(.*)\}\}$/, '$1'));
    if (!match) throw new Error(`This test does not evaluate the condition \`${text}\`: extend runAction.`);
    return (evaluate(match[1]) === match[3]) === (match[2] === '==');
  };
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: workspace,
    GITHUB_ACTION_PATH: REPO,
    GITHUB_ENV: path.join(temp, 'env'),
    GITHUB_PATH: path.join(temp, 'path'),
    GITHUB_STEP_SUMMARY: path.join(temp, 'summary.md'),
    RUNNER_TEMP: temp,
  };
  const steps: StepResult[] = [];
  for (const [i, step] of action.runs.steps.entries()) {
    const label = step.name ?? step.id ?? step.uses ?? `step ${i + 1}`;
    if (!condition(step.if)) {
      steps.push({ step: label, skipped: true });
      continue;
    }
    if (step.uses) throw new Error(`\`${step.uses}\` would run here, and this test cannot run it`);
    assert.strictEqual(step.shell, 'bash', `${label} runs in bash`);
    const script = path.join(temp, `step-${i}.sh`);
    fs.writeFileSync(script, substitute(step.run ?? ''));
    const output = path.join(temp, `output-${i}`);
    fs.writeFileSync(output, '');
    const stepEnv = Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, substitute(String(v))]));
    const cwd = step['working-directory'] ? substitute(step['working-directory']) : workspace;
    const result = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], { cwd, env: { ...env, ...stepEnv, GITHUB_OUTPUT: output }, encoding: 'utf8', timeout: 120_000 });
    const code = result.status ?? 1;
    steps.push({ step: label, skipped: false, code, stdout: result.stdout, stderr: result.stderr });
    if (step.id) outputs.set(step.id, Object.fromEntries(fs.readFileSync(output, 'utf8').split('\n').filter((l) => l.includes('=')).map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)])));
    if (code !== 0) return { code, steps, stdout: steps.map((s) => s.stdout ?? '').join('') };
  }
  return { code: 0, steps, stdout: steps.map((s) => s.stdout ?? '').join('') };
}

/** A repository checked out in the workspace: the ci fixture, with `extra` files and under `under`. */
function workspaceWith(extra: Record<string, string> = {}, under = ''): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'attest-workspace-'));
  fs.cpSync(path.join(FIXTURES, 'ci'), path.join(root, under), { recursive: true });
  for (const [rel, text] of Object.entries(extra)) {
    fs.mkdirSync(path.dirname(path.join(root, under, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, under, rel), text);
  }
  return root;
}

const UNKNOWN_CRITERION = {
  'policies/change.md': '---\nid: POL-CHANGE\ntype: policy\ntitle: Change Management Policy\nowner: CTO\ncriteria: [CC8.1, CC9.9]\n---\n\n# Change Management Policy\n\n## Purpose\nWhy.\n## Scope\nWhat.\n## Roles and Responsibilities\nWho.\n## Policy\nRules.\n## Enforcement\nHow.\n## Exceptions\nNone.\n## Review\nYearly.\n',
};

describe('action.yml', function () {
  this.timeout(60_000);

  // The build step would otherwise reinstall this repository's node_modules without the dev tools.
  before(() => {
    for (const bundle of ['attest.js', 'outlineWorker.js']) assert.ok(fs.existsSync(path.join(REPO, 'dist', bundle)), `run npm run build first: dist/${bundle} is missing`);
  });

  it('takes path, format, max-warnings and args, with defaults for a repository root', () => {
    assert.strictEqual(action.runs.using, 'composite');
    assert.deepStrictEqual(
      Object.entries(action.inputs).map(([name, input]) => [name, input.default, input.required ?? false]),
      [
        ['path', '.', false],
        ['format', 'github', false],
        ['max-warnings', '', false],
        ['args', '', false],
      ],
    );
    for (const input of Object.values(action.inputs)) assert.ok(input.description.length > 20);
  });

  it('uses no other action than setup-node, and that only when the runner lacks Node 20.19', () => {
    const uses = action.runs.steps.filter((s) => s.uses);
    assert.deepStrictEqual(
      uses.map((s) => [s.uses?.replace(/@.*/, ''), s.if]),
      [['actions/setup-node', "steps.node.outputs.ready != 'true'"]],
    );
    assert.ok(action.runs.steps.findIndex((s) => s.uses) < action.runs.steps.findIndex((s) => s.run?.includes('attest.js')), 'Node is set up before Attest runs');
  });

  it('pastes no input into a script, where a value could run as shell code', () => {
    for (const step of action.runs.steps) assert.doesNotMatch(step.run ?? '', /\$\{\{/, step.name ?? step.id);
  });

  it('builds the same two bundles as the build script, from the same entry points', () => {
    const build = action.runs.steps.find((s) => s.run?.includes('esbuild'))?.run ?? '';
    const fromAction = [...build.matchAll(/(\w+)=(server\/src\/\S+\.ts)/g)].map((m) => `dist/${m[1]}.js ${m[2]}`).sort();
    const script = fs.readFileSync(path.join(REPO, 'scripts', 'bundle.mjs'), 'utf8');
    const fromScript = [...script.matchAll(/entryPoints: \['(server\/src\/[^']+)'\], outfile: '([^']+)'/g)].map((m) => `${m[2]} ${m[1]}`).sort();
    assert.deepStrictEqual(fromAction, fromScript);
    assert.deepStrictEqual(fromAction, ['dist/attest.js server/src/cli/bin.ts', 'dist/outlineWorker.js server/src/node/outlineWorker.ts']);
  });

  it('annotates the findings and fails the job when there are errors', () => {
    const result = runAction(workspaceWith(UNKNOWN_CRITERION), {});
    assert.strictEqual(result.code, 1);
    assert.deepStrictEqual(
      result.steps.map((s) => [s.step, s.skipped ? 'skipped' : s.code]),
      [
        ['node', 0],
        ['actions/setup-node@v4', 'skipped'],
        ['Build the Attest CLI', 0],
        ['attest check', 1],
      ],
    );
    assert.strictEqual(result.steps[2].stdout, 'Attest is built already.\n');
    assert.match(result.stdout, /^::error file=policies\/change\.md,line=6,col=\d+,endLine=6,endColumn=\d+,title=attest unknown-criterion::`CC9\.9` is not a Trust Services Criterion/m);
    assert.match(result.stdout, /^::warning file=controls\/access-review\.md,line=6,col=1,endLine=6,endColumn=8,title=attest unknown-field::Unknown field `aprover`/m);
    assert.match(result.stdout, /^3 documents checked: 1 error, 1 warning, 0 information\.$/m);
  });

  it('passes on a library with warnings only, and fails it with max-warnings: 0', () => {
    const clean = runAction(workspaceWith(), {});
    assert.strictEqual(clean.code, 0, clean.stdout);
    assert.match(clean.stdout, /^2 documents checked: 0 errors, 1 warning, 0 information\.$/m);
    const strict = runAction(workspaceWith(), { 'max-warnings': '0' });
    assert.strictEqual(strict.code, 1);
    assert.match(strict.stdout, /^::error title=attest::Too many warnings: 1, at most 0 allowed\.$/m);
  });

  it('checks a folder given as path, with paths in annotations from the repository root', () => {
    const result = runAction(workspaceWith(UNKNOWN_CRITERION, 'docs/compliance'), { path: 'docs/compliance' });
    assert.strictEqual(result.code, 1);
    assert.match(result.stdout, /^::error file=docs\/compliance\/policies\/change\.md,line=6,/m);
  });

  it('passes args and format through, each argument whole', () => {
    const quiet = runAction(workspaceWith(), { args: '--quiet  --today 2026-11-23', 'max-warnings': '0' });
    assert.strictEqual(quiet.code, 0, quiet.stdout);
    assert.doesNotMatch(quiet.stdout, /::warning/);
    const junit = runAction(workspaceWith(UNKNOWN_CRITERION), { format: 'junit' });
    assert.strictEqual(junit.code, 1);
    assert.match(junit.stdout, /<testsuites name="attest check" tests="3" failures="1"/);
  });

  it('runs no shell code from an input', () => {
    const workspace = workspaceWith();
    const result = runAction(workspace, { path: '$(touch injected) `touch injected`; touch injected', args: '* $(touch injected)' });
    assert.strictEqual(result.code, 2);
    assert.ok(!fs.existsSync(path.join(workspace, 'injected')));
    assert.match(result.steps[3].stderr ?? '', /^attest: /);
  });

  it('fails with exit 2 when the folder has no documents', () => {
    const result = runAction(workspaceWith(), { path: 'nowhere' });
    assert.strictEqual(result.code, 2);
    const empty = runAction(workspaceWith({ 'notes/readme.md': '# Notes\n' }), { path: 'notes' });
    assert.strictEqual(empty.code, 2);
    assert.match(empty.steps[3].stderr ?? '', /^attest: No Attest documents found in notes \(/);
  });
});
