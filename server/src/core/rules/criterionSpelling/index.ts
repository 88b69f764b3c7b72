import type { AttestDocument } from '../../document/model';
import type { CriterionSpelling } from '../../document/criteriaSpelling';
import { lineText } from '../../document/text';
import { finding, type DocumentRule } from '../rule';
import { writeCanonically } from './fix';

/** The entry written the canonical way: one id per list item. */
export function canonicalText(doc: AttestDocument, spelling: CriterionSpelling): string {
  if (spelling.container === 'flow') return spelling.ids.join(', ');
  if (spelling.container === 'scalar') return spelling.ids.length === 1 ? spelling.ids[0] : `[${spelling.ids.join(', ')}]`;
  // A block item: the further ids go on items of their own, indented as this one.
  const line = lineText(doc.text, spelling.range.start.line);
  const dash = /^(\s*)-\s/.exec(line);
  const eol = doc.text.getText().includes('\r\n') ? '\r\n' : '\n';
  return spelling.ids.join(`${eol}${dash?.[1] ?? ''}- `);
}

function describe(spelling: CriterionSpelling): string {
  const ids = spelling.ids.map((id) => `\`${id}\``);
  const names = ids.length === 1 ? ids[0] : `${ids.slice(0, -1).join(', ')} and ${ids[ids.length - 1]}`;
  return spelling.ids.length === 1
    ? `\`${spelling.written}\` is read as ${names}: write the id alone, as the criteria map knows it (its title shows on hover).`
    : `\`${spelling.written}\` is read as ${names}: list one id per entry.`;
}

export const criterionSpelling: DocumentRule = {
  code: 'criterion-spelling',
  defaultSeverity: 'warning',
  description: 'A criteria entry written with a title, a prefix, a range or several ids in one string (read as the ids it names).',
  fixes: [writeCanonically],
  safeFix: writeCanonically,
  check(doc) {
    return doc.criteriaSpellings.map((s) => finding('criterion-spelling', s.range, describe(s), { replacement: canonicalText(doc, s), name: s.ids.join(', ') }));
  },
};
