/**
 * Generated workspaces that look like the starter library at scale: the same mix of
 * document types, each type's sizes drawn from the library's own, a tail of long documents,
 * frontmatter in both YAML list styles, and bodies with the constructs real policies use.
 * Deterministic: a seed and a count always give the same files.
 */
import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'yaml';
import { Prose, Random, type LinkTarget } from './prose';

export type DocumentType = 'policy' | 'control' | 'procedure' | 'addendum';

/** Sizes in bytes of the library's documents, by type, sorted. */
export type LibraryProfile = ReadonlyMap<DocumentType, readonly number[]>;

export interface GeneratedDocument {
  readonly rel: string;
  readonly text: string;
}

/** The criteria and ML topics a generated workspace may claim, read from Attest's data files. */
export interface Catalog {
  readonly criteria: readonly string[];
  readonly topics: readonly { readonly id: string; readonly title: string; readonly home: readonly string[] }[];
}

/** One long document in this many is drawn from the tail (8 to 64 KB) instead of the library. */
const TAIL_ONE_IN = 100;
const TYPES: readonly DocumentType[] = ['policy', 'control', 'procedure', 'addendum'];
const AREAS = ['access', 'change', 'data', 'incident', 'vendor', 'network', 'crypto', 'logging', 'people', 'continuity', 'model', 'risk'];
const REQUIRED: Record<DocumentType, readonly string[]> = {
  policy: ['Purpose', 'Scope', 'Roles and Responsibilities', 'Policy', 'Enforcement', 'Exceptions', 'Review'],
  control: ['Objective', 'Implementation', 'Evidence'],
  procedure: ['Purpose', 'Procedure', 'Evidence'],
  addendum: ['Purpose'],
};
/** Sections the library writes as lists (steps, statements, duties, evidence items). */
const LISTED = new Set(['Roles and Responsibilities', 'Policy', 'Implementation', 'Procedure', 'Evidence']);
const FOLDER: Record<DocumentType, string> = { policy: 'policies', control: 'controls', procedure: 'procedures', addendum: 'addenda' };
const PREFIX: Record<DocumentType, string> = { policy: 'POL', control: 'CTL', procedure: 'PRC', addendum: 'ADD' };
const OWNERS = ['Head of Security', 'Head of Machine Learning', 'Head of People', 'Head of Engineering', 'Data Protection Lead', 'SRE Lead', 'Compliance Lead'];
const CYCLES = ['quarterly', 'semiannual', 'annual', 'annual', 'annual'];
/** Days of evidence age each frequency allows, a little under what the evidence-overdue rule accepts. */
const MAX_EVIDENCE_AGE: Record<string, number> = { continuous: 1, daily: 1, weekly: 6, monthly: 25, quarterly: 80, annual: 300 };
const FREQUENCIES = ['continuous', 'daily', 'weekly', 'monthly', 'quarterly', 'annual', 'on-event'];

export const ATTEST_YAML = 'organization: Bench Co\ncategories: [availability, processing-integrity, confidentiality]\nml: true\n';

/** Measures the library (`policies/` of the repository): every Markdown file whose frontmatter names a type. */
export function measureLibrary(dir: string): LibraryProfile {
  const sizes = new Map<DocumentType, number[]>();
  for (const file of fs.readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    if (!file.endsWith('.md')) continue;
    const text = fs.readFileSync(path.join(dir, file), 'utf8');
    const type = /^---\n[\s\S]*?^type:\s*(\w+)/m.exec(text)?.[1] as DocumentType | undefined;
    if (!type || !TYPES.includes(type)) continue;
    sizes.set(type, [...(sizes.get(type) ?? []), Buffer.byteLength(text)]);
  }
  for (const list of sizes.values()) list.sort((a, b) => a - b);
  return sizes;
}

export function loadCatalog(repo: string): Catalog {
  const framework = parse(fs.readFileSync(path.join(repo, 'server', 'data', 'frameworks', 'tsc-2017.yaml'), 'utf8')) as { criteria: { id: string; category: string }[] };
  const ml = parse(fs.readFileSync(path.join(repo, 'server', 'data', 'ml-topics.yaml'), 'utf8')) as { topics: { id: string; title: string; home: string[] }[] };
  return {
    criteria: framework.criteria.filter((c) => c.category !== 'privacy').map((c) => c.id),
    topics: ml.topics.map(({ id, title, home }) => ({ id, title, home })),
  };
}

interface Plan {
  readonly type: DocumentType;
  readonly id: string;
  readonly rel: string;
  readonly title: string;
  readonly size: number;
}

