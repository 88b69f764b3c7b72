import type { FixContext } from '../rules/rule';
import type { DocumentType } from '../types';
import type { NewDocumentSpec } from '../../shared/protocol';
import { ID_PREFIX, OWNER_PLACEHOLDER, dirname, idWords, joinPath, policyFor, slug, unusedId, unusedPath, yamlScalar } from './edits';

export type { NewDocumentSpec } from '../../shared/protocol';

export interface NewDocument {
  /** Workspace-relative path of the new file; no file is there yet. */
  readonly relPath: string;
  readonly id: string;
  readonly text: string;
}

const DEFAULT_FOLDER: Readonly<Record<DocumentType, string>> = {
  policy: 'policies',
  control: 'controls',
  procedure: 'procedures',
  narrative: 'narratives',
  addendum: 'addenda',
};

/** "Access Control Policy" names the type twice in an id: `POL-ACCESS-CONTROL`, not `POL-ACCESS-CONTROL-POLICY`. */
const TYPE_WORD = /\s+(policy|control|procedure|narrative|(ml\s+)?addendum)$/i;

/**
 * Where documents of a type live in this workspace: the folder most of them are in, else
 * `fallback` (by default the type's usual folder).
 */
export function folderForType(index: FixContext, type: DocumentType, fallback: string = DEFAULT_FOLDER[type]): string {
  const counts = new Map<string, number>();
  for (const doc of index.documents) if (doc.type === type) counts.set(dirname(doc.relPath), (counts.get(dirname(doc.relPath)) ?? 0) + 1);
  const best = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0];
  return best ? best[0] : fallback;
}

/** `## Name` and its template, a block per section. */
export function sectionBlocks(sections: readonly { readonly name: string; readonly template: string }[]): string[] {
  return sections.map((s) => `## ${s.name}\n\n${s.template}`.trimEnd());
}

/** A new document's text: its frontmatter, its title as the first heading, then its sections (LF line ends). */
export function documentText(frontmatter: readonly string[], title: string, sections: readonly string[]): string {
  return `${['---', ...frontmatter, '---', '', `# ${title}`, ...sections.flatMap((s) => ['', s])].join('\n')}\n`;
}

/**
 * A new document as this workspace wants it: a free id and file name, the frontmatter its
 * type requires, and the sections attest.yaml requires (with their templates), plus a
 * section for each ML topic it lists. It checks clean but for the owner placeholder.
 */
export function newDocument(index: FixContext, spec: NewDocumentSpec): NewDocument {
  const title = spec.title.trim();
  const id = unusedId(index, `${ID_PREFIX[spec.type]}-${idWords(title.replace(TYPE_WORD, '')) || 'NEW'}`);
  const relPath = unusedPath(index, joinPath(folderForType(index, spec.type), `${slug(title) || id.toLowerCase()}.md`));
  const lines = [`id: ${id}`, `type: ${spec.type}`, `title: ${yamlScalar(title)}`, `owner: ${OWNER_PLACEHOLDER}`, 'status: draft', 'review:', '  cycle: annual'];
  if (spec.criteria.length > 0) lines.push(`criteria: [${spec.criteria.join(', ')}]`);
  if (spec.ml?.length) lines.push(`ml: [${spec.ml.join(', ')}]`);
  const parentKey = spec.type === 'addendum' ? 'extends' : spec.type === 'control' || spec.type === 'procedure' ? 'policy' : undefined;
  const parent = spec.parent === null ? undefined : (spec.parent ?? policyFor(index, spec.criteria)?.id?.value);
  if (parentKey && parent) lines.push(`${parentKey}: ${parent}`);
  if (spec.type === 'control') lines.push('frequency: quarterly');
  const sections = [
    ...index.config.sections[spec.type],
    ...(spec.ml ?? []).flatMap((topicId) => {
      const topic = index.catalog.get(topicId);
      return topic ? [{ name: topic.title, template: topic.template }] : [];
    }),
  ];
  return { relPath, id, text: documentText(lines, title, sectionBlocks(sections)) };
}
