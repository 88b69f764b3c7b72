import { ALL_RULE_INFO } from '../core/rules';
import type { CheckReport } from './report';

const LEVEL = { error: 'error', warning: 'warning', information: 'note', hint: 'note' } as const;

/** SARIF 2.1.0, which code-scanning dashboards read. */
export function formatSarif(report: CheckReport, version: string): string {
  const rules = ALL_RULE_INFO.map((r) => ({ id: r.code, shortDescription: { text: r.description }, defaultConfiguration: { level: LEVEL[r.defaultSeverity] ?? 'warning' } }));
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'Attest', version, rules } },
        results: report.diagnostics.map((d) => ({
          ruleId: d.code,
          ruleIndex: rules.findIndex((r) => r.id === d.code),
          level: LEVEL[d.severity],
          message: { text: d.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: d.file, uriBaseId: 'SRCROOT' },
                region: { startLine: d.line, startColumn: d.column, endLine: d.endLine, endColumn: d.endColumn },
              },
            },
          ],
        })),
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}
