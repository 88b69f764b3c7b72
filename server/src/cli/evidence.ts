import * as fs from 'fs';
import { CONFIG_FILE } from '../core/config';
import { FUTURE_SLACK_DAYS, isIsoDate } from '../core/document/schema';
import { EVIDENCE_FORMATS, formatEvidenceList, type EvidenceFormat } from '../report/evidence';
import { evidenceListInput } from '../report/evidenceInput';
import { parseCommandArgs } from './args';
import { writeOutput } from './output';
import { linkBase } from './paths';
import { CliError, UsageError } from './usage';
import { openWorkspace } from './workspace';

interface Io {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

const EXTENSION: Readonly<Record<EvidenceFormat, string>> = { csv: 'csv', markdown: 'md', json: 'json', html: 'html' };

/**
 * `attest evidence [dir] [--format csv|markdown|json|html] [--output FILE] [--today DATE]`:
 * the evidence request list of the audit attest.yaml names, one row per control and window.
 * Markdown by default, which reads in a terminal; csv is what trackers import.
 */
export async function evidenceCommand(args: readonly string[], io: Io, usage: string): Promise<number> {
  const { values, positionals } = parseCommandArgs('evidence', args, {
    format: { type: 'string' },
    output: { type: 'string', short: 'o' },
    today: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) return (io.out(usage), 0);
  if (positionals.length > 1) throw new UsageError(`\`attest evidence\` takes one folder, not ${positionals.length}: ${positionals.map((p) => `\`${p}\``).join(' ')}.`);
  const format = (values.format as string | undefined) ?? 'markdown';
  if (!(EVIDENCE_FORMATS as readonly string[]).includes(format)) throw new UsageError(`\`--format\` takes ${EVIDENCE_FORMATS.slice(0, -1).join(', ')} or ${EVIDENCE_FORMATS[EVIDENCE_FORMATS.length - 1]}, not \`${format}\`.`);
  const today = values.today as string | undefined;
  if (today !== undefined && !isIsoDate(today)) throw new UsageError(`\`--today\` takes a date written YYYY-MM-DD, not \`${today}\`.`);
  const dir = positionals[0] ?? '.';
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) throw new UsageError(`\`${dir}\` is not a folder.`);
  const index = await openWorkspace(dir, today);
  const input = evidenceListInput(index);
  if (!input) throw new CliError(`No audit to list evidence for: add \`audit: { type: 2, period: { start: YYYY-MM-DD, end: YYYY-MM-DD } }\` (or \`{ type: 1, date: YYYY-MM-DD }\`) to ${CONFIG_FILE}.`);
  const output = values.output as string | undefined;
  const text = formatEvidenceList(input, format as EvidenceFormat, { futureSlackDays: FUTURE_SLACK_DAYS, ...(output ? { linkBase: linkBase(output, dir) } : {}) });
  if (output) {
    writeOutput(output, text, EXTENSION[format as EvidenceFormat]);
    io.err(`Wrote ${output}\n`);
  } else io.out(text);
  return 0;
}
