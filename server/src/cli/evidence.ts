import { CONFIG_FILE } from '../core/config';
import { FUTURE_SLACK_DAYS } from '../core/document/schema';
import { EVIDENCE_FORMATS, formatEvidenceList, type EvidenceFormat } from '../report/evidence';
import { evidenceListInput } from '../report/evidenceInput';
import { formatOf, mustBeFolder, parse, type Io } from './options';
import { writeOutput } from './output';
import { linkBase } from './paths';
import { CliError } from './usage';
import { openWorkspace } from './workspace';

const EXTENSION: Readonly<Record<EvidenceFormat, string>> = { csv: 'csv', markdown: 'md', json: 'json', html: 'html' };

/**
 * `attest evidence [dir] [--format csv|markdown|json|html] [--output FILE] [--today DATE]`:
 * the evidence request list of the audit attest.yaml names, one row per control and window.
 * Markdown by default, which reads in a terminal; csv is what trackers import.
 */
export async function evidenceCommand(args: readonly string[], io: Io, usage: string): Promise<number> {
  const { help, values, dir, today } = parse('evidence', args, { format: { type: 'string' }, output: { type: 'string', short: 'o' } });
  if (help) return (io.out(usage), 0);
  const format = formatOf(values.format ?? 'markdown', EVIDENCE_FORMATS) as EvidenceFormat;
  mustBeFolder(dir);
  const index = await openWorkspace(dir, today);
  const input = evidenceListInput(index);
  if (!input) throw new CliError(`No audit to list evidence for: add \`audit: { type: 2, period: { start: YYYY-MM-DD, end: YYYY-MM-DD } }\` (or \`{ type: 1, date: YYYY-MM-DD }\`) to ${CONFIG_FILE}.`);
  const output = values.output as string | undefined;
  const text = formatEvidenceList(input, format, { futureSlackDays: FUTURE_SLACK_DAYS, ...(output ? { linkBase: linkBase(output, dir) } : {}) });
  if (output) {
    writeOutput(output, text, EXTENSION[format]);
    io.err(`Wrote ${output}\n`);
  } else io.out(text);
  return 0;
}
