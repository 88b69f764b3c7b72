import { Checker } from './validate';
import { DOCUMENT_TYPES, type DocumentType } from '../types';

/** A section (Markdown heading) a document of some type must have. */
export interface SectionRequirement {
  readonly name: string;
  readonly synonyms: readonly string[];
  /** Body inserted under the heading by the quick fix; may be empty. */
  readonly template: string;
  /** Written by New Document and snippets, but never reported missing. */
  readonly optional?: boolean;
}

export type SectionRequirements = Readonly<Record<DocumentType, readonly SectionRequirement[]>>;

export function parseSections(raw: unknown, source: string): SectionRequirements {
  const check = new Checker();
  const root = check.record(raw, source) ?? {};
  const result = {} as Record<DocumentType, SectionRequirement[]>;
  for (const type of DOCUMENT_TYPES) {
    result[type] = check.list(root[type], type, true).map((entry, i): SectionRequirement => {
      const s = check.record(entry, `${type}[${i}]`) ?? {};
      return {
        name: check.string(s.name, `${type}[${i}].name`),
        synonyms: check.strings(s.synonyms, `${type}[${i}].synonyms`, true),
        template: typeof s.template === 'string' ? s.template.trimEnd() : '',
        ...(s.optional === true ? { optional: true } : {}),
      };
    });
  }
  check.fail(source);
  return result;
}

/** The numbering before a heading's words: `5. `, `2.1) `, `IV. `. */
export const HEADING_NUMBERING = /^[\s\d.)(ivx]*[.)]\s+/i;

/** Heading text reduced to what matters for matching: `2. Roles & Responsibilities:` → `roles and responsibilities`. */
export function normalizeHeading(text: string): string {
  return text
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(HEADING_NUMBERING, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** A word without its plural ending, so that `Exceptions` names `Exception` and `Roles` names `Role`. */
function singular(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return word.slice(0, -3) + 'y';
  if (word.length > 4 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

function wordsOf(text: string): string[] {
  return normalizeHeading(text).split(' ').filter((w) => w !== '').map(singular);
}

/** Words after which a name refers to the document rather than naming a section: `Purpose of this Policy`. */
const REFERRING = new Set(['this', 'these', 'our', 'of']);

/**
 * The names of `vocabulary` a heading names, whatever else it says (SPEC §10): `Purpose and
 * Scope` names both, `3. Policy Statements` names `Policy Statement`, `Violations &
 * Enforcement` names `Violation` and `Enforcement`. A name inside a longer one the heading
 * names is not named on its own (`Policy Review` is the review, not the policy), nor one
 * that refers to the document (`Scope of this Policy`).
 */
export function namesInHeading(heading: string, vocabulary: readonly string[]): Set<string> {
  const words = wordsOf(heading);
  const matches: { name: string; start: number; end: number }[] = [];
  for (const name of vocabulary) {
    const target = wordsOf(name);
    if (target.length === 0) continue;
    for (let i = 0; i + target.length <= words.length; i++) {
      if (target.every((w, j) => words[i + j] === w)) matches.push({ name, start: i, end: i + target.length });
    }
  }
  const named = new Set<string>();
  for (const m of matches) {
    const inLonger = matches.some((o) => o.end - o.start > m.end - m.start && o.start <= m.start && m.end <= o.end);
    const referring = m.start > 0 && REFERRING.has(words[m.start - 1]) && m.end === words.length;
    if (!inLonger && !referring) named.add(m.name);
  }
  return named;
}

/**
 * Whether a heading names the section (or one of its synonyms), given every name the
 * document's headings could mean (`vocabulary`, by default the names themselves).
 */
export function headingMatches(heading: string, names: readonly string[], vocabulary: readonly string[] = names): boolean {
  const named = namesInHeading(heading, vocabulary.length === names.length ? names : [...vocabulary, ...names]);
  return names.some((n) => named.has(n));
}
