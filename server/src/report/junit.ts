import type { Severity } from '../core/types';
import { formatDiagnosticLine } from './checkText';
import type { CheckReport, ReportedDiagnostic } from './report';

export interface JunitOptions {
  /** Every document checked, as the report names files: a document without findings is a passing test. */
  readonly documents: readonly string[];
  /**
   * The severities that fail a test, so that the test report agrees with the exit code:
   * errors, and warnings too once there are more than `--max-warnings` allows.
   */
  readonly failing: ReadonlySet<Severity>;
}

/** Characters XML 1.0 cannot hold at all, even escaped; a message quoting a binary file may have them. */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function escapeXmlText(text: string): string {
  return text.replace(NOT_XML, '\uFFFD').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** An attribute value; line ends and tabs as references, since a parser turns raw ones into spaces. */
export function escapeXmlAttribute(text: string): string {
  return escapeXmlText(text).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}

function element(name: string, attributes: Readonly<Record<string, string | number>>, children?: readonly string[] | string): string {
  const attrs = Object.entries(attributes)
    .map(([key, value]) => ` ${key}="${escapeXmlAttribute(String(value))}"`)
    .join('');
  if (children === undefined || children.length === 0) return `<${name}${attrs}/>`;
  if (typeof children === 'string') return `<${name}${attrs}>${escapeXmlText(children)}</${name}>`;
  return `<${name}${attrs}>\n${children.map((c) => indent(c)).join('\n')}\n</${name}>`;
}

function indent(text: string): string {
  return text.replace(/^(?= *<)/gm, '  ');
}

/**
 * ESLint's habit for the class name: the path without its extension, because Jenkins reads
 * the last dot of a class name as the start of the class (`policies/access.md` would be class `md`).
 */
function className(file: string): string {
  return file.replace(/\.[^./\\]*$/, '');
}

function testcase(d: ReportedDiagnostic, failing: ReadonlySet<Severity>): string {
  const attributes = { classname: className(d.file), name: `${d.code} at ${d.line}:${d.column}`, file: d.file, time: 0 };
  const line = formatDiagnosticLine(d, false);
  return failing.has(d.severity)
    ? element('testcase', attributes, [element('failure', { message: d.message, type: d.code }, line)])
    : element('testcase', attributes, [element('system-out', {}, line)]);
}

/**
 * JUnit XML as GitLab, Jenkins and Azure Pipelines read it: a test suite per file, named by
 * its path, with a test per finding (a failure when its severity fails the check) or, for a
 * document without findings, one passing test, so that the count of documents shows.
 */
export function formatJunit(report: Pick<CheckReport, 'diagnostics'>, options: JunitOptions): string {
  const byFile = new Map<string, ReportedDiagnostic[]>();
  for (const file of options.documents) byFile.set(file, []);
  for (const d of report.diagnostics) byFile.set(d.file, [...(byFile.get(d.file) ?? []), d]);
  let tests = 0;
  let failures = 0;
  const suites = [...byFile.keys()]
    .sort((a, b) => a.localeCompare(b))
    .map((file) => {
      const found = byFile.get(file) ?? [];
      const cases = found.length > 0 ? found.map((d) => testcase(d, options.failing)) : [element('testcase', { classname: className(file), name: 'no problems', file, time: 0 })];
      const failed = found.filter((d) => options.failing.has(d.severity)).length;
      tests += cases.length;
      failures += failed;
      return element('testsuite', { name: file, tests: cases.length, failures: failed, errors: 0, skipped: 0, time: 0 }, cases);
    });
  const root = element('testsuites', { name: 'attest check', tests, failures, errors: 0, time: 0 }, suites);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${root}\n`;
}
