/**
 * The editor commands a client can run, which some features attach to their results
 * (a lens that reveals the coverage view, a completion that asks for the values next).
 * The VS Code client names them in `initializationOptions.clientCommands`; any other LSP
 * client gets results without them, as it cannot run them.
 */
export type ClientCommands = ReadonlySet<string>;

/** Client command: shows the Coverage view, at a criterion, topic or document id when given one. */
export const REVEAL_COVERAGE_COMMAND = 'attest.revealCoverage';

/**
 * Client command, run after a quick fix's edit: opens the file the fix created or wrote into
 * and selects `range` there (the first placeholder the fix wrote, else an empty range where
 * its text starts), scrolled into view. One argument, a `RevealEditArgs`.
 */
export const REVEAL_EDIT_COMMAND = 'attest.revealEdit';

/** The argument of `attest.revealEdit`; positions are LSP's (0-based, UTF-16), in the text after the edit. */
export interface RevealEditArgs {
  readonly uri: string;
  readonly range: { readonly start: { readonly line: number; readonly character: number }; readonly end: { readonly line: number; readonly character: number } };
}

/** VS Code's own command that opens the suggestion list. */
export const TRIGGER_SUGGEST_COMMAND = 'editor.action.triggerSuggest';

/** Every command the features use: what the core tests and the VS Code client assume. */
export const ALL_CLIENT_COMMANDS: ClientCommands = new Set([REVEAL_COVERAGE_COMMAND, REVEAL_EDIT_COMMAND, TRIGGER_SUGGEST_COMMAND]);

/** The commands a client declared it runs, from its initialization options. */
export function clientCommandsOf(initializationOptions: unknown): ClientCommands {
  const declared = (initializationOptions as { clientCommands?: unknown } | null | undefined)?.clientCommands;
  return new Set(Array.isArray(declared) ? declared.filter((c): c is string => typeof c === 'string') : []);
}
