import { isScalar } from 'yaml';
import { TextEdit } from 'vscode-languageserver-types';
import { CYCLE_WORDS, REVIEW_ALIASES } from '../../document/schema';
import { editsIn, eolOf, findingData, quickFix, type FixProvider } from '../../fixes/edits';

/**
 * `last_reviewed: 2025-03-01` and `review_frequency: Annually` become one
 * `review: { cycle: annual, last: 2025-03-01 }` where the first of them was. Offered only
 * while the document has no `review` of its own, which the author would have to merge.
 */
export const moveIntoReview: FixProvider = (diagnostic, target) => {
  const { doc } = target;
  const name = findingData(diagnostic).name;
  if (!doc || !name || doc.fields.has('review')) return [];
  const kind = REVIEW_ALIASES[name.toLowerCase()];
  if (kind !== 'last' && kind !== 'cycle') return [];
  const aliases = [...doc.fields.values()].filter((f) => {
    const k = REVIEW_ALIASES[f.key.toLowerCase()];
    return (k === 'last' || k === 'cycle') && isScalar(f.node) && f.node.value !== null;
  });
  const valueOf = (k: 'last' | 'cycle'): string | undefined => {
    const field = aliases.find((f) => REVIEW_ALIASES[f.key.toLowerCase()] === k);
    return field && isScalar(field.node) ? String(field.node.value) : undefined;
  };
  const last = valueOf('last');
  const written = valueOf('cycle');
  const cycle = written === undefined ? undefined : (CYCLE_WORDS[written.trim().toLowerCase()] ?? written);
  const parts = [...(cycle !== undefined ? [`cycle: ${cycle}`] : []), ...(last !== undefined ? [`last: ${last}`] : [])];
  if (parts.length === 0 || aliases.length === 0) return [];
  const lines = [...new Set(aliases.map((f) => f.keyRange.start.line))].sort((a, b) => a - b);
  const eol = eolOf(doc.text);
  const edits = lines.map((line, i) =>
    i === 0
      ? TextEdit.replace({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }, `review: { ${parts.join(', ')} }${eol}`)
      : TextEdit.del({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }),
  );
  return [quickFix(`Move ${aliases.map((f) => `\`${f.key}\``).join(' and ')} into \`review: { ${parts.join(', ')} }\``, editsIn(doc.uri, edits), [diagnostic], true)];
};
