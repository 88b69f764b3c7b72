import * as assert from 'assert';
import * as vscode from 'vscode';
import { activate, bundledSummary, diagnosticsWithCode, fixtureUri, hoverText, positionOf, waitFor } from './helpers';

describe('language features', () => {
  before(async () => {
    fixtureUri();
    await (await activate()).whenReady();
  });

  it('reports the unknown criterion CC9.9 with its exact range', async () => {
    const uri = fixtureUri('procedures', 'onboarding.md');
    const document = await vscode.workspace.openTextDocument(uri);
    const start = positionOf(document, 'criteria:', 'CC9.9');
    const [diagnostic, ...rest] = await diagnosticsWithCode(uri, 'unknown-criterion');
    assert.strictEqual(rest.length, 0, 'more than one unknown-criterion diagnostic');
    assert.deepStrictEqual(
      [diagnostic.range.start.line, diagnostic.range.start.character, diagnostic.range.end.line, diagnostic.range.end.character],
      [start.line, start.character, start.line, start.character + 'CC9.9'.length],
    );
    assert.strictEqual(diagnostic.severity, vscode.DiagnosticSeverity.Error);
    assert.strictEqual(diagnostic.source, 'attest');
    assert.match(diagnostic.message, /CC9\.9/);
    assert.match(diagnostic.message, /CC9\.1/);
  });

  it('opens the file a quick fix wrote and selects what it left to write (attest.revealEdit)', async () => {
    const uri = fixtureUri('controls', 'access-review.md');
    const document = await vscode.workspace.openTextDocument(uri);
    const start = positionOf(document, 'owner:', 'Head of Security');
    const range = { start: { line: start.line, character: start.character }, end: { line: start.line, character: start.character + 'Head of Security'.length } };
    await vscode.commands.executeCommand('attest.revealEdit', { uri: uri.toString(), range });
    const editor = vscode.window.activeTextEditor;
    assert.strictEqual(editor?.document.uri.toString(), uri.toString());
    assert.strictEqual(editor.document.getText(editor.selection), 'Head of Security');
  });

  it('shows the summary of a criterion on hover', async () => {
    const uri = fixtureUri('policies', 'access-control.md');
    const document = await vscode.workspace.openTextDocument(uri);
    const position = positionOf(document, 'criteria:', 'CC6.2').translate(0, 2);
    const summary = bundledSummary('CC6.2');
    const text = await waitFor(
      async () => {
        const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position)) ?? [];
        const value = hoverText(hovers);
        return value.includes(summary) ? value : undefined;
      },
      `no hover with the summary of CC6.2 ("${summary}")`,
      { timeoutMs: 20_000, pollMs: 250 },
    );
    assert.match(text, /CC6\.2/);
  });

  it('fixes CC9.9 to CC9.1 with the quick fix', async () => {
    const uri = fixtureUri('procedures', 'onboarding.md');
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    const [diagnostic] = await diagnosticsWithCode(uri, 'unknown-criterion');
    const original = document.getText();
    const actions = await waitFor(
      async () => {
        const found = (await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value)) ?? [];
        return found.length ? found : undefined;
      },
      'no quick fix for CC9.9',
      { timeoutMs: 20_000, pollMs: 250 },
    );
    const fix = actions.find((a): a is vscode.CodeAction => 'title' in a && a.title.includes('CC9.1') && !(typeof (a as vscode.Command).command === 'string'));
    assert.ok(fix, `no quick fix titled with CC9.1 among ${JSON.stringify(actions.map((a) => a.title))}`);
    try {
      if (fix.edit) assert.ok(await vscode.workspace.applyEdit(fix.edit), 'the quick fix edit was not applied');
      if (fix.command) await vscode.commands.executeCommand(fix.command.command, ...(fix.command.arguments ?? []));
      const line = document.lineAt(diagnostic.range.start.line).text;
      assert.ok(line.includes('CC9.1') && !line.includes('CC9.9'), `after the fix the line reads \`${line}\``);
      // The server sees the buffer: the diagnostic goes away.
      await waitFor(
        () => !vscode.languages.getDiagnostics(uri).some((d) => d.message.includes('CC9.9')),
        'the unknown-criterion diagnostic stayed after the fix',
        { events: [vscode.languages.onDidChangeDiagnostics as vscode.Event<unknown>] },
      );
    } finally {
      // Put the fixture back as it was (in the buffer and on disk).
      const whole = new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length));
      const restore = new vscode.WorkspaceEdit();
      restore.replace(uri, whole, original);
      await vscode.workspace.applyEdit(restore);
      await document.save();
    }
    await diagnosticsWithCode(uri, 'unknown-criterion');
  });
});
