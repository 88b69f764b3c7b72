import type { DocumentRule, FixProvider, RuleInfo, WorkspaceRule } from './rule';
import { replaceBySuggestion } from '../fixes/replaceSuggestion';
import { yamlSyntax } from './yamlSyntax';
import { missingFrontmatter } from './missingFrontmatter';
import { documentTooLarge } from './documentTooLarge';
import { missingField } from './missingField';
import { unknownField } from './unknownField';
import { invalidValue } from './invalidValue';
import { unknownCriterion } from './unknownCriterion';
import { criterionSpelling } from './criterionSpelling';
import { valueSpelling } from './valueSpelling';
import { ownerIsPerson } from './ownerIsPerson';
import { outOfScopeCriterion } from './outOfScopeCriterion';
import { duplicateId } from './duplicateId';
import { unresolvedReference } from './unresolvedReference';
import { missingSection } from './missingSection';
import { emptySection } from './emptySection';
import { unfilledPlaceholder } from './unfilledPlaceholder';
import { missingMlAddendum } from './missingMlAddendum';
import { staleReview } from './staleReview';
import { evidenceNotFound } from './evidenceNotFound';
import { evidenceOverdue } from './evidenceOverdue';
import { evidenceGap } from './evidenceGap';
import { missingApproval, staleApproval } from './approval';
import { uncoveredCriterion, uncoveredMlTopic } from './uncoveredCriterion';
import { ignoredConfig } from './ignoredConfig';

/** Every rule that checks a document, in the order their findings are listed. */
export const DOCUMENT_RULES: readonly DocumentRule[] = [
  yamlSyntax,
  missingFrontmatter,
  documentTooLarge,
  missingField,
  unknownField,
  invalidValue,
  valueSpelling,
  ownerIsPerson,
  unknownCriterion,
  criterionSpelling,
  outOfScopeCriterion,
  duplicateId,
  unresolvedReference,
  missingSection,
  emptySection,
  missingMlAddendum,
  staleReview,
  evidenceNotFound,
  evidenceOverdue,
  evidenceGap,
  missingApproval,
  staleApproval,
  unfilledPlaceholder,
];

/** Rules over the whole workspace, reported on attest.yaml. */
export const WORKSPACE_RULES: readonly WorkspaceRule[] = [uncoveredCriterion, uncoveredMlTopic];

/**
 * Not a rule of its own: a suppression comment that gives no reason is reported, and not
 * applied; a code in it that is no rule's is reported with the nearest code.
 */
export const INVALID_SUPPRESSION: RuleInfo = { code: 'invalid-suppression', defaultSeverity: 'warning', fixes: [replaceBySuggestion], description: 'An `attest-ignore` comment without a reason (the reason is required), or naming a code that is no rule\'s.' };

export const ALL_RULE_INFO: readonly RuleInfo[] = [
  ...DOCUMENT_RULES,
  ...WORKSPACE_RULES,
  INVALID_SUPPRESSION,
  ignoredConfig,
];

export const RULE_CODES: ReadonlySet<string> = new Set(ALL_RULE_INFO.map((r) => r.code));

const RULES_BY_CODE = new Map(ALL_RULE_INFO.map((r) => [r.code, r]));

/** The quick fixes of a rule's findings, preferred first (none for an unknown code). */
export function fixesFor(code: string): readonly FixProvider[] {
  return RULES_BY_CODE.get(code)?.fixes ?? [];
}

/** The fix of a rule's findings that needs no choice, when the rule has one (see `RuleInfo.safeFix`). */
export function safeFixFor(code: string): FixProvider | undefined {
  return RULES_BY_CODE.get(code)?.safeFix;
}
