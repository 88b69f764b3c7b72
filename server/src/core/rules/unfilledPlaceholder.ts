import type { AttestDocument } from '../document/model';
import { placeholdersIn, whatToWrite, type PlaceholderSpan } from '../placeholders';
import type { Finding, Range } from '../types';
import { finding, type DocumentRule } from './rule';

export const UNFILLED_PLACEHOLDER = 'unfilled-placeholder';

/** Offsets of the body that are code (fenced blocks, inline spans): a `<NAME>` there is the author's, not a template's. */
function codeSpans(body: string): [number, number][] {
  const spans: [number, number][] = [];
  let fenceStart: number | undefined;
  let offset = 0;
  for (const line of body.split('\n')) {
    if (/^\s{0,3}(```|~~~)/.test(line)) {
      if (fenceStart === undefined) fenceStart = offset;
      else {
        spans.push([fenceStart, offset + line.length]);
        fenceStart = undefined;
      }
    } else if (fenceStart === undefined) {
      for (const m of line.matchAll(/`[^`]*`/g)) spans.push([offset + (m.index ?? 0), offset + (m.index ?? 0) + m[0].length]);
    }
    offset += line.length + 1;
  }
  if (fenceStart !== undefined) spans.push([fenceStart, body.length]);
  return spans;
}

const inside = (spans: readonly (readonly [number, number])[], p: PlaceholderSpan) => spans.some(([s, e]) => p.start >= s && p.end <= e);

/** The section a body offset is in, by its heading's words. */
function sectionAt(doc: AttestDocument, offset: number): string | undefined {
  return [...doc.headings].reverse().find((h) => h.start <= offset)?.text;
}

function inFrontmatter(doc: AttestDocument): Finding[] {
  const found: Finding[] = [];
  for (const field of doc.fields.values()) {
    const start = doc.text.offsetAt(field.valueRange.start);
    for (const p of placeholdersIn(doc.text.getText(field.valueRange))) {
      const range: Range = { start: doc.text.positionAt(start + p.start), end: doc.text.positionAt(start + p.end) };
      const owner = field.key === 'owner' ? ' (a role such as Head of Security, not a person)' : '';
      found.push(finding(UNFILLED_PLACEHOLDER, range, `<${p.words}> in "${field.key}" is template text, not an answer: write ${whatToWrite(p.words)}${owner} here.`));
    }
  }
  return found;
}

function inBody(doc: AttestDocument): Finding[] {
  // A body too large to read is not read here either (document-too-large says so).
  if (doc.bodySkipped) return [];
  const text = doc.text.getText();
  const bodyStart = doc.hasFrontmatter ? doc.text.offsetAt(doc.frontmatterRange.end) : 0;
  const body = text.slice(bodyStart);
  const code = codeSpans(body);
  const comments = doc.suppressions.map((s) => [doc.text.offsetAt(s.range.start) - bodyStart, doc.text.offsetAt(s.range.end) - bodyStart] as const);
  const found: Finding[] = [];
  for (const p of placeholdersIn(body)) {
    if (inside(code, p) || inside(comments, p)) continue;
    const range: Range = { start: doc.text.positionAt(bodyStart + p.start), end: doc.text.positionAt(bodyStart + p.end) };
    const section = sectionAt(doc, bodyStart + p.start);
    found.push(finding(UNFILLED_PLACEHOLDER, range, `<${p.words}>${section ? ` in "${section}"` : ''} is template text, not an answer: write ${whatToWrite(p.words)} here.`));
  }
  return found;
}

function inSuppressions(doc: AttestDocument): Finding[] {
  const found: Finding[] = [];
  for (const s of doc.suppressions) {
    const start = doc.text.offsetAt(s.range.start);
    const codes = s.codes.map((c) => c.value).join(', ');
    for (const p of placeholdersIn(doc.text.getText(s.range))) {
      const range: Range = { start: doc.text.positionAt(start + p.start), end: doc.text.positionAt(start + p.end) };
      found.push(finding(UNFILLED_PLACEHOLDER, range, `The reason of this attest-ignore comment is template text (<${p.words}>), so it suppresses nothing: write why ${codes || 'the rule'} does not apply here.`));
    }
  }
  return found;
}

export const unfilledPlaceholder: DocumentRule = {
  code: UNFILLED_PLACEHOLDER,
  defaultSeverity: 'warning',
  description: 'Template text (`<COMPANY NAME>`, `<OWNER ROLE>`, `<N>`) left in a field, a section or the reason of an `attest-ignore` comment, which then suppresses nothing.',
  check(doc) {
    return [...inFrontmatter(doc), ...inBody(doc), ...inSuppressions(doc)];
  },
};
