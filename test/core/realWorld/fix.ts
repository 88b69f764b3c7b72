import * as assert from 'assert';
import type { CodeAction } from 'vscode-languageserver-types';
import { createLanguageService } from '../../../server/src/features/languageService';
import { toLspDiagnostic } from '../../../server/src/features/lspDiagnostic';
import { workspace } from '../../helpers';
import { applyWorkspaceEdit } from '../features/cursor';

type Files = Record<string, string>;

/** The quick fixes offered for the diagnostics of `code` in a file. */
export async function fixesOf(files: Files, file: string, code: string): Promise<CodeAction[]> {
  const { index } = await workspace(files);
  const doc = index.get(file);
  assert.ok(doc, `${file} is a document`);
  const diagnostics = index.diagnose(file).filter((d) => d.code === code).map(toLspDiagnostic);
  assert.ok(diagnostics.length > 0, `${file} has ${code}`);
  return createLanguageService(index).codeActions({ text: doc.text, doc }, diagnostics);
}

/** Applies the fix titled `title` and returns the files after it, checking that its diagnostics are gone. */
export async function applyFixTitled(files: Files, file: string, code: string, title: string): Promise<Files> {
  const actions = await fixesOf(files, file, code);
  const action = actions.find((a) => a.title === title);
  assert.ok(action?.edit, `one action titled ${title} among ${JSON.stringify(actions.map((a) => a.title))}`);
  const { index } = await workspace(files);
  const after = applyWorkspaceEdit(files, action.edit, index);
  const { index: fixed } = await workspace(after);
  const fixedMessages = new Set(action.diagnostics?.map((d) => d.message));
  const left = fixed.diagnose(file).map(toLspDiagnostic).filter((d) => d.code === code && fixedMessages.has(d.message));
  assert.deepStrictEqual(left.map((d) => d.message), [], 'the fix resolves its diagnostics');
  return after;
}
