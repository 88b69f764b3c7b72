import { CONFIG_FILE } from '../core/config';
import { formatDiagnosticLine } from '../report/checkText';
import { configBroken, configProblemReport } from '../report/report';
import { SOA_FORMATS, SOA_FRAMEWORKS, type SoaFormat } from '../report/soa';
import { renderSoa } from '../report/soaRender';
import { formatOf, mustBeFolder, parse, type Io } from './options';
import { writeOutput } from './output';
import { linkBase, shownPath } from './paths';
import { UsageError } from './usage';
import { openWorkspace } from './workspace';

const EXTENSION: Readonly<Record<SoaFormat, string>> = { csv: 'csv', markdown: 'md', html: 'html' };

/** The framework `--framework` names: required, and one with an Annex A. */
function frameworkOf(value: string | true | undefined): (typeof SOA_FRAMEWORKS)[number] {
  const list = `${SOA_FRAMEWORKS.slice(0, -1).join(', ')} or ${SOA_FRAMEWORKS[SOA_FRAMEWORKS.length - 1]}`;
  if (typeof value !== 'string') throw new UsageError(`\`attest soa\` needs \`--framework\`: ${list}.`);
  const framework = SOA_FRAMEWORKS.find((f) => f === value);
  if (!framework) throw new UsageError(`\`--framework\` takes ${list}, not \`${value}\`.`);
  return framework;
}

/**
 * `attest soa [dir] --framework iso42001|iso27001 [--format csv|markdown|html] [--output FILE]`:
 * every Annex A control, applicable or not with the reason, its status and its documents.
 * Markdown by default, which reads in a terminal.
 */
export async function soa(args: readonly string[], io: Io, usage: string): Promise<number> {
  const { help, values, dir, today } = parse('soa', args, { framework: { type: 'string' }, format: { type: 'string' }, output: { type: 'string', short: 'o' } });
  if (help) return (io.out(usage), 0);
  const framework = frameworkOf(values.framework);
  const format = formatOf(values.format ?? 'markdown', SOA_FORMATS) as SoaFormat;
  mustBeFolder(dir);
  const index = await openWorkspace(dir, today);
  const output = values.output as string | undefined;
  const text = renderSoa(index, framework, format, output ? { linkBase: linkBase(output, dir) } : {}) ?? '';
  for (const d of configProblemReport(index)) io.err(formatDiagnosticLine({ ...d, file: shownPath(dir, d.file) }, false) + '\n');
  if (!index.frameworks.isEnabled(framework)) io.err(`attest: ${framework} is not turned on in ${shownPath(dir, CONFIG_FILE)}; the statement reads its claims anyway. Add it to \`frameworks\` to have them checked.\n`);
  if (output) {
    writeOutput(output, text, EXTENSION[format]);
    io.err(`Wrote ${output}\n`);
  } else io.out(text);
  return configBroken(index) ? 2 : 0;
}
