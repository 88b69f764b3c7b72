import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Located, Range } from '../types';

/** The text of one line, without its line break. */
export function lineText(text: TextDocument, line: number): string {
  return text.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }).replace(/\r?\n$/, '');
}

/** The whole of one line, without its line break. */
export function lineRange(text: TextDocument, line: number): Range {
  return { start: { line, character: 0 }, end: { line, character: lineText(text, line).length } };
}

/** The range of a frontmatter value without the quotes YAML allows around it. */
export function valueRange(text: TextDocument, located: Located<string>): Range {
  const written = text.getText(located.range);
  const at = written.indexOf(located.value);
  if (at <= 0) return located.range;
  const start = text.offsetAt(located.range.start) + at;
  return { start: text.positionAt(start), end: text.positionAt(start + located.value.length) };
}

/** Whether a line opens or closes a frontmatter block (`---`, a BOM before it allowed). */
export function isFenceLine(line: string): boolean {
  return line.replace(/^\uFEFF/, '').trimEnd() === '---';
}
