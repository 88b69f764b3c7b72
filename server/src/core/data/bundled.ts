import { CriteriaMap, type Framework } from './criteria';
import { MlCatalog, type MlTopic } from './mlCatalog';
import type { SectionRequirements } from './sections';

/** The data files Attest ships, already parsed and validated; loaded once by a front end. */
export interface BundledData {
  readonly frameworks: readonly Framework[];
  readonly topics: readonly MlTopic[];
  readonly sections: SectionRequirements;
}

export function criteriaMapOf(data: BundledData, extra: readonly Framework[] = []): CriteriaMap {
  return new CriteriaMap([...data.frameworks, ...extra]);
}

export function mlCatalogOf(data: BundledData): MlCatalog {
  return new MlCatalog(data.topics);
}
