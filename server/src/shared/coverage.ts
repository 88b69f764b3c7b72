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

export interface CoverageSummary {
  readonly inScope: number;
  readonly covered: number;
  readonly percent: number;
  /** Claimed only by drafts, so not covered yet. */
  readonly drafted: number;
}

/** One item of a framework beyond the TSC (an Annex A control, an AI RMF subcategory). */
export interface FrameworkItemCoverage {
  readonly id: string;
  readonly status: CoverageStatus;
  /** Ids of the documents that claim the item under `satisfies`, controls first. */
  readonly documents: readonly string[];
  /** Attest's short name of the item (`Data provenance`). */
  readonly title?: string;
  /** The clause or category the item belongs to (`Data used by AI systems`). */
  readonly group: string;
  readonly summary: string;
  /** Why the item does not apply, when excepted. */
  readonly reason?: string;
}

/** Coverage of one framework that attest.yaml turns on (SPEC §11). */
export interface FrameworkCoverage {
  /** The name attest.yaml and `satisfies` use (`iso42001`). */
  readonly id: string;
  /** How it is shown (`ISO/IEC 42001`). */
  readonly name: string;
  /** Its full title (`ISO/IEC 42001:2023 Annex A (AI management system)`). */
  readonly title: string;
  readonly items: readonly FrameworkItemCoverage[];
  readonly summary: CoverageSummary;
}

/** The coverage object of SPEC §9 and §11 (plus titles, summaries and reasons for the views). */
export interface Coverage {
  readonly criteria: readonly CriterionCoverage[];
  readonly ml: readonly TopicCoverage[];
  /** `covered` counts controlled, implemented and excepted criteria; `drafted` those claimed only by drafts. */
  readonly summary: CoverageSummary;
  /**
   * One entry per framework turned on besides the TSC, in the order attest.yaml lists them.
   * Always set by the server; optional so that a coverage object written without it (a test's,
   * a report's of an older version) still reads as "no other framework".
   */
  readonly frameworks?: readonly FrameworkCoverage[];
}

/** Covered, drafted, in scope and the percentage (one decimal) of a list of statuses. */
export function summarize(items: readonly { readonly status: CoverageStatus }[]): CoverageSummary {
  const covered = items.filter((i) => COVERED_STATUSES.has(i.status)).length;
  const drafted = items.filter((i) => i.status === 'drafted').length;
  return { inScope: items.length, covered, percent: items.length ? Math.round((covered / items.length) * 1000) / 10 : 100, drafted };
}
