import * as assert from 'assert';
import type { CodeAction, Diagnostic as LspDiagnostic } from 'vscode-languageserver-types';
import { codeActionsFor, type FixTarget } from '../../../../server/src/features/codeActions';
import { toLspDiagnostic } from '../../../../server/src/features/lspDiagnostic';
import { workspace } from '../../../helpers';
import { applyWorkspaceEdit } from '../cursor';

export type Files = Record<string, string>;

/** The diagnostics of a file as the editor holds them (LSP form, with code and data). */
export async function diagnosticsOf(files: Files, file: string): Promise<LspDiagnostic[]> {
  const { index } = await workspace(files);
  return (file === 'attest.yaml' ? index.diagnoseConfig() : index.diagnose(file)).map(toLspDiagnostic);
}

/** The quick fixes offered for the diagnostics of `code` (those matching `which`) in `file`. */
export async function fixesFor(files: Files, file: string, code: string, which: (d: LspDiagnostic) => boolean = () => true) {
  const { index } = await workspace(files);
  const all = (file === 'attest.yaml' ? index.diagnoseConfig() : index.diagnose(file)).map(toLspDiagnostic);
  const targeted = all.filter((d) => d.code === code && which(d));
  assert.ok(targeted.length > 0, `no ${code} in ${file}: ${JSON.stringify(all.map((d) => [d.code, d.message]), null, 1)}`);
  const doc = index.get(file);
  const text = file === 'attest.yaml' ? index.config.file?.text : doc?.text;
  assert.ok(text, `${file} is not in the workspace`);
  const target: FixTarget = { text, doc, index };
  return { index, all, targeted, actions: codeActionsFor(target, targeted) };
}

export function titled(actions: readonly CodeAction[], title: string | RegExp): CodeAction {
  const found = actions.filter((a) => (typeof title === 'string' ? a.title === title : title.test(a.title)));
  assert.strictEqual(found.length, 1, `one action titled ${String(title)} among ${JSON.stringify(actions.map((a) => a.title))}`);
  return found[0];
}

const key = (d: LspDiagnostic) => `${String(d.code)}: ${d.message}`;

/** Template text a fix writes is reported until the author replaces it: the one finding a fix may add. */
const isPlaceholder = (d: LspDiagnostic) => d.code === 'unfilled-placeholder';

/**
 * Applies the action, then re-diagnoses `file` (and any file the action created): the
 * targeted diagnostics are gone, nothing new appeared but the placeholders it wrote, and
 * created files check clean but for theirs.
 */
/**
 * Applies the fix titled `title` and checks it: its diagnostics are gone (or, with
 * `untilFilled`, stay until the placeholder it wrote is filled), and nothing new appears.
 */
export async function applyFix(files: Files, file: string, code: string, title: string | RegExp, which?: (d: LspDiagnostic) => boolean, options: { untilFilled?: boolean } = {}): Promise<Files> {
  const { index, all, targeted, actions } = await fixesFor(files, file, code, which);
  const action = titled(actions, title);
  assert.strictEqual(action.kind, 'quickfix');
  assert.deepStrictEqual(action.diagnostics?.map(key), targeted.filter((d) => action.diagnostics?.some((x) => key(x) === key(d))).map(key));
  assert.ok(action.edit, 'the action carries an edit');
  const after = applyWorkspaceEdit(files, action.edit, index);
  const now = await diagnosticsOf(after, file);
  if (options.untilFilled) assert.ok(now.some(isPlaceholder), 'the fix leaves a placeholder to fill');
  else for (const d of action.diagnostics ?? []) assert.ok(!now.some((n) => key(n) === key(d)), `still reported: ${key(d)}`);
  const before = new Set(all.map(key));
  const added = now.filter((d) => !before.has(key(d)) && !isPlaceholder(d));
  assert.deepStrictEqual(added.map(key), [], 'no new diagnostic');
  for (const created of Object.keys(after).filter((f) => !(f in files))) {
    assert.deepStrictEqual((await diagnosticsOf(after, created)).filter((d) => !isPlaceholder(d)).map(key), [], `${created} checks clean but for its placeholders`);
  }
  return after;
}

/** An attest.yaml that turns the ML checks on. */
export const ML_ON = 'ml: true\n';
