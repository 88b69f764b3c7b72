import { DiagnosticSeverity, type Diagnostic as LspDiagnostic } from 'vscode-languageserver-types';
import type { Diagnostic, Severity } from '../core/types';
import { plainText } from './plainText';

const SEVERITY: Readonly<Record<Severity, DiagnosticSeverity>> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/**
 * A core diagnostic as LSP carries it; `data` goes along so that the quick fixes can read it
 * back. Messages go plain: the Problems panel does not render Markdown.
 */
export function toLspDiagnostic(d: Diagnostic): LspDiagnostic {
  return {
    range: d.range,
    severity: SEVERITY[d.severity],
    code: d.code,
    source: 'attest',
    message: plainText(d.message),
    ...(d.data ? { data: d.data } : {}),
    ...(d.related ? { relatedInformation: d.related.map((r) => ({ location: { uri: r.uri, range: r.range }, message: plainText(r.message) })) } : {}),
  };
}
