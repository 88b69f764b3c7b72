import * as assert from 'assert';
import type { CodeAction, Range } from 'vscode-languageserver-types';
import { createLanguageService } from '../../../../server/src/features/languageService';
import { toLspDiagnostic } from '../../../../server/src/features/lspDiagnostic';
import { REVEAL_EDIT_COMMAND, type RevealEditArgs } from '../../../../server/src/shared/commands';
import { control, policy, POLICY_BODY, rangeOf, workspace } from '../../../helpers';
import { applyWorkspaceEdit, uri } from '../cursor';

type Files = Record<string, string>;

/** The quick fixes of `code` in `file`, as the editor gets them from a client that runs `commands`. */
async function actionsOf(files: Files, file: string, code: string, commands?: readonly string[]): Promise<{ actions: CodeAction[]; after: (a: CodeAction) => Files }> {
  const { index } = await workspace(files);
  const service = createLanguageService(index, commands ? { clientCommands: new Set(commands) } : {});
  const config = file === 'attest.yaml';
  const text = config ? index.config.file?.text : index.get(file)?.text;
  assert.ok(text, file);
  const diagnostics = config ? index.diagnoseConfig().map(toLspDiagnostic) : service.diagnostics(file);
  const actions = service.codeActions({ text, doc: index.get(file) }, diagnostics.filter((d) => d.code === code));
  return { actions, after: (a) => applyWorkspaceEdit(files, a.edit ?? {}, index) };
}

function revealOf(action: CodeAction): RevealEditArgs | undefined {
  if (!action.command) return undefined;
  assert.strictEqual(action.command.command, REVEAL_EDIT_COMMAND);
  const [args] = (action.command.arguments ?? []) as RevealEditArgs[];
  return args;
}

function find(actions: readonly CodeAction[], title: RegExp): CodeAction {
  const found = actions.find((a) => title.test(a.title));
  assert.ok(found, `${String(title)} among ${JSON.stringify(actions.map((a) => a.title))}`);
  return found;
}

/** The text a range covers in the file after the edit. */
function textAt(text: string, range: Range): string {
  const lines = text.split('\n');
  if (range.start.line === range.end.line) return lines[range.start.line].slice(range.start.character, range.end.character);
  return [lines[range.start.line].slice(range.start.character), ...lines.slice(range.start.line + 1, range.end.line), lines[range.end.line].slice(0, range.end.character)].join('\n');
}

describe('quick fixes that write text show it', () => {
  it('opens a created file at its first placeholder', async () => {
    const files = { 'policies/hr.md': policy({ id: 'POL-HR' }), 'controls/c.md': control({ policy: 'POL-HRX' }) };
    const { actions, after } = await actionsOf(files, 'controls/c.md', 'unresolved-reference');
    const create = find(actions, /^Create policy POL-HRX/);
    const reveal = revealOf(create);
    assert.ok(reveal);
    assert.strictEqual(reveal.uri, uri('policies/hrx.md'));
    const created = after(create)['policies/hrx.md'];
    assert.deepStrictEqual(reveal.range, rangeOf(created, '<POLICY TITLE>'));
    assert.strictEqual(create.command?.title, 'Show what the fix wrote');
  });

  it('selects the placeholder of a section it adds, where it lands after the edit', async () => {
    const body = POLICY_BODY.replace(/## Scope\n\nText about scope\.\n\n/, '');
    const files = { 'policies/a.md': policy({}, body) };
    const { actions, after } = await actionsOf(files, 'policies/a.md', 'missing-section');
    const add = find(actions, /^Add the "Scope" section/);
    const reveal = revealOf(add);
    assert.ok(reveal);
    assert.strictEqual(reveal.uri, uri('policies/a.md'));
    const text = after(add)['policies/a.md'];
    // The first placeholder of the Scope section, after the Purpose section whose text has none.
    assert.strictEqual(textAt(text, reveal.range), '<COMPANY NAME>');
    assert.strictEqual(reveal.range.start.line, text.split('\n').indexOf('## Scope') + 2);
  });

  it('selects the reason to write in a suppression comment', async () => {
    const files = { 'policies/access.md': policy({ criteria: '[CC6.1, CC9.9]' }) };
    const { actions, after } = await actionsOf(files, 'policies/access.md', 'unknown-criterion');
    const suppress = find(actions, /^Suppress/);
    const reveal = revealOf(suppress);
    assert.ok(reveal);
    assert.strictEqual(textAt(after(suppress)['policies/access.md'], reveal.range), '<WHY THIS DOES NOT APPLY HERE>');
  });

  it('shows an exception added to attest.yaml, and the start of text with no placeholder in it', async () => {
    const files = { 'attest.yaml': 'categories: [security]\n', 'policies/access.md': policy(), 'controls/ac-01.md': control() };
    const { actions, after } = await actionsOf(files, 'attest.yaml', 'uncovered-criterion');
    const declare = find(actions, /^Declare CC1\.1 not applicable/);
    const reveal = revealOf(declare);
    assert.ok(reveal);
    assert.strictEqual(reveal.uri, uri('attest.yaml'));
    assert.strictEqual(textAt(after(declare)['attest.yaml'], reveal.range), '<WHY THIS CRITERION DOES NOT APPLY>');
    const addToMl = await actionsOf({ 'policies/a.md': policy({ criteria: '[CC8.1]' }, `${POLICY_BODY}\n## Model Versioning\n\nPinned.\n`), 'attest.yaml': 'ml: true\n' }, 'policies/a.md', 'missing-ml-addendum');
    const listed = find(addToMl.actions, /the section is there/);
    const text = addToMl.after(listed)['policies/a.md'];
    const line = text.split('\n').indexOf('ml: [model-versioning]');
    assert.ok(line > 0, text);
    assert.deepStrictEqual(revealOf(listed)?.range, { start: { line, character: 0 }, end: { line, character: 0 } });
  });

  it('adds nothing to a fix within a line, nor for a client that does not run the command', async () => {
    const files = { 'policies/access.md': policy({ criteria: '[CC6.1, CC9.9]' }) };
    const { actions } = await actionsOf(files, 'policies/access.md', 'unknown-criterion');
    assert.deepStrictEqual(actions.filter((a) => a.title.startsWith('Change')).map((a) => a.command), [undefined, undefined]);
    const other = await actionsOf(files, 'policies/access.md', 'unknown-criterion', ['attest.revealCoverage']);
    assert.deepStrictEqual(other.actions.map((a) => a.command), other.actions.map(() => undefined));
  });
});
