import { isMap, isScalar, type Node as YamlNode } from 'yaml';
import type { AttestDocument } from '../../core/document/model';
import { evidencePath } from '../../core/document/paths';
import { isIsoDate } from '../../core/document/schema';
import { CYCLE_MONTHS, reviewDueDate } from '../../core/rules/staleReview';
import { valueOf } from '../../core/yamlMap';

/** A document's frontmatter as its page's header shows it: plain text, read once. */
export interface DocumentMeta {
  readonly relPath: string;
  readonly id?: string;
  readonly title: string;
  readonly type: string;
  readonly owner?: string;
  /** As written, lower case; a comply document has none. */
  readonly status?: string;
  readonly version?: string;
  readonly effective?: string;
  readonly approval?: { readonly by?: string; readonly on?: string };
  readonly review?: { readonly cycle?: string; readonly last?: string; readonly due?: string };
  readonly frequency?: string;
  readonly policy?: string;
  readonly extends?: string;
  readonly criteria: readonly string[];
  readonly ml: readonly string[];
  readonly satisfies: readonly { readonly framework: string; readonly ids: readonly string[] }[];
  readonly evidence: readonly EvidenceLine[];
}

export interface EvidenceLine {
  readonly name?: string;
  /** Workspace-relative, normalised; absent for evidence kept at a URL. */
  readonly path?: string;
  readonly url?: string;
  readonly collected?: string;
  readonly noEvent?: boolean;
}

export function documentMeta(doc: AttestDocument): DocumentMeta {
  const text = (key: string) => scalarText(doc, doc.fields.get(key)?.node);
  const approval = doc.fields.get('approval')?.node;
  const review = doc.fields.get('review')?.node;
  const cycle = isMap(review) ? scalarText(doc, valueOf(review, 'cycle'))?.toLowerCase() : undefined;
  const last = isMap(review) ? scalarText(doc, valueOf(review, 'last')) : (doc.revisions.map((r) => r.value).sort().at(-1) ?? undefined);
  const months = cycle ? CYCLE_MONTHS[cycle] : doc.revisions.length > 0 ? CYCLE_MONTHS.annual : undefined;
  const due = last && isIsoDate(last) && months ? reviewDueDate(last, months) : undefined;
  return {
    relPath: doc.relPath,
    ...optional('id', doc.id?.value),
    title: doc.title?.value ?? doc.id?.value ?? doc.relPath,
    type: doc.type ?? 'document',
    ...optional('owner', text('owner')),
    ...optional('status', doc.status?.value ?? (doc.dialect === 'attest' ? 'draft' : undefined)),
    ...optional('version', text('version')),
    ...optional('effective', text('effective')),
    ...(isMap(approval) ? { approval: { ...optional('by', scalarText(doc, valueOf(approval, 'by'))), ...optional('on', scalarText(doc, valueOf(approval, 'on'))) } } : {}),
    ...(cycle || last ? { review: { ...optional('cycle', cycle), ...optional('last', last), ...optional('due', due) } } : {}),
    ...optional('frequency', doc.frequency?.value),
    ...optional('policy', doc.policy?.value),
    ...optional('extends', doc.extends?.value),
    criteria: [...new Set(doc.criteria.map((c) => c.value))],
    ml: [...new Set(doc.ml.map((t) => t.value))],
    satisfies: doc.satisfies.map((s) => ({ framework: s.framework.value, ids: s.items.map((i) => i.value) })),
    evidence: doc.evidence.map((e) => {
      const path = e.path ? evidencePath(e.path.value) : undefined;
      return {
        ...optional('name', e.name?.value),
        ...optional('path', path ?? undefined),
        ...optional('url', e.url?.value),
        ...optional('collected', e.collected?.value),
        ...(e.noEvent ? { noEvent: true } : {}),
      };
    }),
  };
}

/** `{ key: value }`, or nothing where the value is absent or blank. */
function optional<K extends string>(key: K, value: string | undefined): { [P in K]?: string } {
  return value === undefined || value.trim() === '' ? {} : ({ [key]: value.trim() } as { [P in K]?: string });
}

/** A scalar as the reader wrote it: `version: 1.0` is "1.0", not the number 1. */
function scalarText(doc: AttestDocument, node: YamlNode | null | undefined): string | undefined {
  if (!isScalar(node) || node.value === null || node.value === undefined) return undefined;
  if (typeof node.value === 'string') return node.value;
  const [start, end] = node.range ?? [0, 0];
  const written = doc.text.getText().slice(doc.yamlOffset + start, doc.yamlOffset + end).trim();
  return written || String(node.value);
}
