import { isScalar, isSeq, type Node as YamlNode } from 'yaml';
import { TextEdit, type CodeAction } from 'vscode-languageserver-types';
import type { MlTopic } from '../../data/mlCatalog';
import { rangeOfNode, type AttestDocument } from '../../document/model';
import type { FixContext } from '../rule';
import { hasTopicSection } from '../../query/sections';
import {
  ID_PREFIX,
  OWNER_PLACEHOLDER,
  createFileEdit,
  dirname,
  editsIn,
  endOfLine,
  eolOf,
  findingData,
  idWords,
  joinPath,
  lineAt,
  quickFix,
  unusedId,
  unusedPath,
  withEol,
  yamlScalar,
  type FixProvider,
} from '../../fixes/edits';
import { documentText, folderForType, sectionBlocks } from '../../fixes/newDocument';
import { sectionInsertion } from '../missingSection/fixes';

/**
 * A policy claims a home criterion of an ML topic it does not address: address it here
 * (list the topic in `ml` and add its section), or, for a policy, in a new addendum.
 */
export const addressMlTopic: FixProvider = (diagnostic, target) => {
  const { doc, index } = target;
  const topic = index.catalog.get(findingData(diagnostic).name ?? '');
  if (!doc || !topic) return [];
  const actions: CodeAction[] = [];
  // Listed already: the diagnostic predates an edit, and listing the topic twice fixes nothing.
  const listed = doc.ml.some((m) => m.value === topic.id) ? undefined : mlListEdit(doc, topic.id);
  if (listed && hasTopicSection(doc, topic, target.index)) {
    // The section is written; only the `ml` entry that says so is missing.
    actions.push(quickFix(`Address "${topic.title}" here: add \`${topic.id}\` to \`ml\` (the section is there)`, editsIn(doc.uri, [listed]), [diagnostic], true));
  } else {
    const section = sectionInsertion(doc, index, topic.title);
    if (listed && section) {
      actions.push(quickFix(`Address "${topic.title}" here: add \`${topic.id}\` to \`ml\` and a section`, editsIn(doc.uri, [listed, section]), [diagnostic], true));
    }
  }
  if (doc.type === 'policy' && doc.id) {
    // With no addenda yet, next to the policy's folder (`policies/x.md` → `addenda/`), as the bundled library lays it out.
    const path = unusedPath(index, joinPath(folderForType(index, 'addendum', joinPath(dirname(dirname(doc.relPath)), 'addenda')), `${topic.id}.md`));
    actions.push(quickFix(`Create an addendum for "${topic.title}" extending ${doc.id.value} (${path})`, createFileEdit(index.uriOf(path), addendumText(doc, topic, index)), [diagnostic]));
  }
  return actions;
};

/** Adds `topicId` to the document's `ml` list in the style the list is written in. */
export function mlListEdit(doc: AttestDocument, topicId: string): TextEdit | undefined {
  const eol = eolOf(doc.text);
  const field = doc.fields.get('ml');
  if (!field) {
    // A new list follows the style of `criteria`, the list next to it.
    const block = isSeq(doc.fields.get('criteria')?.node) && !(doc.fields.get('criteria')?.node as { flow?: boolean }).flow;
    const text = block ? `ml:${eol}  - ${topicId}${eol}` : `ml: [${topicId}]${eol}`;
    return TextEdit.insert({ line: doc.frontmatterEndLine, character: 0 }, text);
  }
  const node = field.node;
  if (node === null || (isScalar(node) && (node.value === null || node.value === ''))) {
    return TextEdit.replace({ start: field.keyRange.end, end: endOfLine(doc.text, field.keyRange.end.line) }, `: [${topicId}]`);
  }
  if (isScalar(node)) return TextEdit.replace(field.valueRange, `[${doc.text.getText(field.valueRange)}, ${topicId}]`);
  if (!isSeq(node)) return undefined;
  const items = node.items as YamlNode[];
  if (node.flow) {
    const end = doc.text.offsetAt(field.valueRange.end);
    const close = doc.text.getText().lastIndexOf(']', end);
    if (close < 0) return undefined;
    return TextEdit.insert(doc.text.positionAt(close), items.length ? `, ${topicId}` : topicId);
  }
  const last = rangeOfNode(doc, items[items.length - 1]);
  const prefix = /^(\s*-\s*)/.exec(lineAt(doc.text, last.start.line))?.[1] ?? '  - ';
  return TextEdit.insert(endOfLine(doc.text, last.end.line), `${eol}${prefix}${topicId}`);
}

function addendumText(policy: AttestDocument, topic: MlTopic, index: FixContext): string {
  // Claiming a home criterion that other topics share would oblige the addendum to address
  // those too: claim only the criteria this topic has to itself.
  const criteria = topic.home.filter((c) => index.catalog.topicsAtHome(c).every((t) => t.id === topic.id));
  const owner = policy.fields.get('owner') && isScalar(policy.fields.get('owner')?.node) ? policy.text.getText(policy.fields.get('owner')?.valueRange) : OWNER_PLACEHOLDER;
  const title = `${topic.title} Addendum`;
  const purpose = index.config.sections.addendum.find((s) => s.name === 'Purpose');
  const frontmatter = [
    `id: ${unusedId(index, `${ID_PREFIX.addendum}-${idWords(topic.id)}`)}`,
    'type: addendum',
    `title: ${yamlScalar(title)}`,
    `owner: ${owner}`,
    'status: draft',
    `extends: ${policy.id?.value ?? ''}`,
    ...(criteria.length ? [`criteria: [${criteria.join(', ')}]`] : []),
    `ml: [${topic.id}]`,
  ];
  const sections = [
    ...(purpose ? [] : [{ name: 'Purpose', template: `This addendum extends ${policy.title?.value ?? policy.id?.value ?? 'its policy'} to cover ${topic.title.toLowerCase()}.` }]),
    ...index.config.sections.addendum,
    { name: topic.title, template: topic.template },
  ];
  return withEol(documentText(frontmatter, title, sectionBlocks(sections)), eolOf(policy.text));
}
