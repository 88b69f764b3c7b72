import * as assert from 'assert';
import * as path from 'path';
import type { Range } from 'vscode-languageserver-types';
import { MemoryHost } from '../server/src/core/index/memoryHost';
import { WorkspaceIndex, type IndexOptions } from '../server/src/core/index/workspaceIndex';

export { MemoryHost } from '../server/src/core/index/memoryHost';
import { loadBundledData } from '../server/src/node/bundledData';
import type { Diagnostic } from '../server/src/core/types';

export const ROOT = 'file:///ws';
export const TODAY = '2026-11-23';
export const REPO = path.resolve(__dirname, '..', '..');


export async function workspace(files: Record<string, string>, options: IndexOptions = {}): Promise<{ index: WorkspaceIndex; host: MemoryHost }> {
  const host = new MemoryHost(Object.entries(files));
  const index = new WorkspaceIndex(ROOT, host, loadBundledData(), { today: () => TODAY, ...options });
  await index.load();
  return { index, host };
}

/** Diagnostics of one file of an in-memory workspace (attest.yaml included). */
export async function diagnose(files: Record<string, string>, file: string, options: IndexOptions = {}): Promise<Diagnostic[]> {
  const { index } = await workspace(files, options);
  return file === 'attest.yaml' ? index.diagnoseConfig() : index.diagnose(file);
}

/** The range of the `occurrence`-th appearance of `needle` in `text`. */
export function rangeOf(text: string, needle: string, occurrence = 0): Range {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`"${needle}" (#${occurrence}) not found`);
  }
  return { start: positionAt(text, at), end: positionAt(text, at + needle.length) };
}

/** The range of a whole line (0-based), without its line break. */
export function lineRange(text: string, line: number): Range {
  const content = text.split('\n')[line].replace(/\r$/, '');
  return { start: { line, character: 0 }, end: { line, character: content.length } };
}

function positionAt(text: string, offset: number): { line: number; character: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

/** Diagnostics of one code, with their messages and ranges. */
export function withCode(diagnostics: readonly Diagnostic[], code: string): Diagnostic[] {
  return diagnostics.filter((d) => d.code === code);
}

/** Asserts there is exactly one diagnostic of `code`, at `range`, and returns it. */
export function expectOne(diagnostics: readonly Diagnostic[], code: string, range: Range): Diagnostic {
  const found = withCode(diagnostics, code);
  assert.strictEqual(found.length, 1, `expected one ${code}, got ${found.length}: ${JSON.stringify(diagnostics.map((d) => [d.code, d.message]), null, 1)}`);
  assert.deepStrictEqual(found[0].range, range, `range of ${code}`);
  return found[0];
}

export function codes(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((d) => d.code);
}

/**
 * A document whose frontmatter is `defaults` overridden by `fields` (an empty value drops
 * the key), then a `# title` and `body`.
 */
export function documentText(defaults: Record<string, string>, fields: Record<string, string>, body: string): string {
  const all = { ...defaults, ...fields };
  const yaml = Object.entries(all)
    .filter(([, v]) => v !== '')
    .map(([k, v]) => `${k}: ${v}`)
    .join('\n');
  return `---\n${yaml}\n---\n\n# ${all.title}\n\n${body}`;
}

export const POLICY_BODY = ['Purpose', 'Scope', 'Roles and Responsibilities', 'Policy', 'Enforcement', 'Exceptions', 'Review']
  .map((h) => `## ${h}\n\nText about ${h.toLowerCase()}.\n`)
  .join('\n');

/** A policy with every required field and section, to vary one thing at a time. */
export function policy(fields: Record<string, string> = {}, body = POLICY_BODY): string {
  const defaults = {
    id: 'POL-ACCESS',
    type: 'policy',
    title: 'Access Control Policy',
    owner: 'Head of Security',
    status: 'approved',
    review: '{ cycle: annual, last: 2026-06-01 }',
    criteria: '[CC6.1, CC6.2]',
  };
  return documentText(defaults, fields, body);
}

/** A control under POL-ACCESS with every required field and section. */
export function control(fields: Record<string, string> = {}, body = '## Objective\n\nWhy.\n\n## Implementation\n\nHow.\n\n## Evidence\n\nWhat.\n'): string {
  const defaults = { id: 'CTL-AC-01', type: 'control', title: 'Access provisioning', owner: 'IT Lead', status: 'approved', policy: 'POL-ACCESS', frequency: 'quarterly', criteria: '[CC6.2]' };
  return documentText(defaults, fields, body);
}
