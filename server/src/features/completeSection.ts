import { CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem, type Position } from 'vscode-languageserver-types';
import type { AttestDocument } from '../core/document/model';
import { lineText } from '../core/document/text';
import type { WorkspaceIndex } from '../core/index/workspaceIndex';
import { placeholdersIn } from '../core/placeholders';
import { hasTopicSection, headingNaming } from '../core/query/sections';
import { mlListEdit } from '../core/rules/missingMlAddendum/fixes';

/** A heading being typed at the start of a body line: `#`, `## `, `## Mod`. */
const HEADING_TYPED = /^(#{1,6})(?:\s+(.*))?$/;

/**
 * Sections, offered where a heading is typed in the body: first the required sections the
 * document lacks, then the ML topics it has no section for (in an addendum, or where the ML
 * addenda apply). Each comes with its heading and template, placeholders as tab stops as the
 * snippets have them. A topic's section also adds the topic to `ml` in the same step, which
 * a snippet cannot do (it writes only at the cursor), so that the section counts as
 * addressing the topic.
 */
export function sectionItems(doc: AttestDocument, position: Position, index: WorkspaceIndex): CompletionItem[] {
  const before = lineText(doc.text, position.line).slice(0, position.character);
  const typed = HEADING_TYPED.exec(before);
  if (!typed) return [];
  const hashes = typed[1];
  const range = { start: { line: position.line, character: 0 }, end: position };
  const item = (title: string, template: string, sortText: string): CompletionItem => ({
    label: title,
    kind: CompletionItemKind.Snippet,
    filterText: `${hashes} ${title}`,
    sortText,
    insertTextFormat: InsertTextFormat.Snippet,
    textEdit: { range, newText: `${hashes} ${snippetText(title)}\n\n${templateSnippet(template)}` },
  });
  const required = (doc.type ? index.config.sections[doc.type] : [])
    .filter((s) => !headingNaming(doc, [s.name, ...s.synonyms], index))
    .map((s, i) => ({ ...item(s.name, s.template, `0${String(i).padStart(3, '0')}`), detail: `Required section of a ${doc.type ?? 'document'}` }));
  if (!index.mlActive && doc.type !== 'addendum') return required;
  const listed = new Set(doc.ml.map((m) => m.value));
  const topics = index.catalog.topics
    .filter((topic) => !hasTopicSection(doc, topic, index))
    .map((topic, i): CompletionItem => {
      const addToMl = listed.has(topic.id) ? undefined : mlListEdit(doc, topic.id);
      return {
        ...item(topic.title, topic.template, `1${String(i).padStart(3, '0')}`),
        detail: addToMl ? `ML topic ${topic.id}: its section, and ${topic.id} added to ml` : `ML topic ${topic.id}: its section`,
        documentation: { kind: MarkupKind.Markdown, value: topic.auditor },
        ...(addToMl ? { additionalTextEdits: [addToMl] } : {}),
      };
    });
  return [...required, ...topics];
}

/** Text a snippet shows as written: `$`, `}` and `\` escaped. */
function snippetText(text: string): string {
  return text.replace(/[$}\\]/g, (c) => `\\${c}`);
}

/** A template with each placeholder a tab stop whose default is the placeholder, so that a section left as inserted is still reported. */
function templateSnippet(template: string): string {
  let result = '';
  let from = 0;
  let stop = 1;
  const text = template.trimEnd();
  for (const p of placeholdersIn(text)) {
    result += snippetText(text.slice(from, p.start)) + `\${${stop++}:${snippetText(text.slice(p.start, p.end))}}`;
    from = p.end;
  }
  return `${result}${snippetText(text.slice(from))}$0`;
}