/** A size drawn from the library's sizes of that type (interpolated between neighbours), or from the tail. */
function drawSize(random: Random, sizes: readonly number[]): number {
  if (random.next() * TAIL_ONE_IN < 1) return Math.round(8192 * 8 ** random.next());
  const at = random.next() * (sizes.length - 1);
  const low = Math.floor(at);
  const high = Math.min(low + 1, sizes.length - 1);
  return Math.round(sizes[low] + (sizes[high] - sizes[low]) * (at - low));
}

function plan(count: number, profile: LibraryProfile, random: Random): Plan[] {
  const weights = TYPES.map((t) => profile.get(t)?.length ?? 0);
  const total = weights.reduce((a, b) => a + b, 0);
  if (total === 0) throw new Error('the library has no documents to measure');
  const counters = new Map<string, number>();
  return Array.from({ length: count }, (_, i) => {
    let type: DocumentType = 'policy';
    if (i > 0) {
      let x = random.next() * total;
      type = TYPES.find((_t, k) => (x -= weights[k]) < 0) ?? 'control';
    }
    const area = random.pick(AREAS);
    const key = `${type}-${area}`;
    const n = (counters.get(key) ?? 0) + 1;
    counters.set(key, n);
    const id = `${PREFIX[type]}-${area.toUpperCase()}-${n}`;
    const title = `${area[0].toUpperCase()}${area.slice(1)} ${type === 'policy' ? 'Policy' : type === 'addendum' ? 'Addendum' : type === 'control' ? 'Control' : 'Procedure'} ${n}`;
    return { type, id, rel: `${FOLDER[type]}/${area}/${id.toLowerCase()}.md`, title, size: drawSize(random, profile.get(type) ?? []) };
  });
}

function criteriaList(random: Random, key: string, ids: readonly string[]): string {
  if (ids.length === 0) return '';
  if (random.chance(0.3)) return `${key}:\n${ids.map((c) => `  - ${c}`).join('\n')}\n`;
  return `${key}: [${ids.join(', ')}]\n`;
}

interface Claims {
  readonly criteria: readonly string[];
  readonly topics: Catalog['topics'];
}

/**
 * The criteria and ML topics a document claims. As in the library, a document that claims a
 * home criterion of an ML topic also addresses the topic (every topic sharing that home).
 */
function claims(type: DocumentType, random: Random, catalog: Catalog): Claims {
  const home = new Set(catalog.topics.flatMap((t) => t.home));
  const free = catalog.criteria.filter((c) => !home.has(c));
  const chosen = type === 'addendum' ? random.some(catalog.topics, random.int(2, 4)) : random.chance(0.25) ? random.some(catalog.topics, random.int(1, 2)) : [];
  const claimed = new Set(chosen.map((t) => random.pick(t.home.filter((c) => catalog.criteria.includes(c)))));
  const topics = catalog.topics.filter((t) => t.home.some((c) => claimed.has(c)));
  const criteria = [...claimed, ...random.some(free, random.int(1, 3))];
  // A few mistakes, as a real repository has: an id that does not exist.
  return { criteria: random.chance(0.01) ? [...criteria, 'CC9.9'] : criteria, topics };
}

function frontmatter(doc: Plan, random: Random, policies: readonly Plan[], { criteria, topics }: Claims): string {
  const stale = random.chance(0.02);
  const month = String(random.int(1, 10)).padStart(2, '0');
  const day = String(random.int(1, 28)).padStart(2, '0');
  // The benchmark checks as of 2026-11-23: reviews and evidence are current unless drawn stale.
  const last = stale ? `2024-${month}-${day}` : `2026-${random.pick(['09', '10', '11'])}-${String(random.int(1, 20)).padStart(2, '0')}`;
  let text = `---\nid: ${doc.id}\ntype: ${doc.type}\ntitle: ${doc.title}\nowner: ${random.pick(OWNERS)}\n`;
  text += `status: ${doc.type === 'control' ? random.pick(['implemented', 'implemented', 'approved']) : random.pick(['approved', 'approved', 'review'])}\n`;
  text += `version: "${random.int(1, 3)}.${random.int(0, 9)}"\neffective: 2026-${month}-01\n`;
  const cycle = random.pick(CYCLES);
  text += random.chance(0.5) ? `review:\n  cycle: ${cycle}\n  last: ${last}\n` : `review: { cycle: ${cycle}, last: ${last} }\n`;
  text += criteriaList(random, 'criteria', criteria);
  text += criteriaList(random, 'ml', topics.map((t) => t.id));
  const parent = random.pick(policies).id;
  if (doc.type === 'control' || doc.type === 'procedure') text += `policy: ${random.chance(0.005) ? 'POL-MISSING' : parent}\n`;
  if (doc.type === 'addendum') text += `extends: ${parent}\n`;
  if (doc.type === 'control') {
    const frequency = random.pick(FREQUENCIES);
    const age = random.chance(0.03) ? 400 : (MAX_EVIDENCE_AGE[frequency] ?? 300);
    text += `frequency: ${frequency}\nevidence:\n`;
    for (let k = random.int(1, 3); k > 0; k--) {
      const collected = new Date(Date.UTC(2026, 10, 23) - random.int(1, age) * 86_400_000).toISOString().slice(0, 10);
      const where = random.chance(0.2) ? `path: evidence/${doc.id.toLowerCase()}.txt` : `url: https://grc.example.com/evidence/${doc.id}/${k}`;
      text += `  - name: ${random.pick(['Quarterly export', 'Review ticket', 'Configuration export', 'Sign-off record'])} ${k}\n    ${where}\n    collected: ${collected}\n`;
    }
  }
  return `${text}---\n`;
}

