import * as vscode from 'vscode';
import { REVEAL_COVERAGE_COMMAND, REVEAL_EDIT_COMMAND } from '../../../server/src/shared/commands';
import type { CoverageFilter } from '../coverageTree';
import type { Services } from '../services';
import { exportCoverageCommand } from './exportCoverage';
import { exportEvidenceCommand } from './exportEvidence';
import { exportSoaCommand } from './exportSoa';
import { initCommand } from './init';
import { gapOf, newDocumentCommand } from './newDocument';
import { revealEditCommand } from './revealEdit';
import { revealCoverage } from './reveal';
import { showCriteriaCommand } from './showCriteria';

/** Every command the extension contributes (package.json `contributes.commands`). */
export const COMMANDS = [
  'attest.newDocument',
  'attest.newControlFor',
  'attest.exportCoverage',
  'attest.exportEvidence',
  'attest.exportSoa',
  'attest.init',
  'attest.showCriteria',
  'attest.restartServer',
  REVEAL_COVERAGE_COMMAND,
  'attest.refreshCoverage',
  'attest.filter.uncovered',
  'attest.filter.uncoveredActive',
  'attest.filter.mlGaps',
  'attest.filter.mlGapsActive',
  'attest.filter.all',
] as const;

export function registerCommands(services: Services): vscode.Disposable[] {
  const report = (name: string) => (error: unknown) => {
    services.client.output.error(`${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    void vscode.window.showErrorMessage(`Attest: ${error instanceof Error ? error.message : String(error)}`);
  };
  const command = (id: (typeof COMMANDS)[number], run: (...args: unknown[]) => unknown) =>
    vscode.commands.registerCommand(id, async (...args: unknown[]) => {
      try {
        return await run(...args);
      } catch (error) {
        report(id)(error);
        return undefined;
      }
    });
  const filter = (value: CoverageFilter) => () => {
    services.tree.setFilter(value);
    return vscode.commands.executeCommand('attest.coverage.focus');
  };
  return [
    command('attest.newDocument', (arg) => newDocumentCommand(services, arg)),
    command('attest.newControlFor', (arg) => newDocumentCommand(services, arg, gapOf(arg) ?? {})),
    command('attest.exportCoverage', (arg) => exportCoverageCommand(services, arg)),
    command('attest.exportEvidence', (arg) => exportEvidenceCommand(services, arg)),
    command('attest.exportSoa', (arg) => exportSoaCommand(services, arg)),
    command('attest.init', (arg) => initCommand(services, arg)),
    command('attest.showCriteria', () => showCriteriaCommand(services)),
    command('attest.restartServer', async () => {
      await services.client.restart();
      void vscode.window.setStatusBarMessage('$(check) Attest language server restarted', 3000);
    }),
    command(REVEAL_COVERAGE_COMMAND, (arg) => revealCoverage(services, arg)),
    command('attest.refreshCoverage', async () => {
      await services.ensureServer();
      await services.client.refreshCoverage();
    }),
    command('attest.filter.uncovered', filter('uncovered')),
    command('attest.filter.uncoveredActive', filter('all')),
    command('attest.filter.mlGaps', filter('mlGaps')),
    command('attest.filter.mlGapsActive', filter('all')),
    command('attest.filter.all', filter('all')),
    // Run by quick fixes after their edit, not from the palette: not contributed.
    vscode.commands.registerCommand(REVEAL_EDIT_COMMAND, (arg: unknown) => revealEditCommand(arg).catch(report(REVEAL_EDIT_COMMAND))),
  ];
}
