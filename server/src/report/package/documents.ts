import type { AttestDocument } from '../../core/document/model';
import { esc } from '../html/escape';
import { documentHeader, type HeaderLinks } from './documentHeader';
import { idOf, placeBody, renderBody, type LinkResolver, type RenderedBody } from './markdown';
import { documentMeta, type DocumentMeta } from './metadata';
import { BOOK_PAGE, documentPage, hrefFrom } from './paths';
import { packagePage, type PackageParts } from './shell';
import type { FileHistory } from './types';

/** A document as the package shows it: its fields, its page, its place in the printable book and its body. */
export interface PackagedDocument {
  readonly meta: DocumentMeta;
  readonly page: string;
  /** The id of its article in the book; its body's ids there start with this and `--`. */
  readonly anchor: string;
  readonly body: RenderedBody;
}

/** The order an auditor reads in: each policy, then what extends it and what implements it (addenda, procedures, controls); then the rest. */
const TYPE_RANK: Readonly<Record<string, number>> = { policy: 0, narrative: 1, addendum: 2, procedure: 3, control: 4 };

export function packageDocuments(docs: Iterable<AttestDocument>): PackagedDocument[] {
  const anchors = new Set<string>();
  const packaged = [...docs].map((doc) => {
    const meta = documentMeta(doc);
    const bodyStart = doc.hasFrontmatter ? doc.text.offsetAt(doc.frontmatterRange.end) : 0;
    const base = `doc-${doc.relPath.replace(/\.md$/i, '').replace(/[^A-Za-z0-9_-]+/g, '-')}`;
    let anchor = base;
    for (let n = 2; anchors.has(anchor); n++) anchor = `${base}-${n}`;
    anchors.add(anchor);
    return { meta, page: documentPage(doc.relPath), anchor, body: renderBody(doc.text.getText().slice(bodyStart), meta.title) };
  });
  return readingOrder(packaged);
}

function readingOrder(docs: PackagedDocument[]): PackagedDocument[] {
  const key = (d: PackagedDocument) => d.meta.id ?? d.meta.relPath;
  const byRank = (a: PackagedDocument, b: PackagedDocument) => (TYPE_RANK[a.meta.type] ?? 5) - (TYPE_RANK[b.meta.type] ?? 5) || key(a).localeCompare(key(b), 'en', { numeric: true }) || a.meta.relPath.localeCompare(b.meta.relPath);
  const sorted = [...docs].sort(byRank);
  const placed = new Set<PackagedDocument>();
  const ordered: PackagedDocument[] = [];
  for (const policy of sorted.filter((d) => d.meta.type === 'policy')) {
    ordered.push(policy);
    placed.add(policy);
    for (const d of sorted) {
      if (!placed.has(d) && policy.meta.id !== undefined && (d.meta.policy === policy.meta.id || d.meta.extends === policy.meta.id)) {
        ordered.push(d);
        placed.add(d);
      }
    }
  }
  return [...ordered, ...sorted.filter((d) => !placed.has(d))];
}

/** What every document's rendering needs to know about the rest of the package. */
export interface DocumentSetting {
  readonly parts: PackageParts;
  readonly documents: readonly PackagedDocument[];
  readonly history: FileHistory;
  readonly indexAnchors: ReadonlySet<string>;
  /** The package path of a workspace file, which the package then copies in; undefined where the workspace has none. */
  copy(relPath: string): string | undefined;
}

/** The setting with its look-ups made once: by path, by id (the first document with it), and who names a document as its policy. */
interface Lookups {
  readonly setting: DocumentSetting;
  readonly byPath: ReadonlyMap<string, PackagedDocument>;
  readonly byId: ReadonlyMap<string, PackagedDocument>;
  readonly referrers: ReadonlyMap<string, readonly PackagedDocument[]>;
}

