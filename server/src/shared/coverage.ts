/**
 * The coverage model as it crosses the wire: the core computes it, the CLI prints it and the
 * client draws it. No imports, so that the client can use it without bundling the core.
 */
/**
 * From nothing to done: `drafted` is claimed only by drafts (not yet approved), `documented`
 * by approved documents that are not controls, `controlled` by an approved control,
 * `implemented` by an implemented control with current evidence (SPEC §7, §10).
 */
export const COVERAGE_STATUSES = ['uncovered', 'drafted', 'documented', 'controlled', 'implemented', 'excepted'] as const;
export type CoverageStatus = (typeof COVERAGE_STATUSES)[number];

/** Statuses that count as covered in the percentage: claimed is not implemented, but a control is a control. */
export const COVERED_STATUSES: ReadonlySet<CoverageStatus> = new Set(['controlled', 'implemented', 'excepted']);

export interface CriterionCoverage {
  readonly id: string;
  /** Category display name (`Processing Integrity`). */
  readonly category: string;
  readonly status: CoverageStatus;
  /** Ids of the documents that claim the criterion, controls first. */
  readonly documents: readonly string[];
  readonly summary: string;
  /** Why the criterion does not apply, when excepted. */
  readonly reason?: string;
}

export interface TopicCoverage {
  readonly topic: string;
  readonly title: string;
  readonly status: CoverageStatus;
  readonly documents: readonly string[];
}

/** The coverage object of SPEC §9 (plus titles, summaries and reasons for the views). */
export interface Coverage {
  readonly criteria: readonly CriterionCoverage[];
  readonly ml: readonly TopicCoverage[];
  /** `covered` counts controlled, implemented and excepted criteria; `drafted` those claimed only by drafts. */
  readonly summary: { readonly inScope: number; readonly covered: number; readonly percent: number; readonly drafted: number };
}
