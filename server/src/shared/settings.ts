/** Severity as users write it in `attest.yaml` and in the settings; `off` disables a rule. */
export type SeveritySetting = 'error' | 'warning' | 'information' | 'hint' | 'off';

/**
 * `initializationOptions.readOnly`: the client asks that nothing be written into the
 * workspace (VS Code's Restricted Mode), so the server keeps no cache there whatever
 * `attest.cache.enabled` says.
 */
export function readOnlyOf(initializationOptions: unknown): boolean {
  return (initializationOptions as { readOnly?: unknown } | null | undefined)?.readOnly === true;
}

/** The configuration section of the `attest.*` settings (package.json `contributes.configuration`). */
export const SETTINGS_SECTION = 'attest';

/**
 * The `attest.*` settings of the VS Code client (scope `resource`), pulled per folder with
 * `workspace/configuration` and used where the folder has no attest.yaml.
 */
export interface AttestSettings {
  readonly categories?: readonly string[];
  readonly ml?: boolean | 'auto';
  readonly rules?: Readonly<Record<string, SeveritySetting>>;
  /** `attest.cache.enabled`: keep parses and findings in `.attest-cache/` of the folder between sessions (default true). */
  readonly cache?: { readonly enabled?: boolean };
}
