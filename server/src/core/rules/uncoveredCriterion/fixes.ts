import { isMap, isScalar, isSeq, parseDocument, type Node as YamlNode } from 'yaml';
import { TextEdit } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Criterion } from '../../data/criteria';
import type { FixContext } from '../rule';
import {
  ID_PREFIX,
  OWNER_PLACEHOLDER,
  createFileEdit,
  editsIn,
  endOfLine,
  eolOf,
  findingData,
  idWords,
  joinPath,
  lineAt,
  policyFor,
  quickFix,
  slug,
  unusedId,
  unusedPath,
  withEol,
  yamlScalar,
  type FixProvider,
} from '../../fixes/edits';
import { documentText, folderForType, sectionBlocks } from '../../fixes/newDocument';
import { pairOf } from '../../yamlMap';

import { REASON_PLACEHOLDER } from '../../placeholders';

export { REASON_PLACEHOLDER } from '../../placeholders';

/** An in-scope criterion nobody covers: write a control for it, or declare it not applicable. */
export const coverCriterion: FixProvider = (diagnostic, target) => {
  const data = findingData(diagnostic);
  // A finding that names many gaps offers the fixes of its first few; the Coverage view has the rest.
  const ids = data.criterion ? [data.criterion, ...(data.alternatives ?? [])].slice(0, 3) : [];
  return ids.flatMap((id) => coverOne(id, diagnostic, target));
};

function coverOne(id: string, diagnostic: Parameters<FixProvider>[0], target: Parameters<FixProvider>[1]): ReturnType<FixProvider> {
  const criterion = target.index.criteria.get(id);
  if (!criterion) return [];
  const path = unusedPath(target.index, joinPath(folderForType(target.index, 'control'), `${slug(criterion.id)}-${slug(titleFrom(criterion))}.md`));
  const actions = [
    quickFix(`Create a control for ${criterion.id} (${path})`, createFileEdit(target.index.uriOf(path), controlText(criterion, target.index, eolOf(target.text))), [diagnostic]),
  ];
  const exception = exceptionEdit(target.text, criterion.id);
  if (exception) actions.push(quickFix(`Declare ${criterion.id} not applicable (add it to \`exceptions\`)`, editsIn(target.text.uri, [exception]), [diagnostic]));
  return actions;
}

/**
 * The summary's first sentence, whole: "Access is granted, changed and removed by role,
 * following least privilege and separation of duties". Its first clause alone is often a
 * fragment ("Access is granted"); the author shortens the title knowing what it means.
 */
function titleFrom(criterion: Criterion): string {
  const sentence = criterion.summary.split(/;\s|(?<!\b(?:e\.g|i\.e|etc))\.(?:\s|$)/)[0].trim();
  return sentence || criterion.id;
}

function controlText(criterion: Criterion, index: FixContext, eol: string): string {
  const title = titleFrom(criterion);
  const policy = policyFor(index, [criterion.id]);
  const frontmatter = [
    `id: ${unusedId(index, `${ID_PREFIX.control}-${idWords(criterion.id)}`)}`,
    'type: control',
    `title: ${yamlScalar(title)}`,
    `owner: ${OWNER_PLACEHOLDER}`,
    'status: draft',
    ...(policy?.id ? [`policy: ${policy.id.value}`] : []),
    'frequency: quarterly',
    `criteria: [${criterion.id}]`,
  ];
  return withEol(documentText(frontmatter, title, sectionBlocks(index.config.sections.control)), eol);
}

/** Appends `{ criterion, reason }` to `exceptions` in attest.yaml, creating the key if needed. */
export function exceptionEdit(text: TextDocument, criterion: string): TextEdit | undefined {
  const eol = eolOf(text);
  const source = text.getText();
  const yaml = parseDocument(source);
  const root = yaml.contents;
  if (root !== null && !isMap(root)) return undefined;
  const pair = pairOf(root, 'exceptions');
  const entry = (dash: number, indent: number) => `${' '.repeat(dash)}- criterion: ${criterion}${eol}${' '.repeat(indent)}reason: ${REASON_PLACEHOLDER}`;
  if (!pair) {
    const lead = source === '' ? '' : /\n$/.test(source) ? (/\n[ \t]*\r?\n$/.test(source) ? '' : eol) : eol + eol;
    return TextEdit.insert(text.positionAt(source.length), `${lead}exceptions:${eol}${entry(2, 4)}${eol}`);
  }
  const key = pair.key as YamlNode;
  const value = pair.value as YamlNode | null;
  if (value === null || (isScalar(value) && (value.value === null || value.value === ''))) {
    const keyLine = text.positionAt(key.range?.[0] ?? 0).line;
    return TextEdit.replace({ start: text.positionAt(key.range?.[1] ?? 0), end: endOfLine(text, keyLine) }, `:${eol}${entry(2, 4)}`);
  }
  if (!isSeq(value)) return undefined;
  if (value.flow) {
    const close = source.lastIndexOf(']', value.range?.[1] ?? 0);
    if (close < 0) return undefined;
    return TextEdit.insert(text.positionAt(close), `${value.items.length ? ', ' : ''}{ criterion: ${criterion}, reason: ${REASON_PLACEHOLDER} }`);
  }
  const items = value.items as YamlNode[];
  const first = text.positionAt(items[0]?.range?.[0] ?? 0);
  const prefix = /^(\s*)-(\s*)/.exec(lineAt(text, first.line));
  const dash = prefix?.[1].length ?? 2;
  const indent = dash + 1 + (prefix?.[2].length ?? 1);
  let end = items[items.length - 1]?.range?.[1] ?? 0;
  while (end > 0 && /\s/.test(source.charAt(end - 1))) end--;
  return TextEdit.insert(endOfLine(text, text.positionAt(end).line), `${eol}${entry(dash, indent)}`);
}
