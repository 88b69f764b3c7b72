import { Checker } from './validate';
import { DOCUMENT_TYPES, type DocumentType } from '../types';

/** A section (Markdown heading) a document of some type must have. */
export interface SectionRequirement {
  readonly name: string;
  readonly synonyms: readonly string[];
  /** Body inserted under the heading by the quick fix; may be empty. */
  readonly template: string;
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
      };
    });
  }
  check.fail(source);
  return result;
}

/** Heading text reduced to what matters for matching: `2. Roles & Responsibilities:` → `roles and responsibilities`. */
/** The numbering before a heading's words: `5. `, `2.1) `, `IV. `. */
export const HEADING_NUMBERING = /^[\s\d.)(ivx]*[.)]\s+/i;

export function normalizeHeading(text: string): string {
  return text
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(HEADING_NUMBERING, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * Whether a heading names the section or one of its synonyms. Whole headings only: a
 * "Policy Review" heading must not count as the "Policy" section.
 */
export function headingMatches(heading: string, names: readonly string[]): boolean {
  const h = normalizeHeading(heading);
  return names.some((name) => normalizeHeading(name) === h);
}
