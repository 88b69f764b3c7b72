import { isMap, isScalar, type Node as YamlNode } from 'yaml';
import type { Located, Range } from '../types';

/** The items a document claims of one framework under `satisfies`, with the key as written. */
export interface FrameworkClaims {
  /** The framework key as written (`iso42001`; a misspelt one is the rules' to report). */
  readonly framework: Located<string>;
  readonly items: readonly Located<string>[];
}

export interface Satisfies {
  /** The values of the keys that name the Trust Services Criteria (`TSC`, `SOC 2`, `SOC2`, `TSC 2017`), read as `criteria` is. */
  readonly tsc: readonly (YamlNode | null)[];
  /** Claims of every other key, in the order written. */
  readonly frameworks: readonly FrameworkClaims[];
}

/** The keys that name the Trust Services Criteria, compared without case, spaces or punctuation. */
const TSC_KEYS = new Set(['tsc', 'tsc2017', 'soc2', 'soc2tsc', 'aicpatsc']);

/** Whether a `satisfies` key names the Trust Services Criteria (`TSC`, `SOC 2`, `SOC2`, `TSC 2017`). */
export function isTscKey(key: string): boolean {
  return TSC_KEYS.has(key.toLowerCase().replace(/[^a-z0-9]+/g, ''));
}

/**
 * Reads `satisfies: { <framework>: [ids] }` (SPEC §10, §11): the TSC keys' values are left
 * to be read as `criteria` is (spellings and all); the others are claims of their framework,
 * whose ids `list` reads.
 */
export function readSatisfies(node: YamlNode | null | undefined, list: (value: YamlNode | null) => Located<string>[], rangeOf: (node: YamlNode) => Range): Satisfies {
  const tsc: (YamlNode | null)[] = [];
  const frameworks: FrameworkClaims[] = [];
  if (!isMap(node)) return { tsc, frameworks };
  for (const pair of node.items) {
    if (!isScalar(pair.key) || pair.key.value === null || !pair.key.range) continue;
    const key = String(pair.key.value);
    const value = (pair.value ?? null) as YamlNode | null;
    if (isTscKey(key)) tsc.push(value);
    else frameworks.push({ framework: { value: key, range: rangeOf(pair.key) }, items: list(value) });
  }
  return { tsc, frameworks };
}
