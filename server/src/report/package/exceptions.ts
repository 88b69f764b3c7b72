import type { Coverage } from '../../core/coverage';
import { plural } from '../../core/words';
import { anchorOf, esc } from '../html/escape';
import { exceptionsSection } from '../html/exceptions';
import type { ReportedDiagnostic } from '../report';

/** An `attest-ignore` comment of a document: the findings its owner accepted, and why. */
export interface AcceptedFinding {
  readonly relPath: string;
  readonly codes: readonly string[];
  readonly reason: string;
}

/**
 * The exceptions: criteria and framework items declared not applicable (the coverage report's
 * list, with the framework items added), and the findings documents accept with a reason.
 */
export function exceptionsHtml(coverage: Coverage, accepted: readonly AcceptedFinding[], documentHref: (relPath: string) => string | undefined): string[] {
  const lines = exceptionsSection(coverage.criteria);
  const more: string[] = [];
  for (const f of coverage.frameworks ?? []) {
    const excepted = f.items.filter((i) => i.status === 'excepted');
    if (excepted.length === 0) continue;
    more.push(`<h3>${esc(f.name)}: ${plural(excepted.length, 'item')} not applicable</h3>`, '<ul class="exceptions">');
    for (const i of excepted) {
      more.push(`<li><a class="crit-id mono" href="#${esc(anchorOf(`fw-${f.id}`, i.id))}">${esc(i.id)}</a> ${i.title ? `<span class="cat">${esc(i.title)}</span>` : ''}<br>Not applicable: ${esc(i.reason ?? '')}</li>`);
    }
    more.push('</ul>');
  }
  if (accepted.length > 0) {
    more.push('<h3>Findings accepted in documents</h3>', `<p class="note">Each is an <code>attest-ignore</code> comment with its reason; the finding it names is not reported for that document.</p>`, '<ul class="findings">');
    for (const a of accepted) {
      more.push(`<li class="suppressed">${where(a.relPath, undefined, documentHref)}<span class="code">${esc(a.codes.join(', '))}</span><br>${a.reason ? esc(a.reason) : '<span class="none">no reason given, so nothing is accepted</span>'}</li>`);
    }
    more.push('</ul>');
  }
  lines.splice(lines.length - 1, 0, ...more);
  return lines;
}

/**
 * What `attest check` finds on the day the package is made, errors and warnings, each with what
 * to do about it (every message says), so that gaps are remedied or explained before the audit.
 */
export function findingsHtml(diagnostics: readonly ReportedDiagnostic[], documentHref: (relPath: string) => string | undefined): string[] {
  const open = diagnostics.filter((d) => d.severity === 'error' || d.severity === 'warning');
  const information = diagnostics.length - open.length;
  const out = ['<section aria-labelledby="findings-h">', '<h2 id="findings-h">Open findings and remediation</h2>'];
  const also = information > 0 ? ` ${plural(information, 'note')} of information (approvals, scope) ${information === 1 ? 'is' : 'are'} left out; <code>attest check</code> lists ${information === 1 ? 'it' : 'them'}.` : '';
  if (open.length === 0) {
    out.push(`<p class="note">No errors or warnings.${also}</p>`, '</section>');
    return out;
  }
  const errors = open.filter((d) => d.severity === 'error').length;
  const counts = [errors > 0 ? plural(errors, 'error') : undefined, open.length > errors ? plural(open.length - errors, 'warning') : undefined].filter((c) => c !== undefined).join(' and ');
  out.push(`<p class="note">${counts}, each with what to do: evidence gaps to collect, documents to complete.${also}</p>`, '<ul class="findings">');
  for (const d of open) {
    out.push(`<li class="sev-${d.severity}">${where(d.file, d.line, documentHref)}<span class="code">${esc(d.code)} · ${d.severity}</span><br>${esc(d.message)}</li>`);
  }
  out.push('</ul>', '</section>');
  return out;
}

function where(relPath: string, line: number | undefined, documentHref: (relPath: string) => string | undefined): string {
  const text = esc(`${relPath}${line === undefined ? '' : `:${line}`}`);
  const href = documentHref(relPath);
  return href ? `<a class="where" href="${esc(href)}">${text}</a>` : `<span class="where">${text}</span>`;
}
