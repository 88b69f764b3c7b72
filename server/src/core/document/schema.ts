import { DOCUMENT_TYPES, FREQUENCIES, REVIEW_CYCLES, STATUSES, type DocumentType } from '../types';

export type FieldKind = 'id' | 'enum' | 'text' | 'version' | 'date' | 'review' | 'criteria' | 'satisfies' | 'ml' | 'reference' | 'evidence' | 'approval';

/** A frontmatter field of the v1 format (SPEC §2): which types take it, which need it. */
export interface FieldSpec {
  readonly key: string;
  readonly kind: FieldKind;
  readonly description: string;
  /** Types that may have the field; all when absent. */
  readonly types?: readonly DocumentType[];
  /** Types that must have it. */
  readonly requiredFor?: readonly DocumentType[];
  readonly values?: readonly string[];
  /** Rules of Attest's own format, only information on comply documents. */
  readonly strict?: boolean;
  /** Names other tools and templates give the field (`effective_date`): suggested as this field, with a fix. */
  readonly aliases?: readonly string[];
}

export const FIELDS: readonly FieldSpec[] = [
  { key: 'id', kind: 'id', description: 'Unique id: upper-case words joined by `-`, e.g. `POL-ACCESS`, `CTL-AC-01`.', requiredFor: DOCUMENT_TYPES },
  { key: 'type', kind: 'enum', values: DOCUMENT_TYPES, description: 'Document type: policy, control, procedure, narrative or addendum.', requiredFor: DOCUMENT_TYPES },
  { key: 'title', kind: 'text', description: 'Human-readable title.', requiredFor: DOCUMENT_TYPES },
  { key: 'owner', kind: 'text', description: 'The role that owns the document (a role, not a person).', requiredFor: DOCUMENT_TYPES, strict: true, aliases: ['policy_owner', 'document_owner', 'owner_role', 'control_owner'] },
  { key: 'status', kind: 'enum', values: STATUSES, description: 'Lifecycle status: draft, review, approved, implemented or retired (default draft).' },
  { key: 'version', kind: 'version', description: 'Version string, e.g. "1.2".', aliases: ['revision', 'document_version', 'doc_version'] },
  { key: 'effective', kind: 'date', description: 'Date the document takes effect (YYYY-MM-DD).', aliases: ['effective_date', 'effective-date', 'effectivedate', 'date_effective', 'effective_from'] },
  { key: 'review', kind: 'review', description: 'Review cycle and last review: `{ cycle: annual, last: YYYY-MM-DD }`.', strict: true },
  { key: 'criteria', kind: 'criteria', description: 'Trust Services Criteria ids the document addresses, e.g. `[CC6.1, CC6.2]`.', aliases: ['tsc', 'soc2', 'soc2_criteria', 'tsc_criteria', 'trust_services_criteria'] },
  { key: 'satisfies', kind: 'satisfies', description: 'Items of other frameworks the document meets, by framework: `{ iso42001: [A.6.2.5], nist-ai-rmf: [MANAGE 2.4] }`.' },
  { key: 'ml', kind: 'ml', description: 'ML topic ids the document addresses, e.g. `[model-versioning]`.' },
  { key: 'policy', kind: 'reference', types: ['control', 'procedure'], requiredFor: ['control', 'procedure'], description: 'Id of the parent policy.' },
  { key: 'extends', kind: 'reference', types: ['addendum'], requiredFor: ['addendum'], description: 'Id of the policy this addendum supplements.' },
  { key: 'frequency', kind: 'enum', types: ['control'], values: FREQUENCIES, description: 'How often the control operates: continuous, daily, weekly, monthly, quarterly, annual or on-event.' },
  { key: 'approval', kind: 'approval', description: 'Who approved this version and when: `{ by: <role>, on: YYYY-MM-DD }`.' },
  { key: 'evidence', kind: 'evidence', types: ['control'], description: 'Evidence collected: a list of `{ name, path or url, collected: YYYY-MM-DD }`.' },
];

export const FIELD_BY_KEY: ReadonlyMap<string, FieldSpec> = new Map(FIELDS.map((f) => [f.key, f]));

export const REVIEW_KEYS = ['cycle', 'last'] as const;
export const APPROVAL_KEYS = ['by', 'on'] as const;

/**
 * Top-level fields other templates use for what Attest keeps under `review`: the key of
 * `review` each one is. `next_review` is computed by Attest from `last` and `cycle`.
 */
export const REVIEW_ALIASES: Readonly<Record<string, 'last' | 'cycle' | 'next'>> = {
  last_reviewed: 'last',
  'last-reviewed': 'last',
  lastreviewed: 'last',
  reviewed: 'last',
  review_date: 'last',
  last_review: 'last',
  last_review_date: 'last',
  review_frequency: 'cycle',
  'review-frequency': 'cycle',
  review_cycle: 'cycle',
  reviewcycle: 'cycle',
  review_period: 'cycle',
  next_review: 'next',
  next_review_date: 'next',
  'next-review': 'next',
  review_due: 'next',
};

/** Top-level fields other templates use for what Attest keeps under `approval`: the key of `approval` each one is. */
export const APPROVAL_ALIASES: Readonly<Record<string, 'by' | 'on'>> = {
  approver: 'by',
  approved_by: 'by',
  'approved-by': 'by',
  approved_on: 'on',
  approval_date: 'on',
  approved_date: 'on',
  date_approved: 'on',
};

/** How review frequencies are often written, as the cycle Attest knows. */
export const CYCLE_WORDS: Readonly<Record<string, string>> = {
  annual: 'annual', annually: 'annual', yearly: 'annual', year: 'annual', '12 months': 'annual', '1 year': 'annual',
  semiannual: 'semiannual', 'semi-annual': 'semiannual', semiannually: 'semiannual', 'semi-annually': 'semiannual', biannual: 'semiannual', biannually: 'semiannual', '6 months': 'semiannual',
  quarterly: 'quarterly', quarter: 'quarterly', '3 months': 'quarterly',
  monthly: 'monthly', month: 'monthly',
};
/** The evidence entry key of a note that no event occurred (`no-event: true`), which needs no `path` or `url`. */
export const NO_EVENT_KEY = 'no-event';
export const EVIDENCE_KEYS = ['name', 'path', 'url', 'collected', NO_EVENT_KEY] as const;
export { REVIEW_CYCLES };

export function fieldsFor(type: DocumentType | undefined): FieldSpec[] {
  return FIELDS.filter((f) => !f.types || (type !== undefined && f.types.includes(type)));
}

export const ID_PATTERN = /^[A-Z0-9]+(?:-[A-Z0-9]+)*$/;

/** A calendar date written as YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const date = new Date(Date.UTC(+match[1], +match[2] - 1, +match[3]));
  return date.getUTCFullYear() === +match[1] && date.getUTCMonth() === +match[2] - 1 && date.getUTCDate() === +match[3];
}

/** Whole days from `from` to `to` (both YYYY-MM-DD). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(to + 'T00:00:00Z') - Date.parse(from + 'T00:00:00Z')) / 86_400_000);
}

/**
 * How many days after today a date may lie and still be today somewhere: a date written in
 * a time zone ahead of the machine's is tomorrow here.
 */
export const FUTURE_SLACK_DAYS = 1;

/** Whether a YYYY-MM-DD date lies in the future, beyond the one day of time-zone slack. */
export function isFutureDate(date: string, today: string): boolean {
  return daysBetween(today, date) > FUTURE_SLACK_DAYS;
}
