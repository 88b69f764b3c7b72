import * as path from 'path';
import { pathToFileURL } from 'url';
import { linkBaseBetween } from '../report/links';

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

/**
 * The URL of the folder `dir` seen from the folder of the file `output`: percent-encoded
 * segments joined by `/`, ending in `/`, or empty when they are the same folder. Where no
 * relative path exists (another drive), the folder's file URL.
 */
export function linkBase(output: string, dir: string, cwd: string = process.cwd()): string {
  return linkBaseBetween(pathToFileURL(path.resolve(cwd, output)).href, pathToFileURL(path.resolve(cwd, dir)).href);
}

/** The file URL of a folder, ending in `/` as a base URL must. */
export function folderUrl(folder: string): string {
  const href = pathToFileURL(path.resolve(folder)).href;
  return href.endsWith('/') ? href : href + '/';
}
