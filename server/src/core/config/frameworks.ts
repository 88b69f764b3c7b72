import type { BundledFrameworks } from '../data/frameworkCatalog';
import { FrameworkCatalog, normalizedKey } from '../data/frameworkCatalog';
import type { Range } from '../types';
import type { ConfigReader } from './reader';

/** Names of the Trust Services Criteria, which are always on: listing them under `frameworks` changes nothing. */
const TSC_NAMES = new Set(['tsc', 'tsc2017', 'soc2']);

export interface FrameworkSettings {
  /** Bundled frameworks turned on by name, in the order listed. */
  readonly enabled: readonly string[];
  readonly enabledRanges: ReadonlyMap<string, Range>;
  /** Workspace framework files, by path. */
  readonly paths: readonly { readonly value: string; readonly range: Range }[];
}

/** Whether an entry of `frameworks` is a file path rather than a name. */
function isPath(entry: string): boolean {
  return /[/\\]/.test(entry) || /\.(ya?ml|json)$/i.test(entry);
}

/**
 * `frameworks`: each entry a bundled framework's name (`iso42001`) or the path of a framework
 * file of the workspace. A name that is neither gets the nearest bundled name.
 */
export function readFrameworks(reader: ConfigReader, bundled: BundledFrameworks): FrameworkSettings {
  const enabled: string[] = [];
  const enabledRanges = new Map<string, Range>();
  const paths: { value: string; range: Range }[] = [];
  for (const entry of reader.strings('frameworks', 'frameworks')) {
    if (isPath(entry.value)) {
      paths.push(entry);
    } else if (bundled.ids.includes(entry.value)) {
      if (!enabledRanges.has(entry.value)) enabled.push(entry.value);
      enabledRanges.set(entry.value, entry.range);
    } else if (!TSC_NAMES.has(normalizedKey(entry.value))) {
      const near = FrameworkCatalog.nearestName(entry.value, bundled.ids);
      const known = bundled.ids.map((id) => `\`${id}\``).join(', ');
      reader.report(
        'invalid-value',
        entry.range,
        `\`${entry.value}\` is not a framework Attest knows${near ? `: did you mean \`${near}\`?` : '.'} Name a bundled one (${known}) or give the path of a framework file.`,
        near,
      );
    }
  }
  return { enabled, enabledRanges, paths };
}
