import * as fs from 'fs';
import * as path from 'path';
import { UsageError } from './usage';

export const LIBRARY_PARTS = ['policies', 'addenda', 'controls', 'procedures'] as const;

/** The bundled starter library (`policies/` of the repository or the installed extension). */
export function findLibrary(start = __dirname): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'policies');
    if (fs.existsSync(path.join(candidate, 'attest.yaml'))) return candidate;
    if (path.dirname(dir) === dir) throw new Error(`The starter library (policies/attest.yaml) was not found above ${start}`);
  }
}

function filesUnder(dir: string, rel = ''): string[] {
  return fs.readdirSync(path.join(dir, rel), { withFileTypes: true }).flatMap((entry) => {
    const child = rel ? `${rel}/${entry.name}` : entry.name;
    return entry.isDirectory() ? filesUnder(dir, child) : [child];
  });
}

/**
 * Copies attest.yaml and the starter library (or the chosen parts of it) into `dir`.
 * Existing files are kept unless `force`: init never loses a user's text.
 */
export function initWorkspace(dir: string, options: { only?: readonly string[]; force?: boolean; library?: string } = {}): { written: string[]; skipped: string[] } {
  const library = options.library ?? findLibrary();
  const parts = options.only ?? LIBRARY_PARTS;
  for (const part of parts) {
    if (!(LIBRARY_PARTS as readonly string[]).includes(part)) throw new UsageError(`--only takes ${LIBRARY_PARTS.join(', ')}; \`${part}\` is not one of them.`);
  }
  const wanted = filesUnder(library).filter((f) => f === 'attest.yaml' || parts.some((p) => f.startsWith(p + '/')));
  const written: string[] = [];
  const skipped: string[] = [];
  for (const file of wanted) {
    const target = path.join(dir, ...file.split('/'));
    if (fs.existsSync(target) && !options.force) {
      skipped.push(file);
      continue;
    }
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.copyFileSync(path.join(library, ...file.split('/')), target);
    written.push(file);
  }
  return { written, skipped };
}
