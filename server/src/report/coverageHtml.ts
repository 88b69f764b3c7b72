import type { Coverage } from '../core/coverage';
import type { ReportMeta } from './coverage';
import { groupByCategory } from './html/categories';
import { criteriaTables } from './html/criteriaTable';
import { documentsReferenced } from './html/documents';
import { exceptionsSection } from './html/exceptions';
import { frameworkSections } from './html/frameworks';
import { pageHeader } from './html/headline';
import { mlTopicsTable } from './html/mlTable';
import { criteriaOverview } from './html/overview';
import { pageClosing, pageOpening } from './html/page';

/**
 * The coverage report as one self-contained HTML page: inline CSS, no scripts,
 * no external resources; the only links go to the document files, relative to
 * the workspace root or, given `linkBase`, to wherever the report is written.
 */

export interface HtmlOptions {
  /**
   * The URL of the workspace root relative to the report's own folder, percent-encoded and
   * ending in `/` (`../../` for a report written to `deep/r/` inside the workspace), or a
   * `file:` URL where no relative one exists. Empty or absent: the report sits at the root.
   */
  readonly linkBase?: string;
}

export function formatCoverageHtml(coverage: Coverage, meta: ReportMeta, options: HtmlOptions = {}): string {
  const linkBase = options.linkBase ?? '';
  const groups = groupByCategory(coverage.criteria);
  const lines = [
    ...pageOpening(meta),
    ...pageHeader(coverage, meta),
    '<main>',
    ...criteriaOverview(groups),
    ...criteriaTables(groups, meta, linkBase),
    ...mlTopicsTable(coverage.ml, meta, linkBase),
    ...frameworkSections(coverage.frameworks ?? [], meta, linkBase),
    ...exceptionsSection(coverage.criteria),
    documentsReferenced(coverage, meta, linkBase),
    '</main>',
    ...pageClosing(meta, linkBase),
  ];
  return lines.join('\n') + '\n';
}
