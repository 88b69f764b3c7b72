import { isFenceLine } from '../core/document/text';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CompletionItemKind,
  MarkupKind,
  TextEdit,
  type CompletionItem,
  type Position,
  type Range,
} from 'vscode-languageserver-types';
import type { AttestDocument } from '../core/document/model';
import { FIELD_BY_KEY, REVIEW_CYCLES, fieldsFor } from '../core/document/schema';
import type { WorkspaceIndex } from '../core/index/workspaceIndex';
import { ALL_RULE_INFO } from '../core/rules';
import { SEVERITIES } from '../core/types';
import { ALL_CLIENT_COMMANDS, TRIGGER_SUGGEST_COMMAND, type ClientCommands } from '../shared/commands';
import { completeSatisfies, exceptionIdItems, frameworkNameItems } from './completeFrameworks';
import { sectionItems } from './completeSection';

/**
 * Completion works on the text of the lines, not on the parsed YAML: while a value is being
 * typed the frontmatter is often not valid YAML, and the parse is then of no help.
 */

/** Where the cursor is, read from the line: which key's value is typed, and how far. */
interface Site {
  /** The top-level key the value belongs to (on this line or the nearest one above). */
  readonly key: string;
  /** A key inside the value right before the cursor (`cycle` in `review: { cycle: an|`). */
  readonly nested?: string;
  /** Whether the cursor is where a nested key is written (an indented line with no colon yet). */
  readonly atNestedKey: boolean;
  /** What was typed of the value so far. */
  readonly typed: string;
  /** The range the chosen item replaces: the typed part and the rest of that word. */
  readonly range: Range;
  /** Text to put before the item: a space after a bare `:` or `-`. */
  readonly lead: string;
  /** The line of the top-level key. */
  readonly keyLine: number;
  /**
   * An indented line with no `-` yet under a key whose value is a block (`criteria:` alone on
   * its line): a list value typed here needs the dash to be an item of the list.
   */
  readonly needsDash: boolean;
}

