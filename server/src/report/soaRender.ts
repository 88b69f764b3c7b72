import type { WorkspaceIndex } from '../core/index/workspaceIndex';
import { formatSoaCsv, formatSoaMarkdown, statementOfApplicability, type SoaFormat } from './soa';
import { formatSoaHtml } from './soaHtml';

/**
 * The Statement of Applicability of a folder in one of its formats, what `attest soa` prints
 * and the editor exports; undefined for a framework that has no Annex A to state.
 */
export function renderSoa(index: WorkspaceIndex, framework: string, format: SoaFormat, options: { readonly linkBase?: string } = {}): string | undefined {
  const soa = statementOfApplicability(index, framework);
  if (!soa) return undefined;
  switch (format) {
    case 'csv':
      return formatSoaCsv(soa);
    case 'markdown':
      return formatSoaMarkdown(soa);
    case 'html':
      return formatSoaHtml(soa, options.linkBase);
  }
}
