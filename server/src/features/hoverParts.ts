import type { CoverageStatus } from '../core/coverage';
import type { AttestDocument } from '../core/document/model';
import { escapeMarkdown } from '../shared/markdown';

const STATUS_TEXT: Readonly<Record<CoverageStatus, string>> = {
  uncovered: '**uncovered** — no document claims it',
  drafted: '**drafted** — only drafts claim it: approve one to count it',
  documented: '**documented** — claimed by documents, but no control',
  controlled: '**controlled** — a control claims it',
  implemented: '**implemented** — an implemented control with current evidence claims it',
  excepted: '**excepted** in attest.yaml',
};

/** What a coverage status means, as hovers say it. */
export function statusText(status: CoverageStatus): string {
  return STATUS_TEXT[status];
}

/** A claimant in a hover's list: its link and its type. */
export function listItem(doc: AttestDocument): string {
  return `- ${documentLink(doc)}${doc.type ? ` (${doc.type})` : ''}`;
}

/** `[CTL-AC-01 — Access provisioning](file:///…)`: a link the editor opens. */
export function documentLink(doc: AttestDocument): string {
  const label = doc.id ? `${doc.id.value}${doc.title ? ` — ${doc.title.value}` : ''}` : doc.relPath;
  return `[${escapeMarkdown(label)}](${linkUri(doc.uri)})`;
}

/** Parentheses would end a Markdown link destination early. */
export function linkUri(uri: string): string {
  return uri.replace(/\(/g, '%28').replace(/\)/g, '%29');
}
