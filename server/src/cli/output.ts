import * as fs from 'fs';
import * as path from 'path';
import { CliError } from './usage';

/**
 * Writes `--output`, creating its folder. What stops it (a folder in the way, no
 * permission) is the user's to fix, so it is reported as a CliError: one line, no stack.
 */
export function writeOutput(output: string, text: string, extension: string): void {
  try {
    if (fs.existsSync(output) && fs.statSync(output).isDirectory()) throw Object.assign(new Error(`EISDIR: illegal operation on a directory, open '${output}'`), { code: 'EISDIR' });
    makeFolder(path.dirname(path.resolve(output)));
    fs.writeFileSync(output, text);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (typeof code !== 'string') throw error;
    throw new CliError(writeErrorMessage(output, error as NodeJS.ErrnoException, extension));
  }
}

/**
 * `mkdir -p`, one level at a time: Node's recursive mkdir never returns where a folder
 * cannot be created inside an existing one (under /proc, for one).
 */
export function makeFolder(dir: string): void {
  const missing: string[] = [];
  for (let d = dir; !fs.existsSync(d); d = path.dirname(d)) {
    missing.push(d);
    if (path.dirname(d) === d) break;
  }
  for (const d of missing.reverse()) fs.mkdirSync(d);
}

/** One line that says why `output` could not be written, from the error Node gave. */
export function writeErrorMessage(output: string, error: NodeJS.ErrnoException, extension: string): string {
  if (error.code === 'EISDIR') return `\`--output ${output}\` is a folder; give the path of a file, such as ${path.join(output, `coverage.${extension}`)}.`;
  return `Cannot write \`${output}\`: ${whyNotWritten(output, error)}.`;
}

/** Why `file` could not be written, in a few words, from the error Node gave. */
export function whyNotWritten(file: string, error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case 'ENOTDIR':
    case 'EEXIST': {
      const inTheWay = fileInTheWay(file);
      return inTheWay ? `\`${inTheWay}\` is a file, not a folder` : 'part of its path is a file, not a folder';
    }
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EROFS':
      return 'the file system is read-only';
    case 'ENOSPC':
      return 'the disk is full';
    case 'ENOENT':
      if (!fs.existsSync(path.dirname(path.resolve(file)))) return 'its folder does not exist and could not be created';
  }
  // Node's message without its code and system call: "EBUSY: resource busy or locked, open 'x'" → "resource busy or locked".
  return error.message.replace(/^[A-Z]+: /, '').replace(/, \w+ '.*'$/s, '');
}

/** The nearest existing ancestor of `output` that is a file, which is why its folder cannot be made. */
function fileInTheWay(output: string): string | undefined {
  for (let dir = path.dirname(output); ; dir = path.dirname(dir)) {
    if (fs.existsSync(dir)) return fs.statSync(dir).isDirectory() ? undefined : dir;
    if (path.dirname(dir) === dir) return undefined;
  }
}