/** A value that may be typed: letters, digits, `.`, `-`, `_`, `<`, `>`. */
const TYPED = /[^\s[\],{}:'"]*$/;
const REST = /^[^\s[\],{}:'"]*/;
const TOP_KEY = /^([A-Za-z_][\w-]*)\s*:(.*)$/;

function linesOf(text: TextDocument): string[] {
  return text.getText().split(/\r?\n/);
}

/** Lines [first, last) of the frontmatter of an Attest-dialect document, closed or not. */
function frontmatterLines(lines: readonly string[]): { first: number; last: number } | undefined {
  if (lines.length === 0 || !isFenceLine(lines[0])) return undefined;
  for (let i = 1; i < lines.length; i++) {
    const t = lines[i].trimEnd();
    if (t === '---' || t === '...') return { first: 1, last: i };
    // An unclosed block (while the author is still writing it) ends where the Markdown starts.
    if (/^#{1,6}\s/.test(t)) return { first: 1, last: i };
  }
  return { first: 1, last: lines.length };
}

function siteAt(lines: readonly string[], position: Position, first: number): Site | undefined {
  const line = lines[position.line] ?? '';
  const before = line.slice(0, position.character);
  // A lone `-` at the start of a line is a list item's dash, not the start of a value.
  const typed = /^\s*-$/.test(before) ? '' : (TYPED.exec(before)?.[0] ?? '');
  const restLength = REST.exec(line.slice(position.character))?.[0].length ?? 0;
  const range: Range = { start: { line: position.line, character: position.character - typed.length }, end: { line: position.line, character: position.character + restLength } };
  const ahead = before.slice(0, before.length - typed.length);
  const lead = /[:-]$/.test(ahead) ? ' ' : '';
  let key: string;
  let value: string;
  let keyLine = position.line;
  const top = TOP_KEY.exec(before);
  if (top) {
    key = top[1];
    value = top[2];
  } else {
    if (!/^[\s-]/.test(line)) return undefined;
    while (--keyLine >= first && !/^[A-Za-z_][\w-]*\s*:/.test(lines[keyLine])) {
      // Only list items, nested keys, comments and blank lines may lie between a key and its value.
      if (!/^(\s|-|#|$)/.test(lines[keyLine])) return undefined;
    }
    if (keyLine < first) return undefined;
    key = TOP_KEY.exec(lines[keyLine])?.[1] ?? '';
    value = before;
  }
  const valueAhead = value.slice(0, value.length - typed.length);
  const nested = /([A-Za-z_][\w-]*)\s*:\s*$/.exec(valueAhead)?.[1];
  const atNestedKey = !top && /^\s+$/.test(valueAhead);
  const blockValue = /^\s*(#.*)?$/.test(TOP_KEY.exec(lines[keyLine])?.[2] ?? '');
  return { key, nested, atNestedKey, typed, range, lead, keyLine, needsDash: atNestedKey && blockValue };
}

/** Every value written in the block of the key on `keyLine` (its line and the indented lines below). */
function valuesListed(lines: readonly string[], keyLine: number, nested?: string): Set<string> {
  const values = new Set<string>();
  const take = (text: string) => {
    const source = nested ? [...text.matchAll(new RegExp(`${nested}\\s*:\\s*([^\\s,\\]}]+)`, 'g'))].map((m) => m[1]) : text.split(/[\s[\],{}'"]+/);
    // Keys come along (`cycle:` → `cycle`): that lists the rule codes already set under `rules`.
    for (const word of source) if (word && word !== '-') values.add(word.replace(/^-/, '').replace(/:$/, ''));
  };
  take(lines[keyLine].replace(TOP_KEY, '$2'));
  for (let i = keyLine + 1; i < lines.length && /^(\s|-|#|$)/.test(lines[i]) && !/^(---|\.\.\.)\s*$/.test(lines[i]); i++) take(lines[i].replace(/#.*$/, ''));
  return values;
}

function item(site: Site, label: string, extra: Omit<CompletionItem, 'label'>): CompletionItem {
  return { label, filterText: label, textEdit: TextEdit.replace(site.range, site.lead + label), ...extra };
}

/** An item of a list value (`criteria`, `ml`, `categories`): with the `-` the line still lacks. */
function listItem(site: Site, label: string, extra: Omit<CompletionItem, 'label'>): CompletionItem {
  return site.needsDash ? { ...item(site, label, extra), textEdit: TextEdit.replace(site.range, `- ${label}`) } : item(site, label, extra);
}

const markdown = (value: string) => ({ kind: MarkupKind.Markdown, value });

function startsWith(value: string, typed: string): boolean {
  return value.toLowerCase().startsWith(typed.toLowerCase());
}

/** Completion in the frontmatter of an Attest document, and of a section's heading in its body. */
export function completeDocument(doc: AttestDocument, position: Position, index: WorkspaceIndex, clientCommands: ClientCommands = ALL_CLIENT_COMMANDS): CompletionItem[] {
  if (doc.hasFrontmatter && doc.dialect === 'attest' && position.line > doc.frontmatterRange.end.line) return sectionItems(doc, position, index);
  const lines = linesOf(doc.text);
  const block = frontmatterLines(lines);
  if (!block || position.line < block.first || position.line >= block.last) return [];
  const before = (lines[position.line] ?? '').slice(0, position.character);
  if (/^(?:[A-Za-z_][\w-]*)?$/.test(before)) return keyItems(doc, lines, block, position, clientCommands.has(TRIGGER_SUGGEST_COMMAND));
  const site = siteAt(lines, position, block.first);
  if (!site) return [];
  const listed = valuesListed(lines, site.keyLine, site.nested);
  listed.delete(site.typed);
  switch (site.key) {
    case 'type':
    case 'status':
    case 'frequency':
      return site.nested ? [] : enumItems(site, FIELD_BY_KEY.get(site.key)?.values ?? []);
    case 'review':
      return site.nested === 'cycle' ? enumItems(site, REVIEW_CYCLES) : [];
    case 'criteria':
      return site.nested ? [] : criterionItems(site, index, listed);
    case 'satisfies':
      return completeSatisfies(doc, lines, position, site.keyLine, index, clientCommands.has(TRIGGER_SUGGEST_COMMAND));
    case 'ml':
      return site.nested ? [] : topicItems(site, index, listed);
    case 'policy':
    case 'extends':
      return site.nested ? [] : policyItems(site, index, doc);
    default:
      return [];
  }
}

/** The fields the document's type takes that it does not have yet. */
function keyItems(doc: AttestDocument, lines: readonly string[], block: { first: number; last: number }, position: Position, suggestValues: boolean): CompletionItem[] {
  const line = lines[position.line];
  const present = new Set(doc.fields.keys());
  for (let i = block.first; i < block.last; i++) {
    const key = /^([A-Za-z_][\w-]*)\s*:/.exec(lines[i])?.[1];
    if (key && i !== position.line) present.add(key);
  }
  const word = /^[\w-]*/.exec(line)?.[0] ?? '';
  const hasColon = /^[\w-]*\s*:/.test(line);
  const range: Range = { start: { line: position.line, character: 0 }, end: { line: position.line, character: word.length } };
  return fieldsFor(doc.type)
    .filter((spec) => !present.has(spec.key))
    .map((spec, i): CompletionItem => {
      const required = doc.type !== undefined && spec.requiredFor?.includes(doc.type) === true;
      const completesValue = spec.kind === 'enum' || spec.kind === 'reference' || spec.kind === 'criteria' || spec.kind === 'satisfies' || spec.kind === 'ml';
      return {
        label: spec.key,
        kind: CompletionItemKind.Property,
        detail: required ? 'required' : 'optional',
        documentation: markdown(spec.description),
        sortText: `${required ? 0 : 1}-${String(i).padStart(2, '0')}`,
        textEdit: TextEdit.replace(range, hasColon ? spec.key : `${spec.key}: `),
        // Go straight on to the values, as the key alone is never the end of it.
        ...(suggestValues && completesValue && !hasColon ? { command: { title: 'Suggest values', command: TRIGGER_SUGGEST_COMMAND } } : {}),
      };
    });
}

function enumItems(site: Site, values: readonly string[]): CompletionItem[] {
  return values.map((value, i) => item(site, value, { kind: CompletionItemKind.EnumMember, sortText: String(i).padStart(2, '0') }));
}

/** Criterion ids starting with what was typed: in-scope first, uncovered ones marked. */
function criterionItems(site: Site, index: WorkspaceIndex, listed: ReadonlySet<string>, preferUncovered = false): CompletionItem[] {
  const uncovered = new Set(index.coverage().criteria.filter((c) => c.status === 'uncovered').map((c) => c.id));
  const items: CompletionItem[] = [];
  let order = 0;
  for (const criterion of index.criteria.all) {
    order++;
    if (listed.has(criterion.id) || !startsWith(criterion.id, site.typed)) continue;
    const inScope = index.config.categories.has(criterion.category);
    const isUncovered = uncovered.has(criterion.id);
    const category = index.criteria.categoryName(criterion.category);
    const rank = inScope ? (preferUncovered && isUncovered ? 0 : 1) : 2;
    items.push(
      listItem(site, criterion.id, {
        kind: CompletionItemKind.Constant,
        labelDetails: { detail: ` ${criterion.seriesName}`, ...(isUncovered ? { description: 'uncovered' } : inScope ? {} : { description: 'not in scope' }) },
        detail: `${category}${inScope ? '' : ' (not in scope)'}${isUncovered ? ' · uncovered' : ''}`,
        documentation: markdown(`**${criterion.id}** — ${criterion.summary}`),
        sortText: `${rank}-${String(order).padStart(4, '0')}`,
      }),
    );
  }
  return items;
}

function topicItems(site: Site, index: WorkspaceIndex, listed: ReadonlySet<string>): CompletionItem[] {
  return index.catalog.topics
    .filter((t) => !listed.has(t.id) && startsWith(t.id, site.typed))
    .map((topic, i) =>
      listItem(site, topic.id, {
        kind: CompletionItemKind.EnumMember,
        labelDetails: { description: topic.title },
        detail: `ML topic: ${topic.title}`,
        documentation: markdown(`${topic.auditor}\n\nHome criteria: ${topic.home.join(', ')}. Needs a section titled "${topic.title}".`),
        sortText: String(i).padStart(2, '0'),
      }),
    );
}

/** Ids of the workspace's policies, which `policy` and `extends` must name. */
function policyItems(site: Site, index: WorkspaceIndex, doc: AttestDocument): CompletionItem[] {
  return [...index.documents]
    .filter((d) => d.type === 'policy' && d.id && d.uri !== doc.uri && startsWith(d.id.value, site.typed))
    .sort((a, b) => (a.id?.value ?? '').localeCompare(b.id?.value ?? ''))
    .map((policy) =>
      item(site, policy.id?.value ?? '', {
        kind: CompletionItemKind.Reference,
        labelDetails: { description: policy.title?.value },
        detail: policy.title?.value ?? 'policy',
        documentation: markdown(`${policy.title?.value ?? policy.id?.value} — \`${policy.relPath}\``),
      }),
    );
}

/** Completion in attest.yaml: categories, the criteria of exceptions, rule codes and severities. */
export function completeConfig(text: TextDocument, position: Position, index: WorkspaceIndex): CompletionItem[] {
  const lines = linesOf(text);
  const site = siteAt(lines, position, 0);
  if (!site) return [];
  const listed = valuesListed(lines, site.keyLine, site.nested);
  listed.delete(site.typed);
  switch (site.key) {
    case 'categories':
      if (site.nested) return [];
      return index.criteria.categories
        .filter((c) => !listed.has(c.key) && startsWith(c.key, site.typed))
        .map((c, i) =>
          listItem(site, c.key, {
            kind: CompletionItemKind.EnumMember,
            labelDetails: { description: c.name },
            detail: c.alwaysInScope ? `${c.name} (always in scope)` : c.name,
            sortText: String(i).padStart(2, '0'),
          }),
        );
    case 'exceptions':
      if (site.nested === 'framework') return frameworkNameItems(site, index, new Set());
      // Item ids may hold spaces (`GOVERN 1.1`), which end the value the site reads.
      if (site.nested === 'id' || /(?:^|[\s{,])id\s*:[^:,{}]*$/.test(lines[position.line].slice(0, position.character))) return exceptionIdItems(index, lines, position);
      return site.nested === 'criterion' ? criterionItems(site, index, new Set([...listed, ...index.config.exceptions.keys()]), true) : [];
    case 'frameworks':
      return site.nested ? [] : frameworkNameItems(site, index, listed);
    case 'rules':
      if (site.atNestedKey) {
        return ALL_RULE_INFO.filter((r) => !listed.has(r.code) && startsWith(r.code, site.typed)).map((rule) => ({
          ...item(site, rule.code, { kind: CompletionItemKind.Property, detail: `default: ${rule.defaultSeverity}`, documentation: markdown(rule.description) }),
          textEdit: TextEdit.replace(site.range, `${rule.code}: `),
        }));
      }
      return site.nested ? enumItems(site, [...SEVERITIES, 'off']) : [];
    default:
      return [];
  }
}
