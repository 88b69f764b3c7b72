import * as posix from 'path/posix';
import { URI } from 'vscode-uri';

/**
 * The base URL, seen from the folder of the report at `reportUri`, of the workspace folder
 * at `folderUri`: percent-encoded segments joined by `/` and ending in `/`, or empty when
 * the report lies in the folder itself. Where no relative URL leads there (another scheme,
 * host or drive), the folder's own URI.
 */
export function linkBaseBetween(reportUri: string, folderUri: string): string {
  const report = URI.parse(reportUri);
  const folder = URI.parse(folderUri);
  // `file:///c:/repo/`, not vscode-uri's `file:///c%3A/repo/`, which browsers do not read as a drive.
  const absolute = folder.toString().replace(/^file:\/\/\/([a-z])%3A/i, 'file:///$1:').replace(/\/?$/, '/');
  const [from, to] = [withLowerDrive(report.path), withLowerDrive(folder.path)];
  if (report.scheme !== folder.scheme || report.authority !== folder.authority || driveOf(from) !== driveOf(to)) return absolute;
  const relative = posix.relative(posix.dirname(from), to);
  return relative === '' ? '' : relative.split('/').map(encodeURIComponent).join('/') + '/';
}

/** `/c:/Users` for `/C:/Users`: Windows drive letters name one drive in either case. */
function withLowerDrive(uriPath: string): string {
  return uriPath.replace(/^\/([a-z]):/i, (_, letter: string) => `/${letter.toLowerCase()}:`);
}

/** `c:` of `/c:/Users/…`; empty where paths have no drive. */
function driveOf(uriPath: string): string {
  return /^\/([a-z]:)/.exec(uriPath)?.[1] ?? '';
}
