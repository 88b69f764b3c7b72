/**
 * The addresses a browser needs to reach code-server's workbench. The
 * workbench reads what to open from the URL: `folder` (or `ew` for an empty
 * window) and `payload`, a JSON list of pairs through which, among others,
 * `extensionDevelopmentPath` and `extensionTestsPath` load an extension from
 * source and run its tests. Files of this machine are named to the workbench by
 * `vscode-remote://` URIs whose authority is the server's host and port.
 */
import * as path from 'path';

/** The workbench URL on `serverUrl` (with trailing slash) that opens `folder` (an empty window without one), optionally with `payload` entries. */
export function workbenchUrl(serverUrl: string, folder?: string, payload?: Array<[string, string]>): string {
  const params: string[] = [];
  if (folder) {
    params.push(`folder=${encodeURIComponent(path.resolve(folder)).replace(/%2F/g, '/')}`);
  } else {
    // Without a folder code-server would reopen the last one: ask for an empty window.
    params.push('ew=true');
  }
  if (payload && payload.length > 0) {
    params.push(`payload=${encodeURIComponent(JSON.stringify(payload))}`);
  }
  return `${serverUrl}?${params.join('&')}`;
}

/** `vscode-remote://<authority>/abs/path` for a path on this machine. */
export function remoteUri(authority: string, absPath: string): string {
  return `vscode-remote://${authority}${path.resolve(absPath).split(path.sep).map(encodeURIComponent).join('/')}`;
}
