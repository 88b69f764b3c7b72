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
  const valueOf = (k: 'last' | 'cycle' | 'next'): string | undefined => {
    const field = aliases.find((f) => REVIEW_ALIASES[f.key.toLowerCase()] === k);
    return field && isScalar(field.node) ? String(field.node.value) : undefined;
  };
  const last = valueOf('last');
  const written = valueOf('cycle');
  // Without a frequency, the cycle is what lies between the last and the next review, else a year (SOC 2's least).
  const cycle = written === undefined ? (last !== undefined ? cycleBetween(last, nextReview(doc)) : undefined) : (CYCLE_WORDS[written.trim().toLowerCase()] ?? written);
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

function nextReview(doc: NonNullable<Parameters<FixProvider>[1]['doc']>): string | undefined {
  const field = [...doc.fields.values()].find((f) => REVIEW_ALIASES[f.key.toLowerCase()] === 'next');
  return field && isScalar(field.node) && field.node.value !== null ? String(field.node.value) : undefined;
}

/** The review cycle whose length is nearest the months from `last` to `next`; annual when unknown. */
function cycleBetween(last: string, next: string | undefined): string {
  const months = next && /^\d{4}-\d{2}/.test(last) && /^\d{4}-\d{2}/.test(next) ? (Number(next.slice(0, 4)) - Number(last.slice(0, 4))) * 12 + Number(next.slice(5, 7)) - Number(last.slice(5, 7)) : 12;
  return months <= 1 ? 'monthly' : months <= 4 ? 'quarterly' : months <= 8 ? 'semiannual' : 'annual';
}
