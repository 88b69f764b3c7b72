import { isScalar, type Node as YamlNode } from 'yaml';
import { nearestNames, type CriteriaMap } from '../data/criteria';
import type { Range } from '../types';
import { pairOf } from '../yamlMap';
import type { ConfigReader } from './reader';

export interface Scope {
  readonly organization?: string;
  readonly categories: ReadonlySet<string>;
  readonly categoryRanges: ReadonlyMap<string, Range>;
  readonly categoriesRange: Range;
  readonly ml: boolean | 'auto';
  readonly mlRange?: Range;
}

/** `organization`, `categories` (Security always in scope) and `ml`. */
export function readScope(reader: ConfigReader, criteria: CriteriaMap, defaultMl: boolean | 'auto', anchorRange: Range): Scope {
  const organizationNode = reader.node('organization');
  const organization = isScalar(organizationNode) && organizationNode.value !== null ? String(organizationNode.value) : undefined;

  const categories = new Set(['security']);
  const categoryRanges = new Map<string, Range>();
  const categoryKeys = criteria.categories.map((c) => c.key);
  for (const entry of reader.strings('categories', 'category names')) {
    if (categoryKeys.includes(entry.value)) {
      categories.add(entry.value);
      categoryRanges.set(entry.value, entry.range);
    } else {
      const near = nearestNames(entry.value.toLowerCase(), categoryKeys, 4)[0];
      reader.report('invalid-value', entry.range, `Unknown category \`${entry.value}\`: use one of ${categoryKeys.join(', ')}${near ? ` (did you mean \`${near}\`?)` : ''}.`, near);
    }
  }
  // What no entry names (Security, always in scope) is told where the categories are, or on the first line.
  const categoriesKey = pairOf(reader.root, 'categories')?.key;
  const categoriesRange = categoriesKey ? reader.at(categoriesKey as YamlNode) : anchorRange;

  let ml = defaultMl;
  const mlNode = reader.node('ml');
  if (mlNode !== undefined) {
    const value = isScalar(mlNode) ? mlNode.value : undefined;
    if (value === true || value === false || value === 'auto') ml = value;
    else reader.report('invalid-value', reader.at(mlNode), '`ml` must be `true`, `false` or `auto`.');
  }
  return { organization, categories, categoryRanges, categoriesRange, ml, mlRange: mlNode ? reader.at(mlNode) : undefined };
}
