import { parseDocument, isMap } from 'yaml';
import { TextEdit } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { FIELD_BY_KEY } from '../../document/schema';
import { editsIn, eolOf, lineAt, opensUnclosedFrontmatter, quickFix, type FixProvider } from '../../fixes/edits';

/**
 * A frontmatter opened with `---` and never closed: adds the closing `---` where the YAML
 * plainly ends. Offered only when that place is clear and the YAML above it reads as fields.
 */
export const closeFrontmatter: FixProvider = (diagnostic, target) => {
  const { doc } = target;
  if (!doc || !opensUnclosedFrontmatter(doc) || diagnostic.range.start.line !== 0) return [];
  const last = lastYamlLine(doc.text);
  if (last === undefined) return [];
  const eol = eolOf(doc.text);
  const edit =
    last + 1 < doc.text.lineCount
      ? TextEdit.insert({ line: last + 1, character: 0 }, `---${eol}`)
      : TextEdit.insert({ line: last, character: lineAt(doc.text, last).length }, `${eol}---${eol}`);
  return [quickFix(`Close the frontmatter: add \`---\` after line ${last + 1}`, editsIn(doc.uri, [edit]), [diagnostic], true)];
};

const KEY_LINE = /^([A-Za-z_][\w-]*)\s*:(?:\s|$)/;
const NESTED_LINE = /^(?:[ \t]+\S|-(?:\s|$))/;

/**
 * A line of the frontmatter: a field Attest knows (`owner:`; prose such as `Scope: all
 * systems.` is not one), a line indented under one, or a list item.
 */
function isYamlLine(line: string): boolean {
  const key = KEY_LINE.exec(line)?.[1];
  return key !== undefined ? FIELD_BY_KEY.has(key) : NESTED_LINE.test(line);
}
/** A Markdown heading starts the body (a YAML comment cannot be told from one, so it ends the block too). */
const HEADING = /^#{1,6}(?:\s|$)/;

/**
 * The last line (0-based) of the YAML after the opening `---`: the run of YAML-like lines,
 * across blank lines only where YAML goes on after them, up to the first heading or other
 * Markdown. Undefined when there is no such run or it is not a valid mapping of fields.
 */
function lastYamlLine(text: TextDocument): number | undefined {
  const lines = text.getText().split(/\r?\n/);
  let last = 0;
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i];
    if (HEADING.test(line)) break;
    if (line.trim() === '') {
      const next = lines.slice(i + 1).find((l) => l.trim() !== '');
      if (next === undefined || HEADING.test(next) || !isYamlLine(next)) break;
      continue;
    }
    if (!isYamlLine(line)) break;
    last = i;
  }
  if (last === 0) return undefined;
  const yaml = parseDocument(lines.slice(1, last + 1).join('\n'), { uniqueKeys: true });
  return yaml.errors.length === 0 && isMap(yaml.contents) ? last : undefined;
}