function lookupsOf(setting: DocumentSetting): Lookups {
  const byPath = new Map(setting.documents.map((d) => [d.meta.relPath, d]));
  const byId = new Map<string, PackagedDocument>();
  const referrers = new Map<string, PackagedDocument[]>();
  for (const d of setting.documents) {
    if (d.meta.id !== undefined && !byId.has(d.meta.id)) byId.set(d.meta.id, d);
    for (const parent of new Set([d.meta.policy, d.meta.extends])) if (parent !== undefined) referrers.set(parent, [...(referrers.get(parent) ?? []), d]);
  }
  return { setting, byPath, byId, referrers };
}

/** Where a document's links go on one page: `inBook` places every document on the book's page. */
function placement(lookups: Lookups, page: string, inBook: boolean) {
  const { setting, byPath, byId, referrers } = lookups;
  const hrefOf = (target: PackagedDocument, id?: string) => (inBook ? `#${encodeURIComponent(id === undefined ? target.anchor : `${target.anchor}--${id}`)}` : hrefFrom(page, target.page, id));
  const file = (relPath: string) => {
    const copied = setting.copy(relPath);
    return copied === undefined ? undefined : hrefFrom(page, copied);
  };
  const resolver: LinkResolver = {
    document(relPath, fragment) {
      const target = byPath.get(relPath);
      return target ? hrefOf(target, fragment === undefined ? undefined : idOf(target.body, fragment)) : undefined;
    },
    file,
  };
  const headerLinks = (d: PackagedDocument): HeaderLinks => ({
    page,
    indexAnchors: setting.indexAnchors,
    document: (id) => {
      const target = byId.get(id);
      return target ? hrefOf(target) : undefined;
    },
    file,
    referencedBy: (d.meta.id === undefined ? [] : (referrers.get(d.meta.id) ?? []))
      .filter((r) => r !== d)
      .map((r) => ({ id: r.meta.id ?? r.meta.relPath, title: r.meta.title, href: hrefOf(r) })),
  });
  return { resolver, headerLinks };
}

function article(d: PackagedDocument, place: ReturnType<typeof placement>, history: FileHistory, inBook: boolean): string[] {
  const { resolver, headerLinks } = place;
  const idPrefix = inBook ? `${d.anchor}--` : '';
  return [
    `<article class="doc"${inBook ? ` id="${esc(d.anchor)}"` : ''}>`,
    documentHeader(d.meta, history, headerLinks(d)),
    '<div class="doc-body">',
    placeBody(d.body, d.meta.relPath, idPrefix, resolver),
    '</div>',
    '</article>',
  ];
}

/** Each document's own page, by its path in the package. */
export function documentPages(setting: DocumentSetting): Map<string, string> {
  const lookups = lookupsOf(setting);
  const pages = new Map<string, string>();
  for (const d of setting.documents) {
    const title = `${d.meta.id ? `${d.meta.id} ` : ''}${d.meta.title}`;
    pages.set(d.page, packagePage(d.page, title, setting.parts, ['<main>', ...article(d, placement(lookups, d.page, false), setting.history, false), '</main>'], 'doc-page'));
  }
  return pages;
}

/** Every document on one page in reading order, each starting a new sheet when printed: what an auditor prints. */
export function bookPageHtml(setting: DocumentSetting): string {
  const intro = [
    '<header class="book-intro">',
    `<h1>All documents${setting.parts.organization ? ` — ${esc(setting.parts.organization)}` : ''}</h1>`,
    `<p class="note">${setting.documents.length === 1 ? 'The workspace’s one document' : `The workspace’s ${setting.documents.length} documents`} as of ${esc(setting.parts.date)}, each policy followed by the documents that extend or implement it. Printed, each document starts on a new page.</p>`,
    '</header>',
  ];
  const place = placement(lookupsOf(setting), BOOK_PAGE, true);
  const articles = setting.documents.flatMap((d) => article(d, place, setting.history, true));
  return packagePage(BOOK_PAGE, `All documents${setting.parts.organization ? ` — ${setting.parts.organization}` : ''}`, setting.parts, ['<main>', ...intro, ...articles, '</main>'], 'book');
}
