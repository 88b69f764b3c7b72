/**
 * Mutated documents: real documents from the starter library, cut, doubled and sprinkled
 * with the characters YAML and Markdown care about, then run through every feature. Nothing
 * may throw, every range must lie inside its document, every quick fix must apply, and the
 * outline of a body in sections must equal its whole parse.
 * The mutations come from a seeded generator, so a failure names a case that replays.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position, Range } from 'vscode-languageserver-types';
import { outlineMarkdown } from '../../server/src/core/document/markdown';
import { codeActionsFor } from '../../server/src/features/codeActions';
import { codeLenses } from '../../server/src/features/codeLens';
import { completeConfig, completeDocument } from '../../server/src/features/completion';
import { definition } from '../../server/src/features/definition';
import { hover, hoverInConfig } from '../../server/src/features/hover';
import { references } from '../../server/src/features/references';
import { prepareRename } from '../../server/src/features/rename';
import { documentSymbols } from '../../server/src/features/symbols';
import { toLspDiagnostic } from '../../server/src/features/lspDiagnostic';
import { REPO, workspace } from '../helpers';
import { applyWorkspaceEdit } from './features/cursor';

/** A few documents of each kind, with the policy they hang from. */
const LIBRARY = [
  'attest.yaml',
  'policies/change-management.md',
  'addenda/model-governance.md',
  'controls/chg-01-peer-review.md',
  'controls/mdl-02-model-promotion.md',
  'procedures/model-promotion.md',
];

/** What YAML, Markdown and our own syntax give meaning to. */
const TOKENS = ['\n', '\r\n', '---\n', '- ', ': ', ':', '[', ']', '{', '}', '"', "'", '#', '## ', '\t', '  ', '&a ', '*a', '|', '>', '<!-- ', ' -->', '\n```\n', '\n~~~~\n', '<pre>\n', '<div>', 'attest-ignore ', 'CC', 'CC9.9', 'PI1.', '.', ',', 'ml:', 'criteria:', '\u00e9', '\ud83d\ude00', '\u0000'];

const ITERATIONS = 120;

