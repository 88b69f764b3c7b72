import * as path from 'path';

/**
 * A file of the checked folder as a terminal shows it and can open it: relative to the
 * current folder when it is inside it (as tsc and eslint print paths), else absolute.
 */
export function shownPath(dir: string, relPath: string, cwd: string = process.cwd()): string {
  const absolute = path.resolve(cwd, dir, relPath);
  const relative = path.relative(cwd, absolute);
  return relative === '' ? '.' : isOutside(relative) ? absolute : relative;
}

/** Whether a path from path.relative leaves its base folder. */
export function isOutside(relative: string): boolean {
  return relative === '..' || relative.startsWith('..' + path.sep) || path.isAbsolute(relative);
}
