import { CompletionItemKind, InsertTextFormat, MarkupKind, TextEdit, type CompletionItem, type Position, type Range } from 'vscode-languageserver-types';
import type { Framework } from '../core/data/criteria';
import { shortName } from '../core/data/frameworkCatalog';
import type { AttestDocument } from '../core/document/model';
import type { WorkspaceIndex } from '../core/index/workspaceIndex';
import { TRIGGER_SUGGEST_COMMAND } from '../shared/commands';

/**
 * Completion under `satisfies` and of the frameworks in attest.yaml. Like the rest of
 * completion it reads the lines, not the YAML, which is seldom valid while a value is typed.
 */

/** What the cursor is on under `satisfies`: a framework key, or an id of the framework `key`. */
type SatisfiesSite =
  | { readonly kind: 'key'; readonly range: Range; readonly flow: 'none' | 'map' }
  | { readonly kind: 'top'; readonly range: Range }
  | { readonly kind: 'id'; readonly key: string; readonly range: Range; readonly needsDash: boolean };

/** Closing and separating characters end an id; spaces do not (`MAP 2.3`). */
const ID_TEXT = /[^[\]{},:#\n]*$/;

/**
 * Reads the text from the `satisfies:` key to the cursor: the framework key whose list the
 * cursor is in, or whether a key is being written.
 */
function satisfiesSite(lines: readonly string[], position: Position, keyLine: number): SatisfiesSite | undefined {
  const current = (lines[position.line] ?? '').slice(0, position.character);
  const keyColon = lines[keyLine].indexOf(':');
  const head = position.line === keyLine ? current.slice(keyColon + 1) : lines[keyLine].slice(keyColon + 1);
  const between = position.line === keyLine ? [] : lines.slice(keyLine + 1, position.line);
  const text = [head, ...between, ...(position.line === keyLine ? [] : [current])].map((l) => l.replace(/\s#.*$/, '')).join('\n');
  const typedRaw = ID_TEXT.exec(current)?.[0] ?? '';
  const typed = typedRaw.replace(/^\s*-?\s*/, '');
  const rest = /^[^[\]{},:#\n]*/.exec((lines[position.line] ?? '').slice(position.character))?.[0].trimEnd() ?? '';
  const range: Range = { start: { line: position.line, character: position.character - typed.length }, end: { line: position.line, character: position.character + rest.length } };
  let depth: string[] = [];
  let lastKey: string | undefined;
  let tokenStart = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '{' || ch === '[') depth.push(ch);
    else if (ch === '}' || ch === ']') depth = depth.slice(0, -1);
    if ('{[,\n'.includes(ch)) tokenStart = i + 1;
    else if (ch === ':' && depth[depth.length - 1] !== '[') lastKey = text.slice(tokenStart, i).replace(/^\s*-?\s*/, '').trim();
  }
  const inside = depth[depth.length - 1];
  const beforeTyped = text.slice(0, text.length - typed.length).trimEnd();
  if (position.line === keyLine && depth.length === 0) return beforeTyped === '' ? { kind: 'top', range } : undefined;
  if (inside === '{' && /[{,]$/.test(beforeTyped)) return { kind: 'key', range, flow: 'map' };
  if (depth.length === 0 && position.line !== keyLine && /^\s+[^\s:-][^:]*$|^\s+$/.test(current) && !/^\s*-/.test(current)) {
    // An indented line with no colon yet: a key, unless it continues the block list above it.
    const previous = between.filter((l) => l.trim() !== '').pop() ?? '';
    const inList = /^\s*-/.test(previous) && indentOf(previous) <= indentOf(current);
    if (!inList || typed === '') return inList ? { kind: 'id', key: lastKey ?? '', range, needsDash: true } : { kind: 'key', range, flow: 'none' };
  }
  if (!lastKey) return undefined;
  if (inside === '[' || /^\s*-/.test(current) || /:\s*$/.test(beforeTyped)) return { kind: 'id', key: lastKey, range, needsDash: false };
  return undefined;
}

function indentOf(line: string): number {
  return /^\s*/.exec(line)?.[0].length ?? 0;
}

const markdown = (value: string) => ({ kind: MarkupKind.Markdown, value });

/** Completion under `satisfies`: framework keys (turned on first), then the ids of the key's framework, uncovered first. */
export function completeSatisfies(doc: AttestDocument, lines: readonly string[], position: Position, keyLine: number, index: WorkspaceIndex, suggestNext: boolean): CompletionItem[] {
  const site = satisfiesSite(lines, position, keyLine);
  if (!site) return [];
  const next = suggestNext ? { command: { title: 'Suggest ids', command: TRIGGER_SUGGEST_COMMAND } } : {};
  if (site.kind === 'id') return itemIds(doc, site, index);
  const present = new Set(doc.satisfies.map((c) => c.framework.value));
  return frameworksByRelevance(index)
    .filter((f) => !present.has(f.id))
    .map((framework, i): CompletionItem => {
      const insert = site.kind === 'top' ? `{ ${framework.id}: [$1] }$0` : `${framework.id}: [$1]$0`;
      return {
        label: framework.id,
        kind: CompletionItemKind.Module,
        labelDetails: { description: shortName(framework) },
        detail: `${framework.title}${index.frameworks.isEnabled(framework.id) ? '' : ' (not turned on in attest.yaml)'}`,
        documentation: markdown(`Claim items of ${shortName(framework)} this document meets: \`${framework.id}: [${framework.criteria[0]?.id ?? ''}]\`.`),
        sortText: `${index.frameworks.isEnabled(framework.id) ? 0 : 1}-${i}`,
        insertTextFormat: InsertTextFormat.Snippet,
        textEdit: TextEdit.replace(site.range, insert),
        ...next,
      };
    });
}

/** The bundled frameworks, those turned on first (in attest.yaml's order). */
function frameworksByRelevance(index: WorkspaceIndex): Framework[] {
  const off = index.frameworks.bundledIds.filter((id) => !index.frameworks.isEnabled(id)).flatMap((id) => index.frameworks.known(id) ?? []);
  return [...index.frameworks.enabled, ...off];
}

function itemIds(doc: AttestDocument, site: Extract<SatisfiesSite, { kind: 'id' }>, index: WorkspaceIndex): CompletionItem[] {
  const framework = index.frameworks.known(site.key);
  if (!framework) return [];
  const listed = new Set(doc.satisfies.filter((c) => c.framework.value === site.key).flatMap((c) => c.items.map((i) => i.value)));
  const coverage = index.coverage().frameworks?.find((f) => f.id === framework.id);
  const statusOf = new Map(coverage?.items.map((i) => [i.id, i.status]));
  // What the document's ML topics help meet comes first: the crosswalk's suggestion for this document.
  const suggestedBy = new Map<string, string>();
  for (const m of doc.ml) for (const id of index.catalog.get(m.value)?.frameworks?.[framework.id] ?? []) if (!suggestedBy.has(id)) suggestedBy.set(id, m.value);
  return framework.criteria
    .filter((item) => !listed.has(item.id))
    .map((item, i): CompletionItem => {
      const status = statusOf.get(item.id);
      const topic = suggestedBy.get(item.id);
      const label = site.needsDash ? `- ${item.id}` : item.id;
      const rank = topic ? 0 : status === 'uncovered' ? 1 : 2;
      return {
        label: item.id,
        kind: CompletionItemKind.Constant,
        labelDetails: { detail: item.title ? ` ${item.title}` : undefined, ...(status ? { description: topic ? `${status} · ${topic}` : status } : {}) },
        detail: `${shortName(framework)} · ${item.seriesName}${status ? ` · ${status}` : ' (not turned on)'}${topic ? ` · supported by ${topic}` : ''}`,
        documentation: markdown(`**${item.id}**${item.title ? ` — ${item.title}` : ''}\n\n${item.summary}`),
        filterText: item.id,
        sortText: `${rank}-${String(i).padStart(3, '0')}`,
        textEdit: TextEdit.replace(site.range, label),
      };
    });
}

/** Where an id is typed: its words so far (`GOVERN 1`), whatever follows up to a separator, and a space after a bare colon. */
function idSite(lines: readonly string[], position: Position): ConfigValueSite {
  const line = lines[position.line] ?? '';
  const current = line.slice(0, position.character);
  const typed = (ID_TEXT.exec(current)?.[0] ?? '').trimStart();
  const rest = /^[^[\]{},:#\n]*/.exec(line.slice(position.character))?.[0].trimEnd() ?? '';
  const start = position.character - typed.length;
  return {
    range: { start: { line: position.line, character: start }, end: { line: position.line, character: position.character + rest.length } },
    lead: current.slice(0, start).endsWith(':') ? ' ' : '',
    needsDash: false,
  };
}

/** What a value of attest.yaml is written into: its range, and whether a list item still needs its `-`. */
export interface ConfigValueSite {
  readonly range: Range;
  readonly lead: string;
  readonly needsDash: boolean;
}

/** The bundled framework names for `frameworks` (or an exception's `framework`), less those listed. */
export function frameworkNameItems(site: ConfigValueSite, index: WorkspaceIndex, listed: ReadonlySet<string>): CompletionItem[] {
  return frameworksByRelevance(index)
    .filter((f) => !listed.has(f.id))
    .map((framework, i) => ({
      label: framework.id,
      kind: CompletionItemKind.Module,
      labelDetails: { description: shortName(framework) },
      detail: framework.title,
      documentation: markdown(`${framework.criteria.length} items, from ${framework.criteria[0]?.id ?? ''} to ${framework.criteria[framework.criteria.length - 1]?.id ?? ''}.`),
      sortText: String(i).padStart(2, '0'),
      filterText: framework.id,
      textEdit: TextEdit.replace(site.range, `${site.needsDash ? '- ' : site.lead}${framework.id}`),
    }));
}

/** The ids of the framework an exception names (`{ framework: iso42001, id: | }`), the excepted ones left out. */
export function exceptionIdItems(index: WorkspaceIndex, lines: readonly string[], position: Position): CompletionItem[] {
  const site = idSite(lines, position);
  let entry = (lines[position.line] ?? '').slice(0, position.character);
  for (let line = position.line; line > 0 && !/^\s*-/.test(lines[line]); line--) entry = `${lines[line - 1]}\n${entry}`;
  const frameworkId = /framework\s*:\s*([\w-]+)/.exec(entry)?.[1];
  const framework = frameworkId ? index.frameworks.known(frameworkId) : undefined;
  if (!framework) return [];
  const excepted = index.config.frameworkExceptions.get(framework.id);
  return framework.criteria
    .filter((item) => !excepted?.has(item.id))
    .map((item, i) => ({
      label: item.id,
      kind: CompletionItemKind.Constant,
      labelDetails: item.title ? { detail: ` ${item.title}` } : undefined,
      detail: `${shortName(framework)} · ${item.seriesName}`,
      documentation: markdown(item.summary),
      sortText: String(i).padStart(3, '0'),
      filterText: item.id,
      textEdit: TextEdit.replace(site.range, `${site.lead}${item.id}`),
    }));
}
