import { isMap, isScalar, isSeq, parseDocument, type Node as YamlNode } from 'yaml';
import { TextEdit, type CodeAction } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CONFIG_FILE } from '../../config/types';
import { createFileEdit, editsIn, endOfLine, eolOf, findingData, isWithin, quickFix, type FixProvider } from '../../fixes/edits';
import { addToSatisfies, removeFromSatisfies } from '../../fixes/satisfiesEdits';
import { pairOf } from '../../yamlMap';

/** A real id claimed under the wrong framework: move it under the framework that has it. */
export const moveToFramework: FixProvider = (diagnostic, target) => {
  const data = findingData(diagnostic);
  const doc = target.doc;
  const framework = data.name;
  const id = data.criterion;
  if (!doc || !framework || !id || !isWithin(target.text, diagnostic.range) || target.text.getText(diagnostic.range) !== id) return [];
  if (!target.index.frameworks.item(framework, id)) return [];
  const removal = removeFromSatisfies(doc, diagnostic.range);
  if (!removal) return [];
  const already = doc.satisfies.some((c) => c.framework.value === framework && c.items.some((i) => i.value === id));
  const addition = already ? [] : addToSatisfies(doc, new Map([[framework, [id]]]));
  if (!addition) return [];
  return [quickFix(`Claim ${id} under \`${framework}\``, editsIn(doc.uri, [removal, ...addition]), [diagnostic], true)];
};

/** Claims of a bundled framework that is off: turn it on in attest.yaml (created if there is none). */
export const enableFramework: FixProvider = (diagnostic, target) => {
  const framework = findingData(diagnostic).name;
  if (!framework || !target.index.frameworks.bundledIds.includes(framework) || target.index.frameworks.isEnabled(framework)) return [];
  const title = `Turn on ${framework} in attest.yaml`;
  const file = target.index.config.file;
  if (!file) return [quickFix(title, createFileEdit(target.index.uriOf(CONFIG_FILE), `frameworks: [${framework}]\n`), [diagnostic])];
  const edit = frameworksEdit(file.text, framework);
  return edit ? [quickFix(title, editsIn(file.uri, [edit]), [diagnostic])] : ([] as CodeAction[]);
};

/** Adds a name to `frameworks` in attest.yaml, creating the key if needed. */
export function frameworksEdit(text: TextDocument, framework: string): TextEdit | undefined {
  const eol = eolOf(text);
  const source = text.getText();
  const root = parseDocument(source).contents;
  if (root !== null && !isMap(root)) return undefined;
  const pair = pairOf(root, 'frameworks');
  if (!pair) {
    const lead = source === '' || /\n$/.test(source) ? '' : eol;
    return TextEdit.insert(text.positionAt(source.length), `${lead}frameworks: [${framework}]${eol}`);
  }
  const key = pair.key as YamlNode;
  const value = pair.value as YamlNode | null;
  if (value === null || (isScalar(value) && (value.value === null || value.value === ''))) {
    const keyLine = text.positionAt(key.range?.[0] ?? 0).line;
    return TextEdit.replace({ start: text.positionAt(key.range?.[1] ?? 0), end: endOfLine(text, keyLine) }, `: [${framework}]`);
  }
  if (!isSeq(value)) return undefined;
  const items = value.items as YamlNode[];
  const last = items[items.length - 1];
  let end = last?.range?.[1] ?? value.range?.[0] ?? 0;
  while (end > 0 && /\s/.test(source.charAt(end - 1))) end--;
  if (value.flow) {
    if (!last) return TextEdit.insert(text.positionAt(source.indexOf('[', value.range?.[0] ?? 0) + 1), framework);
    return TextEdit.insert(text.positionAt(end), `, ${framework}`);
  }
  const line = text.positionAt(last?.range?.[0] ?? 0).line;
  const dash = /^[ \t]*-[ \t]*/.exec(text.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }))?.[0] ?? '  - ';
  return TextEdit.insert(endOfLine(text, text.positionAt(end).line), `${eol}${dash}${framework}`);
}
