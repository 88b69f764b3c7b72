import { distance } from 'fastest-levenshtein';
import type { AttestConfig } from '../config';
import { isLive } from './claimants';
import type { MlCatalog, MlTopic } from '../data/mlCatalog';
import { HEADING_NUMBERING, namesInHeading, normalizeHeading } from '../data/sections';
import type { AttestDocument } from '../document/model';
import type { Range } from '../types';

/** What the section checks read of a workspace: the required sections and the ML catalog. */
export interface SectionContext {
  readonly config: Pick<AttestConfig, 'sections'>;
  readonly catalog: Pick<MlCatalog, 'topics'>;
}

type Heading = AttestDocument['headings'][number];

/** Every section name a heading of this document could mean: its type's sections and the ML topics, with synonyms. */
function vocabulary(doc: AttestDocument, ctx: SectionContext): string[] {
  const required = doc.type ? ctx.config.sections[doc.type] : [];
  return [...required.flatMap((s) => [s.name, ...s.synonyms]), ...ctx.catalog.topics.flatMap((t) => [t.title, ...t.synonyms])];
}

/** The headings that can be sections: all but the one that repeats the document's title. */
function sectionHeadings(doc: AttestDocument): Heading[] {
  const title = doc.title ? normalizeHeading(doc.title.value) : undefined;
  return doc.headings.filter((h) => !(h.depth === 1 && title !== undefined && normalizeHeading(h.text) === title));
}

/** What each section heading of a document names, worked out once per document and configuration. */
const NAMED = new WeakMap<AttestDocument, { readonly ctx: SectionContext['config']; readonly catalog: SectionContext['catalog']; readonly headings: readonly { heading: Heading; names: ReadonlySet<string> }[] }>();

function namedHeadings(doc: AttestDocument, ctx: SectionContext): readonly { heading: Heading; names: ReadonlySet<string> }[] {
  const cached = NAMED.get(doc);
  if (cached && cached.ctx === ctx.config && cached.catalog === ctx.catalog) return cached.headings;
  const known = vocabulary(doc, ctx);
  const headings = sectionHeadings(doc).map((heading) => ({ heading, names: namesInHeading(heading.text, known) }));
  NAMED.set(doc, { ctx: ctx.config, catalog: ctx.catalog, headings });
  return headings;
}

/** The first heading that names the section (`names`: its name and synonyms), loosely as SPEC §10 reads headings. */
export function headingNaming(doc: AttestDocument, names: readonly string[], ctx: SectionContext): Heading | undefined {
  return namedHeadings(doc, ctx).find((h) => names.some((n) => h.names.has(n)))?.heading;
}

/** Whether a document has a section about a topic (its title or a synonym named by a heading). */
export function hasTopicSection(doc: AttestDocument, topic: MlTopic, ctx: SectionContext): boolean {
  return headingNaming(doc, [topic.title, ...topic.synonyms], ctx) !== undefined;
}

/** Whether a live document lists a topic in `ml` and has a section about it. */
export function addressesTopic(doc: AttestDocument, topic: MlTopic, ctx: SectionContext): boolean {
  return isLive(doc) && doc.ml.some((m) => m.value === topic.id) && hasTopicSection(doc, topic, ctx);
}

/** A heading that is probably the section `name` misspelt (`Enforcment`), and the range of its words. */
export interface MisnamedHeading {
  /** The heading's words as written, without any numbering (`Enforcment` of `5. Enforcment`). */
  readonly text: string;
  readonly range: Range;
}

/**
 * The heading nearest to the required section or ML topic section `name` (or a synonym) within
 * a small edit distance, that is not itself a section Attest knows: renaming it is likelier
 * what the author meant than adding the section again.
 */
export function misnamedHeading(doc: AttestDocument, name: string, ctx: { readonly config: AttestConfig; readonly catalog: MlCatalog }): MisnamedHeading | undefined {
  const required = doc.type ? ctx.config.sections[doc.type] : [];
  const section = required.find((s) => s.name === name);
  const topic = section ? undefined : ctx.catalog.topics.find((t) => t.title === name);
  const wanted = section ? [section.name, ...section.synonyms] : topic ? [topic.title, ...topic.synonyms] : [];
  const known = [...required.map((s) => [s.name, ...s.synonyms]), ...ctx.catalog.topics.map((t) => [t.title, ...t.synonyms])];
  let best: { heading: AttestDocument['headings'][number]; distance: number } | undefined;
  for (const heading of doc.headings) {
    if (namesInHeading(heading.text, known.flat()).size > 0) continue;
    const words = normalizeHeading(heading.text);
    for (const candidate of wanted) {
      const target = normalizeHeading(candidate);
      const d = distance(words, target);
      if (d > 0 && d <= typoDistance(target) && (!best || d < best.distance)) best = { heading, distance: d };
    }
  }
  if (!best) return undefined;
  const { heading } = best;
  // The words of the heading in the source: after the `#` marks and any numbering (`5. `).
  const source = doc.text.getText().slice(heading.start, heading.end);
  const marks = /^#{1,6}[ \t]*/.exec(source)?.[0].length ?? 0;
  const at = source.indexOf(heading.text, marks);
  if (at < 0) return undefined;
  const numbering = HEADING_NUMBERING.exec(heading.text)?.[0].length ?? 0;
  const start = heading.start + at + numbering;
  const end = heading.start + at + heading.text.length;
  if (end <= start) return undefined;
  return { text: heading.text.slice(numbering), range: { start: doc.text.positionAt(start), end: doc.text.positionAt(end) } };
}

/** How many edits still look like a typo of a heading: one for a short word, up to three for a long heading. */
function typoDistance(heading: string): number {
  return heading.length <= 5 ? 1 : heading.length <= 12 ? 2 : 3;
}
