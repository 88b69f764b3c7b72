import { isScalar, isSeq, type Node as YamlNode } from 'yaml';
import type { Located, Range } from '../types';

/**
 * A criteria entry written otherwise than as one id: `CC7.3 - Incident Detection`,
 * `TSC CC6.1`, `CC6.1–CC6.4`, `"CC6.1, CC6.2"`. It is read as the ids it names (SPEC §10).
 */
export interface CriterionSpelling {
  /** The entry as written. */
  readonly written: string;
  readonly range: Range;
  /** The ids it names, in order. */
  readonly ids: readonly string[];
  /** Where it stands: an item of a block list, of a flow list, or the field's whole value. */
  readonly container: 'block' | 'flow' | 'scalar';
}

export interface CriteriaRead {
  readonly criteria: Located<string>[];
  readonly spellings: CriterionSpelling[];
}

// A Trust Services Criteria id as people type it, in any case: CC6.1, cc6.1, PI1.2, A1.1, C1.2, P4.3.
const TSC_ID = /(?<![\w.])(CC|PI|A|C|P)(\d+)\.(\d+)(?![\w]|\.\d)/gi;
const RANGE_DASH = /^\s*(?:[-–—]|to|through)\s*$/i;

/** The ids an entry names, ranges expanded (`CC6.1–CC6.3` → CC6.1, CC6.2, CC6.3); empty when it names none. */
export function idsNamedBy(entry: string): string[] {
  const tokens = [...entry.matchAll(TSC_ID)].map((m) => ({ prefix: m[1].toUpperCase(), major: Number(m[2]), minor: Number(m[3]), start: m.index, end: m.index + m[0].length }));
  const ids: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const next = tokens[i + 1];
    const isRange = next && next.prefix === t.prefix && next.major === t.major && next.minor > t.minor && next.minor - t.minor < 20 && RANGE_DASH.test(entry.slice(t.end, next.start));
    if (isRange) {
      for (let minor = t.minor; minor < next.minor; minor++) ids.push(`${t.prefix}${t.major}.${minor}`);
    } else ids.push(`${t.prefix}${t.major}.${t.minor}`);
  }
  return [...new Set(ids)];
}

/**
 * The criteria of a `criteria` field (or comply's `satisfies.TSC`): each entry that is one
 * id is read as it is (an unknown or lower-case id is the rules' to judge); an entry that
 * names ids among other words is read as those ids, and noted so that it can be written
 * the canonical way.
 */
export function readCriteria(node: YamlNode | null | undefined, rangeOf: (node: YamlNode) => Range): CriteriaRead {
  const criteria: Located<string>[] = [];
  const spellings: CriterionSpelling[] = [];
  const take = (item: YamlNode, container: CriterionSpelling['container']): void => {
    if (!isScalar(item) || item.value === null || String(item.value) === '') return;
    const written = String(item.value);
    const range = rangeOf(item);
    const ids = idsNamedBy(written);
    if (ids.length === 0 || (ids.length === 1 && written.trim().toUpperCase() === ids[0])) {
      criteria.push({ value: written, range });
      return;
    }
    for (const id of ids) criteria.push({ value: id, range });
    spellings.push({ written, range, ids, container });
  };
  if (isSeq(node)) for (const item of node.items) take(item as YamlNode, node.flow ? 'flow' : 'block');
  else if (node) take(node, 'scalar');
  return { criteria, spellings };
}
