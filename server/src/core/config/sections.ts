import { isMap, isScalar, isSeq, type Node as YamlNode } from 'yaml';
import type { SectionRequirement, SectionRequirements } from '../data/sections';
import { DOCUMENT_TYPES, isOneOf, type DocumentType } from '../types';
import type { ConfigReader } from './reader';

/** `sections`: a document type's required headings, each the bundled section of that name (with its synonyms and template) when there is one. */
export function readSections(reader: ConfigReader, bundled: SectionRequirements): SectionRequirements {
  const sections = { ...bundled } as Record<DocumentType, readonly SectionRequirement[]>;
  const node = reader.node('sections');
  if (node === undefined || node === null) return sections;
  if (!isMap(node)) {
    reader.report('invalid-value', reader.at(node), '`sections` must map a document type to its list of required headings.');
    return sections;
  }
  for (const pair of node.items) {
    const type = isScalar(pair.key) ? pair.key.value : undefined;
    const key = pair.key as YamlNode;
    if (!isOneOf(DOCUMENT_TYPES, type)) {
      reader.report('invalid-value', reader.at(key), `Unknown document type \`${String(type)}\` in \`sections\`: use one of ${DOCUMENT_TYPES.join(', ')}.`);
      continue;
    }
    const list = pair.value as YamlNode | null;
    if (!isSeq(list)) {
      reader.report('invalid-value', reader.at(list, reader.at(key)), `\`sections.${type}\` must be a list of headings.`);
      continue;
    }
    sections[type] = list.items.flatMap((item): SectionRequirement[] => {
      if (!isScalar(item) || typeof item.value !== 'string') {
        reader.report('invalid-value', reader.at(item as YamlNode), 'Each required section is a heading text.');
        return [];
      }
      const name = item.value;
      const known = bundled[type].find((s) => s.name.toLowerCase() === name.toLowerCase());
      return [known ?? { name, synonyms: [], template: '' }];
    });
  }
  return sections;
}
