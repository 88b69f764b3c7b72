import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../../server/src/cli/main';
import { REPO } from '../helpers';

export const FIXTURES = path.join(REPO, 'test', 'fixtures');

export interface CliResult {
  code: number;
  out: string;
  err: string;
}

/** Runs the CLI in this process, capturing what it prints. */
export async function run(...args: string[]): Promise<CliResult> {
  let out = '';
  let err = '';
  const code = await main(args, { out: (t) => (out += t), err: (t) => (err += t), color: false });
  return { code, out, err };
}

/** Runs the CLI from another current folder, as a user in a terminal or a CI job would. */
export async function runIn(cwd: string, ...args: string[]): Promise<CliResult> {
  const before = process.cwd();
  process.chdir(cwd);
  try {
    return await run(...args);
  } finally {
    process.chdir(before);
  }
}

/** A new folder under the system's temporary folder holding `files` (paths with `/`). */
export function tempWorkspace(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'attest-cli-'));
  for (const [rel, text] of Object.entries(files)) {
    const target = path.join(dir, rel);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, text);
  }
  return dir;
}

/** A policy with no findings under the settings the tests use, so that a folder is not empty. */
export const CLEAN_POLICY = {
  'policies/p.md':
    '---\nid: POL-A\ntype: policy\ntitle: A\nowner: CISO\n---\n## Purpose\nWhy.\n## Scope\nWhat.\n## Roles and Responsibilities\nWho.\n## Policy\nRules.\n## Enforcement\nHow.\n## Exceptions\nNone.\n## Review\nYearly.\n',
};
