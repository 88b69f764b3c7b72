import type { AttestConfig } from './config';
import type { AttestDocument } from './document/model';
import { ALL_RULE_INFO, DOCUMENT_RULES, INVALID_SUPPRESSION, WORKSPACE_RULES } from './rules';
import type { RuleContext, WorkspaceFacts } from './rules/rule';
import type { Diagnostic, Finding, Severity } from './types';

const DEFAULT_SEVERITY = new Map<string, Severity>(ALL_RULE_INFO.map((r) => [r.code, r.defaultSeverity]));

/** The severity a finding is shown with: attest.yaml's setting, else the rule's default; undefined when off. */
export function severityOf(config: AttestConfig, finding: Finding, comply: boolean): Severity | undefined {
  const configured = config.severities.get(finding.code);
  if (configured === 'off') return undefined;
  const severity = configured ?? DEFAULT_SEVERITY.get(finding.code) ?? 'warning';
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
    if (s.reason) s.codes.forEach((c) => suppressed.add(c));
    else {
      findings.push({
        code: INVALID_SUPPRESSION.code,
        range: s.range,
        message: `This attest-ignore comment gives no reason, so it is not applied: write \`<!-- attest-ignore ${s.codes.join(', ')}: why this does not apply -->\`.`,
      });
    }
  }
  const result: Diagnostic[] = [];
  for (const f of findings) {
    if (suppressed.has(f.code)) continue;
    const severity = severityOf(ctx.config, f, doc.dialect === 'comply');
    if (severity) result.push({ ...f, severity });
  }
  return sortDiagnostics(result);
}

/** Workspace findings on attest.yaml: its own problems and the workspace rules. */
export function diagnoseWorkspace(ctx: RuleContext, facts: WorkspaceFacts, configFindings: readonly Finding[]): Diagnostic[] {
  const findings = [...configFindings, ...WORKSPACE_RULES.flatMap((rule) => rule.check(ctx, facts))];
  const result: Diagnostic[] = [];
  for (const f of findings) {
    const severity = severityOf(ctx.config, f, false);
    if (severity) result.push({ ...f, severity });
  }
  return sortDiagnostics(result);
}
