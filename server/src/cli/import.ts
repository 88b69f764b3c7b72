import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { importWorkspace } from '../features/importWorkspace';
import { loadBundledData } from '../node/bundledData';
import { FileSystemHost } from '../node/fileSystemHost';
import { plural } from '../core/words';
import { parseCommandArgs } from './args';
import { USAGE } from './help';
import { HELP, folderOf, type Io } from './options';

/**
 * `attest import [dir] [--dry-run]`: brings a comply or other frontmatter repository to
 * Attest's format in place, saying what it changed in each file (SPEC §10).
 */
export async function importCommand(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs('import', args, { 'dry-run': { type: 'boolean' }, today: { type: 'string' }, help: HELP });
  if (values.help) return (io.out(USAGE), 0);
  const dir = path.resolve(folderOf('import', positionals));
  const host = new FileSystemHost(dir);
  const files = new Map<string, string>();
  for (const rel of await host.listFiles()) {
    if (!/\.(md|ya?ml)$/i.test(rel)) continue;
    const text = await host.readFile(rel);
    if (text !== undefined) files.set(rel, text);
  }
  const today = values.today as string | undefined;
  const changes = await importWorkspace(files, loadBundledData(), pathToFileURL(dir).toString(), today);
  const dryRun = values['dry-run'] === true;
  for (const change of changes) {
    io.out(`${dryRun ? 'would change' : 'changed'} ${path.join(folderOf('import', positionals), change.relPath)}: ${change.what.join('; ')}\n`);
    if (!dryRun) fs.writeFileSync(path.join(dir, ...change.relPath.split('/')), change.text);
  }
  const shown = folderOf('import', positionals);
  if (changes.length === 0) io.out("Nothing to import: every document is in Attest's format.\n");
  else if (dryRun) io.out(`\n${plural(changes.length, 'file')} would change (dry run: nothing written). Run without --dry-run to convert.\n`);
  else io.out(`\n${plural(changes.length, 'file')} changed. Next: attest check ${shown}\n`);
  return 0;
}
