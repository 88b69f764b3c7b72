import type { ConfigDefaults } from '../core/config';
import type { AttestSettings } from '../shared/settings';

export type { AttestSettings } from '../shared/settings';

export function toConfigDefaults(settings: AttestSettings | null | undefined): ConfigDefaults {
  if (!settings || typeof settings !== 'object') return {};
  const categories = Array.isArray(settings.categories) ? settings.categories.filter((c): c is string => typeof c === 'string') : undefined;
  const ml = settings.ml === true || settings.ml === false || settings.ml === 'auto' ? settings.ml : undefined;
  const severities = settings.rules && typeof settings.rules === 'object' ? settings.rules : undefined;
  return { categories, ml, severities };
}