/** mulberry32: small, fast, and the same sequence for the same seed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function mutate(text: string, next: () => number): string {
  const pick = (n: number) => Math.floor(next() * n);
  let result = text;
  for (let edits = 1 + pick(4); edits > 0; edits--) {
    const at = pick(result.length + 1);
    const span = 1 + pick(40);
    switch (pick(5)) {
      case 0: // delete a span
        result = result.slice(0, at) + result.slice(at + span);
        break;
      case 1: // double a span
        result = result.slice(0, at + span) + result.slice(at, at + span) + result.slice(at + span);
        break;
      case 2: // cut the file short
        result = result.slice(0, at);
        break;
      default: // insert tokens
        result = result.slice(0, at) + Array.from({ length: 1 + pick(3) }, () => TOKENS[pick(TOKENS.length)]).join('') + result.slice(at);
    }
  }
  return result;
}

function assertInside(text: TextDocument, range: Range, what: string): void {
  const inside = (p: Position) => p.line >= 0 && p.character >= 0 && p.line < text.lineCount && text.offsetAt(p) === text.offsetAt(text.positionAt(text.offsetAt(p))) && p.character <= lineLength(text, p.line);
  assert.ok(inside(range.start) && inside(range.end), `${what}: ${JSON.stringify(range)} lies outside the text`);
  assert.ok(text.offsetAt(range.start) <= text.offsetAt(range.end), `${what}: ${JSON.stringify(range)} ends before it starts`);
}

function lineLength(text: TextDocument, line: number): number {
  const start = text.offsetAt({ line, character: 0 });
  const end = line + 1 < text.lineCount ? text.offsetAt({ line: line + 1, character: 0 }) : text.getText().length;
  return text.getText().slice(start, end).replace(/\r?\n$/, '').length;
}

describe('mutated documents', function () {
  const originals = Object.fromEntries(LIBRARY.map((f) => [f, fs.readFileSync(path.join(REPO, 'policies', f), 'utf8')]));

  it(`survive ${ITERATIONS} seeded mutations in every feature, with ranges inside the text and quick fixes that apply`, async function () {
    this.timeout(60000);
    for (let seed = 1; seed <= ITERATIONS; seed++) {
      const next = random(seed);
      const file = LIBRARY[Math.floor(next() * LIBRARY.length)];
      const files = { ...originals, [file]: mutate(originals[file], next) };
      const label = `seed ${seed}, ${file}`;
      try {
        // Large bodies are outlined in sections: on any text, that must agree with the whole parse.
        assert.deepStrictEqual(outlineMarkdown(files[file], 0, 0), outlineMarkdown(files[file], 0, Infinity), 'outlined in sections and whole');
        await exercise(files, file, next, label);
      } catch (err) {
        throw new Error(`${label} (text ${JSON.stringify(files[file])}): ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      }
    }
  });
});

async function exercise(files: Record<string, string>, file: string, next: () => number, label: string): Promise<void> {
  const { index } = await workspace(files);
  const isConfig = file === 'attest.yaml';
  const doc = index.get(file);
  const text = isConfig ? TextDocument.create(index.uriOf(file), 'yaml', 0, files[file]) : doc?.text;
  const diagnostics = isConfig ? index.diagnoseConfig() : index.diagnose(file);
  index.coverage();
  for (const other of Object.keys(files)) if (other !== file && index.get(other)) index.diagnose(other);
  if (!text) {
    assert.deepStrictEqual(diagnostics, [], `${label}: a file that is no document has no diagnostics`);
    return;
  }
  for (const d of diagnostics) {
    assert.ok(d.message.trim().length > 0, `${label}: ${d.code} has a message`);
    assertInside(text, d.range, `${label}: ${d.code}`);
  }

  // Every quick fix applies, and touches the workspace's own files or new ones.
  const actions = codeActionsFor({ text, doc, index }, diagnostics.map(toLspDiagnostic));
  for (const action of actions) {
    if (!action.edit) continue;
    for (const [uri, edits] of Object.entries(action.edit.changes ?? {})) {
      const target = uri === text.uri ? text : index.getByUri(uri)?.text;
      assert.ok(target, `${label}: "${action.title}" edits ${uri}, which is open to it`);
      for (const e of edits) assertInside(target, e.range, `${label}: "${action.title}"`);
    }
    applyWorkspaceEdit(files, action.edit, index);
  }

  // Every position feature, at random places.
  for (let i = 0; i < 8; i++) {
    const position = text.positionAt(Math.floor(next() * (text.getText().length + 1)));
    if (isConfig || !doc) {
      completeConfig(text, position, index);
      const h = hoverInConfig(index, text, position);
      if (h?.range) assertInside(text, h.range, `${label}: config hover`);
      continue;
    }
    const h = hover(index, doc, position);
    if (h?.range) assertInside(text, h.range, `${label}: hover`);
    for (const item of completeDocument(doc, position, index)) {
      const edit = item.textEdit;
      if (edit && 'range' in edit) assertInside(text, edit.range, `${label}: completion "${item.label}"`);
    }
    definition(index, doc, position);
    references(index, doc, position, true);
    const rename = prepareRename(index, doc, position);
    if ('range' in rename) assertInside(text, rename.range, `${label}: prepare rename`);
  }
  if (doc) {
    const walk = (symbols: ReturnType<typeof documentSymbols>): void => {
      for (const s of symbols) {
        assertInside(text, s.range, `${label}: symbol ${s.name}`);
        assertInside(text, s.selectionRange, `${label}: symbol ${s.name}`);
        walk(s.children ?? []);
      }
    };
    walk(documentSymbols(doc));
    for (const lens of codeLenses(index, doc)) assertInside(text, lens.range, `${label}: code lens`);
  }
}
