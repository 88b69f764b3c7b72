/**
 * Template text: the `<UPPER CASE WORDS>` that Attest's writers (section templates, ML
 * topic templates, snippets, new documents, quick fixes) leave for the author to replace.
 * One notion for every writer and for the rule that reports what is left, so that text
 * Attest wrote is never taken for finished work.
 */

import { PLACEHOLDER_PATTERN } from '../shared/placeholder';

export { PLACEHOLDER_PATTERN };

/** Upper-case HTML elements (`<BR>`, `<HR>`) are markup a Markdown author may write, not template text. */
const HTML_ELEMENTS = new Set(['A', 'B', 'I', 'U', 'P', 'S', 'Q', 'BR', 'HR', 'EM', 'LI', 'UL', 'OL', 'DL', 'DT', 'DD', 'TD', 'TR', 'TH', 'DIV', 'SPAN', 'SUB', 'SUP', 'PRE', 'CODE', 'KBD', 'DETAILS', 'SUMMARY', 'TABLE', 'THEAD', 'TBODY', 'IMG', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'CENTER', 'SMALL', 'STRONG']);

/** One placeholder in a text: its offsets (brackets included) and its words (`COMPANY NAME`). */
export interface PlaceholderSpan {
  readonly start: number;
  readonly end: number;
  readonly words: string;
}

/** The placeholder text for `words` (`OWNER ROLE` → `<OWNER ROLE>`), as every writer spells it. */
export function placeholder(words: string): string {
  return `<${words.toUpperCase()}>`;
}

/** Where placeholders are in a text, in order. */
export function placeholdersIn(text: string): PlaceholderSpan[] {
  const found: PlaceholderSpan[] = [];
  for (const match of text.matchAll(PLACEHOLDER_PATTERN)) {
    if (HTML_ELEMENTS.has(match[1])) continue;
    const start = match.index ?? 0;
    found.push({ start, end: start + match[0].length, words: match[1] });
  }
  return found;
}

/** Whether a text holds any placeholder. */
export function hasPlaceholder(text: string): boolean {
  return placeholdersIn(text).length > 0;
}

/** A text with its placeholders taken out: what the author actually wrote. */
export function withoutPlaceholders(text: string): string {
  let result = '';
  let from = 0;
  for (const p of placeholdersIn(text)) {
    result += text.slice(from, p.start);
    from = p.end;
  }
  return result + text.slice(from);
}

/** What to write in place of a placeholder, in words (`<N>` → a number). */
export function whatToWrite(words: string): string {
  if (words === 'N') return 'a number';
  return `the ${words.toLowerCase().replace(/\b(ml|id|hr|soc)\b/g, (w) => w.toUpperCase())}`;
}

/** The owning role, as `owner` asks, left for the author to name. */
export const OWNER_PLACEHOLDER = placeholder('OWNER ROLE');

/** The reason of an `attest-ignore` comment written for the author: a suppression with it is not applied. */
export const SUPPRESSION_REASON = placeholder('WHY THIS DOES NOT APPLY HERE');

/** The reason of a criterion's exclusion in attest.yaml, left for the author to give. */
export const REASON_PLACEHOLDER = placeholder('WHY THIS CRITERION DOES NOT APPLY');


/** Whether a value is one placeholder and nothing else: other rules leave it to `unfilled-placeholder`. */
export function isPlaceholder(value: string): boolean {
  const spans = placeholdersIn(value.trim());
  return spans.length === 1 && spans[0].start === 0 && spans[0].end === value.trim().length;
}

/** A criterion a writer cannot choose for the author. */
export const CRITERION_PLACEHOLDER = placeholder('CRITERION ID');
