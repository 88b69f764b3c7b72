import { URI, Utils } from 'vscode-uri';

/** Maps between a workspace folder's URIs and its workspace-relative paths (`/` separators). */
export class FolderUris {
  readonly rootUri: URI;

  constructor(root: string) {
    this.rootUri = URI.parse(root.replace(/\/+$/, ''));
  }

  uriOf(relPath: string): string {
    return Utils.joinPath(this.rootUri, ...relPath.split('/')).toString();
  }

  /** The workspace-relative path of a URI, or undefined when it is outside the folder. */
  relPathOf(uri: string): string | undefined {
    const target = URI.parse(uri);
    const root = this.rootUri.path.replace(/\/$/, '');
    if (target.scheme !== this.rootUri.scheme || !target.path.startsWith(root + '/')) return undefined;
    return target.path.slice(root.length + 1);
  }
}
