import * as fs from 'fs';
import { CONFIG_FILE } from '../core/config';
import { isIsoDate } from '../core/document/schema';
import { formatDiagnosticLine } from '../report/checkText';
import { configBroken, configProblemReport } from '../report/report';
import { SOA_FORMATS, SOA_FRAMEWORKS, type SoaFormat } from '../report/soa';
import { renderSoa } from '../report/soaRender';
import { parseCommandArgs } from './args';
import { writeOutput } from './output';
import { linkBase, shownPath } from './paths';
import { UsageError } from './usage';
import { openWorkspace } from './workspace';

/** The lines of `attest --help` for this command. */
export const SOA_USAGE = `  soa [dir]        Write the Statement of Applicability of an ISO framework
      --framework iso42001|iso27001          (required)
      --format csv|markdown|html  (default: markdown)
      --output FILE               write to FILE instead of standard output
`;

interface Io {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

const EXTENSION: Readonly<Record<SoaFormat, string>> = { csv: 'csv', markdown: 'md', html: 'html' };

function oneOf<T extends string>(option: string, value: string | true | undefined, allowed: readonly T[], fallback?: T): T {
  const given = typeof value === 'string' ? value : fallback;
  const list = `${allowed.slice(0, -1).join(', ')} or ${allowed[allowed.length - 1]}`;
  if (given === undefined) throw new UsageError(`\`attest soa\` needs \`${option}\`: ${list}.`);
  if (!(allowed as readonly string[]).includes(given)) throw new UsageError(`\`${option}\` takes ${list}, not \`${given}\`.`);
  return given as T;
}

/**
 * `attest soa [dir] --framework iso42001|iso27001 [--format csv|markdown|html] [--output FILE]`:
 * every Annex A control, applicable or not with the reason, its status and its documents.
 */
export async function soa(args: readonly string[], io: Io, usage: string): Promise<number> {
  const { values, positionals } = parseCommandArgs('soa', args, {
    framework: { type: 'string' },
    format: { type: 'string' },
    output: { type: 'string', short: 'o' },
    today: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) return (io.out(usage), 0);
  if (positionals.length > 1) throw new UsageError(`\`attest soa\` takes one folder, not ${positionals.length}.`);
  const dir = positionals[0] ?? '.';
  const framework = oneOf('--framework', values.framework, SOA_FRAMEWORKS);
  const format = oneOf('--format', values.format, SOA_FORMATS, 'markdown');
  const today = values.today;
  if (today !== undefined && (typeof today !== 'string' || !isIsoDate(today))) throw new UsageError(`\`--today\` takes a date written YYYY-MM-DD, not \`${String(today)}\`.`);
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) throw new UsageError(`\`${dir}\` is not a folder.`);
  const index = await openWorkspace(dir, today);
  const output = typeof values.output === 'string' ? values.output : undefined;
  const text = renderSoa(index, framework, format, output ? { linkBase: linkBase(output, dir) } : {}) ?? '';
  for (const d of configProblemReport(index)) io.err(formatDiagnosticLine({ ...d, file: shownPath(dir, d.file) }, false) + '\n');
  if (!index.frameworks.isEnabled(framework)) io.err(`attest: ${framework} is not turned on in ${shownPath(dir, CONFIG_FILE)}; the statement reads its claims anyway. Add it to \`frameworks\` to have them checked.\n`);
  if (output) {
    writeOutput(output, text, EXTENSION[format]);
    io.err(`Wrote ${output}\n`);
  } else io.out(text);
  return configBroken(index) ? 2 : 0;
}
