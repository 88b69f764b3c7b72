import type { ServerCapabilities } from 'vscode-languageserver/node';
import type { HandlerContext, HandlerGroup } from './context';
import { editingHandlers } from './editing';
import { navigationHandlers } from './navigation';
import { workspaceRequestHandlers } from './workspaceRequests';

/** The request handlers, each group in its own module; this file only lists them. */
const GROUPS: readonly HandlerGroup[] = [navigationHandlers, editingHandlers, workspaceRequestHandlers];

export function handlerCapabilities(): ServerCapabilities {
  return Object.assign({}, ...GROUPS.map((g) => g.capabilities)) as ServerCapabilities;
}

export function registerHandlers(context: HandlerContext): void {
  for (const group of GROUPS) group.register(context);
}
