import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { AttestConfig } from './config';
import { nearestNames } from './data/criteria';
import type { AttestDocument, DocumentSuppression } from './document/model';
import { ALL_RULE_INFO, DOCUMENT_RULES, INVALID_SUPPRESSION, RULE_CODES, WORKSPACE_RULES } from './rules';
import type { RuleContext, WorkspaceFacts } from './rules/rule';
import { hasPlaceholder } from './placeholders';
import type { Diagnostic, Finding, Severity } from './types';

const DEFAULT_SEVERITY = new Map<string, Severity>(ALL_RULE_INFO.map((r) => [r.code, r.defaultSeverity]));

/** The severity a finding is shown with: attest.yaml's setting, else the rule's default; undefined when off. */
export function severityOf(config: AttestConfig, finding: Finding, comply: boolean): Severity | undefined {
  const configured = config.severities.get(finding.code);
  if (configured === 'off') return undefined;
  const severity = configured ?? finding.severity ?? DEFAULT_SEVERITY.get(finding.code) ?? 'warning';
  // Attest's stricter rules are only information on comply documents (SPEC §2).
  return comply && finding.strict && (severity === 'error' || severity === 'warning') ? 'information' : severity;
}

/** Diagnostics in the order every front end lists them: by position, then code. */
export function sortDiagnostics<T extends Diagnostic>(diagnostics: T[]): T[] {
  return diagnostics.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || a.code.localeCompare(b.code));
}

/** Runs every document rule, then applies severities and `attest-ignore` comments. */
export function diagnoseDocument(doc: AttestDocument, ctx: RuleContext): Diagnostic[] {
  const findings: Finding[] = [];
  for (const rule of DOCUMENT_RULES) {
    for (const f of rule.check(doc, ctx)) findings.push(rule.strict && f.strict === undefined ? { ...f, strict: true } : f);
  }
  const suppressed = new Set<string>();
  for (const s of doc.suppressions) {
    findings.push(...checkSuppression(s));
    // A reason that is still template text excuses nothing (unfilled-placeholder says so).
    if (s.reason && !hasPlaceholder(s.reason)) s.codes.forEach((c) => suppressed.add(c.value));
  }
  const result: Diagnostic[] = [];
  for (const f of findings) {
    if (suppressed.has(f.code)) continue;
    const severity = severityOf(ctx.config, f, doc.dialect === 'comply');
    if (severity) result.push({ ...withReplacedText(f, doc.text), severity });
  }
  return sortDiagnostics(result);
}

/** A finding with a replacement carries the text it replaces (see `FindingData.text`). */
function withReplacedText(f: Finding, text: TextDocument | undefined): Finding {
  if (!f.data?.replacement || !text) return f;
  return { ...f, data: { ...f.data, text: text.getText(f.range) } };
}

/**
 * What is wrong with an `attest-ignore` comment: a code that is no rule's (on the code, with
 * the nearest code suggested), and a missing reason (on the comment, which is then not applied).
 */
function checkSuppression(s: DocumentSuppression): Finding[] {
  const found: Finding[] = [];
  for (const code of s.codes) {
    if (RULE_CODES.has(code.value)) continue;
    const near = nearestNames(code.value.toLowerCase(), RULE_CODES, 4)[0];
    found.push({
      code: INVALID_SUPPRESSION.code,
      range: code.range,
      message: `\`${code.value}\` is not a rule code, so this attest-ignore comment suppresses nothing for it: ${near ? `did you mean \`${near}\`?` : 'use the code shown with the diagnostic, e.g. `missing-section`.'}`,
      ...(near ? { data: { replacement: near } } : {}),
    });
  }
  if (!s.reason) {
    found.push({
      code: INVALID_SUPPRESSION.code,
      range: s.range,
      message: `This attest-ignore comment gives no reason, so it is not applied: write \`<!-- attest-ignore ${s.codes.map((c) => c.value).join(', ')}: why this does not apply -->\`.`,
    });
  }
  return found;
}

/** Workspace findings on attest.yaml: its own problems and the workspace rules. */
export function diagnoseWorkspace(ctx: RuleContext, facts: WorkspaceFacts, configFindings: readonly Finding[]): Diagnostic[] {
  const findings = [...configFindings, ...WORKSPACE_RULES.flatMap((rule) => rule.check(ctx, facts))];
  const result: Diagnostic[] = [];
  for (const f of findings) {
    const severity = severityOf(ctx.config, f, false);
    if (severity) result.push({ ...withReplacedText(f, ctx.config.file?.text), severity });
  }
  return sortDiagnostics(result);
}