function documentText(doc: Plan, random: Random, catalog: Catalog, all: readonly Plan[], policies: readonly Plan[]): string {
  const claimed = claims(doc.type, random, catalog);
  const topics = claimed.topics;
  const head = frontmatter(doc, random, policies, claimed);
  const from = path.posix.dirname(doc.rel);
  const links = (): LinkTarget | undefined => {
    const target = random.pick(all);
    if (target === doc) return undefined;
    const broken = random.chance(0.002);
    return { title: target.title, href: path.posix.relative(from, broken ? target.rel.replace('.md', '-old.md') : target.rel) };
  };
  const prose = new Prose(random, catalog.criteria, links);
  const required = REQUIRED[doc.type].filter(() => !random.chance(0.004));
  const sections = [...required, ...topics.map((t) => t.title)].map((heading) => ({ heading, blocks: [LISTED.has(heading) ? prose.list(2) : prose.paragraph(1)] }));
  const skeleton = Buffer.byteLength(head) + sections.reduce((sum, s) => sum + s.heading.length + 6 + s.blocks.reduce((a, b) => a + Buffer.byteLength(b) + 2, 0), 0);
  // Blocks are added while they bring the document closer to its drawn size.
  for (let size = skeleton; size < doc.size; ) {
    const block = prose.block();
    const grown = size + Buffer.byteLength(block) + 2;
    if (grown - doc.size > doc.size - size) break;
    random.pick(sections).blocks.push(block);
    size = grown;
  }
  let body = `\n# ${doc.title}\n`;
  if (random.chance(0.02)) body += '\n<!-- attest-ignore stale-review: the review is booked for next month -->\n';
  for (const { heading, blocks } of sections) body += `\n## ${heading}\n\n${blocks.join('\n\n')}\n`;
  return head + body;
}

/** Every document of a workspace of `count`, in order; the same seed gives the same texts. */
export function* generateDocuments(count: number, profile: LibraryProfile, catalog: Catalog, seed = 1): Generator<GeneratedDocument> {
  const random = new Random(seed);
  const all = plan(count, profile, random);
  const policies = all.filter((d) => d.type === 'policy');
  for (const doc of all) yield { rel: doc.rel, text: documentText(doc, random, catalog, all, policies) };
}

/** Writes a fresh workspace (attest.yaml, the documents and the evidence files they name) to `dir`. */
export function writeWorkspace(dir: string, count: number, profile: LibraryProfile, catalog: Catalog, seed = 1): { files: number; bytes: number } {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(path.join(dir, 'evidence'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'attest.yaml'), ATTEST_YAML);
  let files = 0;
  let bytes = 0;
  const made = new Set<string>();
  for (const doc of generateDocuments(count, profile, catalog, seed)) {
    const target = path.join(dir, doc.rel);
    const folder = path.dirname(target);
    if (!made.has(folder)) fs.mkdirSync(folder, { recursive: true });
    made.add(folder);
    fs.writeFileSync(target, doc.text);
    for (const evidence of doc.text.matchAll(/^ {4}path: (evidence\/\S+)$/gm)) fs.writeFileSync(path.join(dir, evidence[1]), 'exported\n');
    files++;
    bytes += Buffer.byteLength(doc.text);
  }
  return { files, bytes };
}
