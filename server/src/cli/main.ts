import * as path from 'path';
import { ATTEST_VERSION } from '../shared/version';
import { plural } from '../core/words';
import { startServer } from '../lsp/server';
import { parseCommandArgs } from './args';
import { check, coverage } from './check';
import { USAGE } from './help';
import { importCommand } from './import';
import { initWorkspace } from './init';
import { evidenceCommand } from './evidence';
import { packageCommand } from './auditPackage';
import { soa } from './soa';
import { HELP, folderOf, type Io } from './options';
import { CliError, UsageError } from './usage';

export type { Io } from './options';

export const VERSION = ATTEST_VERSION;

export async function main(argv: readonly string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '-h' || command === '--help' || command === 'help') {
    (command ? io.out : io.err)(USAGE);
    return command ? 0 : 2;
  }
  if (command === '-v' || command === '--version') {
    io.out(`${VERSION}\n`);
    return 0;
  }
  try {
    switch (command) {
      case 'check':
        return await check(rest, io);
      case 'coverage':
        return await coverage(rest, io);
      case 'evidence':
        return await evidenceCommand(rest, io, USAGE);
      case 'soa':
        return await soa(rest, io, USAGE);
      case 'package':
        return await packageCommand(rest, io, USAGE);
      case 'init':
        return init(rest, io);
      case 'import':
        return await importCommand(rest, io);
      case 'lsp':
        if (rest.includes('-h') || rest.includes('--help')) return (io.out(USAGE), 0);
        // The connection reads its transport from the process arguments itself; without one it would throw.
        if (!hasTransport(rest)) throw new CliError('`attest lsp` needs `--stdio` (what editors use); `--node-ipc`, `--socket=PORT` and `--pipe=NAME` work too.');
        startServer();
        return new Promise<number>(() => undefined);
      default:
        throw new UsageError(`Unknown command \`${command}\`.`);
    }
  } catch (error) {
    if (error instanceof CliError) {
      io.err(`attest: ${error.message}\n${error instanceof UsageError ? 'Run `attest --help` for usage.\n' : ''}`);
      return 2;
    }
    throw error;
  }
}

/** The transports vscode-languageserver reads from the command line; a socket needs a port number. */
function hasTransport(args: readonly string[]): boolean {
  const port = /^[1-9]\d{0,4}$/;
  return args.some(
    (a, i) =>
      a === '--stdio' ||
      a === '--node-ipc' ||
      /^--pipe=./.test(a) ||
      (a === '--pipe' && args[i + 1] !== undefined) ||
      (a.startsWith('--socket=') && port.test(a.slice('--socket='.length))) ||
      (a === '--socket' && port.test(args[i + 1] ?? '')),
  );
}

function init(args: readonly string[], io: Io): number {
  const { values, positionals } = parseCommandArgs('init', args, { only: { type: 'string' }, force: { type: 'boolean' }, organization: { type: 'string' }, help: HELP });
  if (values.help) return (io.out(USAGE), 0);
  const dir = folderOf('init', positionals);
  const only = (values.only as string | undefined)?.split(',').map((s) => s.trim()).filter(Boolean);
  const organization = values.organization as string | undefined;
  const result = initWorkspace(dir, { only, force: values.force === true, ...(organization ? { organization } : {}) });
  for (const file of result.written) io.out(`created ${path.join(dir, file)}\n`);
  for (const file of result.skipped) io.err(`kept ${path.join(dir, file)} (exists; --force overwrites)\n`);
  if (result.required.length > 0) {
    io.out(`\nAlso copied the ${plural(result.required.length, 'document')} that the chosen ones belong to (their \`policy\` or \`extends\`).\n`);
  }
  if (result.unlinked.length > 0) {
    io.out(`Links to documents left out became plain text in ${plural(result.unlinked.length, 'file')}.\n`);
  }
  const drafts = result.written.some((f) => f.endsWith('.md')) ? ', every document a draft: adopt each (edit it, then set `status: approved`) and it counts' : '';
  io.out(`\n${plural(result.written.length, 'file')} written${drafts}. Next: attest coverage ${dir}\n`);
  return 0;
}
