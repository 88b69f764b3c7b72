import type { ConfigDefaults } from '../core/config';
import type { Severity } from '../core/types';

/**
 * The `attest.*` settings of the VS Code client (scope `resource`), pulled per folder with
 * `workspace/configuration` and used where the folder has no attest.yaml.
 */
export interface AttestSettings {
  readonly categories?: readonly string[];
  readonly ml?: boolean | 'auto';
  readonly rules?: Readonly<Record<string, Severity | 'off'>>;
}

export function toConfigDefaults(settings: AttestSettings | null | undefined): ConfigDefaults {
  if (!settings || typeof settings !== 'object') return {};
  const categories = Array.isArray(settings.categories) ? settings.categories.filter((c): c is string => typeof c === 'string') : undefined;
  const ml = settings.ml === true || settings.ml === false || settings.ml === 'auto' ? settings.ml : undefined;
  const severities = settings.rules && typeof settings.rules === 'object' ? settings.rules : undefined;
  return { categories, ml, severities };
}
