import { CriteriaMap, type Framework } from './criteria';
import { MlCatalog, type MlTopic } from './mlCatalog';
import type { SectionRequirements } from './sections';

/** The data files Attest ships, parsed and validated; loaded once by a front end. */
export interface BundledData {
  /** The frameworks active by default: the Trust Services Criteria only. */
  readonly frameworks: readonly Framework[];
  /**
   * The ids of the other bundled frameworks (`iso42001`, `nist-ai-rmf`, `iso27001`): active
   * only when attest.yaml names them under `frameworks`, so they are kept apart from `frameworks`.
   */
  readonly optionalFrameworkIds: readonly string[];
  /**
   * One of the optional frameworks, parsed and validated on first use: most workspaces turn
   * none on, and parsing all three at every start would about double the time to load the data.
   */
  optionalFramework(id: string): Framework | undefined;
  readonly topics: readonly MlTopic[];
  readonly sections: SectionRequirements;
}

export function criteriaMapOf(data: BundledData, extra: readonly Framework[] = []): CriteriaMap {
  return new CriteriaMap([...data.frameworks, ...extra]);
}

export function mlCatalogOf(data: BundledData): MlCatalog {
  return new MlCatalog(data.topics);
}
