import { ALL_RULE_INFO } from '../core/rules';
import type { CheckReport } from './report';

const LEVEL = { error: 'error', warning: 'warning', information: 'note', hint: 'note' } as const;

/** Where the files of a SARIF log are: both file URLs of folders, ending in `/`. */
export interface SarifLocations {
  /** The checked folder, which the report's paths are relative to. */
  readonly root: string;
  /** The folder SRCROOT stands for: where the command runs, normally the repository root in CI. */
  readonly srcRoot: string;
}

/**
 * A file's artifact location: relative to SRCROOT when inside it (what code scanning
 * resolves against the repository), else its absolute file URL with no base.
 */
function artifactLocation(file: string, where: SarifLocations): { uri: string; uriBaseId?: string } {
  const uri = new URL(file.split('/').map(encodeURIComponent).join('/'), where.root).href;
  return withLowerDrive(uri).startsWith(withLowerDrive(where.srcRoot)) ? { uri: uri.slice(where.srcRoot.length), uriBaseId: 'SRCROOT' } : { uri };
}

/** `file:///c:/repo` for `file:///C:/repo`: a Windows drive letter names one drive in either case. */
function withLowerDrive(url: string): string {
  return url.replace(/^file:\/\/\/([A-Za-z]):/, (_, letter: string) => `file:///${letter.toLowerCase()}:`);
}

/** SARIF 2.1.0, which code-scanning dashboards read. */
export function formatSarif(report: CheckReport, version: string, where: SarifLocations): string {
  const rules = ALL_RULE_INFO.map((r) => ({ id: r.code, shortDescription: { text: r.description }, defaultConfiguration: { level: LEVEL[r.defaultSeverity] ?? 'warning' } }));
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'Attest', version, rules } },
        originalUriBaseIds: { SRCROOT: { uri: where.srcRoot } },
        results: report.diagnostics.map((d) => ({
          ruleId: d.code,
          ruleIndex: rules.findIndex((r) => r.id === d.code),
          level: LEVEL[d.severity],
          message: { text: d.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: artifactLocation(d.file, where),
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
