import type { ServerCapabilities } from 'vscode-languageserver/node';
import { editingFeatures } from './editingFeatures';
import { navigationFeatures } from './navigationFeatures';
import type { AttestServer } from './server';
import { workspaceRequests } from './workspaceRequests';

/**
 * The editor features, each group wired from its own module; this file only lists them.
 * A feature module exports its capabilities and a `register(server)` that adds handlers
 * (through `server.safely`, over documents from `server.documentAt`).
 */
interface FeatureGroup {
  readonly capabilities: ServerCapabilities;
  register(server: AttestServer): void;
}

const GROUPS: readonly FeatureGroup[] = [navigationFeatures, editingFeatures, workspaceRequests];

export function featureCapabilities(): ServerCapabilities {
  return Object.assign({}, ...GROUPS.map((g) => g.capabilities)) as ServerCapabilities;
}

export function registerFeatures(server: AttestServer): void {
  for (const group of GROUPS) group.register(server);
}
