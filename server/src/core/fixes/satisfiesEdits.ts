import { isMap, isScalar, isSeq, type Node as YamlNode, type Pair, type YAMLMap } from 'yaml';
import { TextEdit, type Range } from 'vscode-languageserver-types';
import { rangeOfNode, type AttestDocument } from '../document/model';
import { endOfLine, eolOf, lineAt } from './edits';

/** Ids as a flow list writes them: plain, since ids such as `MAP 2.3` need no quotes there. */
function flowList(ids: readonly string[]): string {
  return `[${ids.join(', ')}]`;
}

/** Where a YAML node of the frontmatter starts and ends in the file (trimmed, as ranges are). */
function offsets(doc: AttestDocument, node: YamlNode): { start: number; end: number } {
  const range = rangeOfNode(doc, node);
  return { start: doc.text.offsetAt(range.start), end: doc.text.offsetAt(range.end) };
}

function insertAt(doc: AttestDocument, offset: number, text: string): TextEdit {
  return TextEdit.insert(doc.text.positionAt(offset), text);
}

function pairs(map: YAMLMap<unknown, unknown>): Pair<YamlNode, YamlNode | null>[] {
  return map.items as Pair<YamlNode, YamlNode | null>[];
}

/** The indentation of the line a node starts on, up to the node (or its `- `). */
function indentOf(doc: AttestDocument, node: YamlNode): string {
  const line = lineAt(doc.text, rangeOfNode(doc, node).start.line);
  return /^[ \t]*/.exec(line)?.[0] ?? '';
}

/** Adds ids to the list of one framework key, whatever form the list is written in. */
function addToList(doc: AttestDocument, pair: Pair<YamlNode, YamlNode | null>, ids: readonly string[]): TextEdit | undefined {
  const value = pair.value;
  const eol = eolOf(doc.text);
  if (value === null || (isScalar(value) && (value.value === null || value.value === ''))) {
    // `iso42001: ''` or `~` is replaced; a key with nothing after its colon gets the list after it.
    if (value && doc.text.getText(rangeOfNode(doc, value)).trim() !== '') return TextEdit.replace(rangeOfNode(doc, value), flowList(ids));
    const keyEnd = rangeOfNode(doc, pair.key).end;
    return TextEdit.replace({ start: keyEnd, end: endOfLine(doc.text, keyEnd.line) }, `: ${flowList(ids)}`);
  }
  if (isScalar(value)) {
    const at = offsets(doc, value);
    return TextEdit.replace({ start: doc.text.positionAt(at.start), end: doc.text.positionAt(at.end) }, flowList([String(value.value), ...ids]));
  }
  if (!isSeq(value)) return undefined;
  const last = value.items[value.items.length - 1] as YamlNode | undefined;
  if (value.flow) {
    if (last) return insertAt(doc, offsets(doc, last).end, `, ${ids.join(', ')}`);
    return insertAt(doc, offsets(doc, value).end - 1, ids.join(', '));
  }
  if (!last) return undefined;
  const indent = indentOf(doc, last);
  const dash = /^[ \t]*-[ \t]*/.exec(lineAt(doc.text, rangeOfNode(doc, last).start.line))?.[0] ?? `${indent}- `;
  const lastLine = rangeOfNode(doc, last).end.line;
  return TextEdit.insert(endOfLine(doc.text, lastLine), ids.map((id) => `${eol}${dash}${id}`).join(''));
}

/**
 * Edits that add framework items to a document's `satisfies` (`additions`: framework id →
 * ids, in order), keeping the form it is written in: a block map gets a line per new key, a
 * flow map a new pair, a list its new ids. Undefined when `satisfies` has a form no edit
 * can extend (a scalar, a list).
 */
export function addToSatisfies(doc: AttestDocument, additions: ReadonlyMap<string, readonly string[]>): TextEdit[] | undefined {
  const wanted = [...additions].filter(([, ids]) => ids.length > 0);
  if (wanted.length === 0) return [];
  const eol = eolOf(doc.text);
  const field = doc.fields.get('satisfies');
  const block = (indent: string) => wanted.map(([framework, ids]) => `${indent}${framework}: ${flowList(ids)}`).join(eol);
  if (!field) return [TextEdit.insert({ line: doc.frontmatterEndLine, character: 0 }, `satisfies:${eol}${block('  ')}${eol}`)];
  const node = field.node;
  if (node === null || (isScalar(node) && (node.value === null || node.value === ''))) {
    return [TextEdit.replace({ start: field.keyRange.end, end: endOfLine(doc.text, field.keyRange.end.line) }, `:${eol}${block('  ')}`)];
  }
  if (!isMap(node)) return undefined;
  const edits: TextEdit[] = [];
  const missing: [string, readonly string[]][] = [];
  for (const [framework, ids] of wanted) {
    const pair = pairs(node).find((p) => isScalar(p.key) && p.key.value === framework);
    if (!pair) {
      missing.push([framework, ids]);
      continue;
    }
    const edit = addToList(doc, pair, ids);
    if (!edit) return undefined;
    edits.push(edit);
  }
  if (missing.length === 0) return edits;
  const lastPair = pairs(node)[node.items.length - 1] as Pair<YamlNode, YamlNode | null> | undefined;
  if (node.flow) {
    const text = missing.map(([framework, ids]) => `${framework}: ${flowList(ids)}`).join(', ');
    if (!lastPair) return [...edits, insertAt(doc, offsets(doc, node).end - 1, text)];
    return [...edits, insertAt(doc, offsets(doc, lastPair.value ?? lastPair.key).end, `, ${text}`)];
  }
  if (!lastPair) return undefined;
  const indent = indentOf(doc, lastPair.key);
  const lastLine = rangeOfNode(doc, lastPair.value ?? lastPair.key).end.line;
  return [...edits, TextEdit.insert(endOfLine(doc.text, lastLine), missing.map(([framework, ids]) => `${eol}${indent}${framework}: ${flowList(ids)}`).join(''))];
}

/**
 * The edit that takes one claimed item (at `range`) out of its list under `satisfies`: with
 * its comma in a flow list, with its line in a block list. Undefined when the item is not
 * found there, or is the whole value of its key.
 */
export function removeFromSatisfies(doc: AttestDocument, range: Range): TextEdit | undefined {
  const node = doc.fields.get('satisfies')?.node;
  if (!isMap(node)) return undefined;
  const at = doc.text.offsetAt(range.start);
  for (const pair of pairs(node)) {
    const list = pair.value;
    if (!isSeq(list)) continue;
    const items = list.items as YamlNode[];
    const index = items.findIndex((item) => {
      const o = offsets(doc, item);
      return o.start <= at && at <= o.end;
    });
    if (index < 0) continue;
    const item = offsets(doc, items[index]);
    if (!list.flow) {
      const line = rangeOfNode(doc, items[index]).start.line;
      return TextEdit.del({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } });
    }
    const from = index > 0 ? offsets(doc, items[index - 1]).end : item.start;
    const to = index > 0 || items.length === 1 ? item.end : offsets(doc, items[index + 1]).start;
    return TextEdit.del({ start: doc.text.positionAt(from), end: doc.text.positionAt(to) });
  }
  return undefined;
}
