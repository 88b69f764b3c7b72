import type { TextDocument } from 'vscode-languageserver-textdocument';
import { isScalar, isSeq, type Node as YamlNode, type YAMLMap } from 'yaml';
import type { Finding, Range, Severity } from '../types';
import { valueOf } from '../yamlMap';
import { ZERO_RANGE } from './types';

/**
 * attest.yaml as each setting's reader sees it: its top-level values, the range of any
 * node, and one place to report a problem. A bad entry is reported and skipped, never the
 * whole file.
 */
export class ConfigReader {
  readonly findings: Finding[] = [];

  constructor(
    readonly text: TextDocument,
    readonly root: YAMLMap<unknown, unknown>,
  ) {}

  /** A top-level setting: undefined when absent, null when written without a value. */
  node(key: string): YamlNode | null | undefined {
    return valueOf(this.root, key);
  }

  /** The range of a node, up to its last character (block collections count the line break after them). */
  at(node: YamlNode | null | undefined, fallback: Range = ZERO_RANGE): Range {
    return rangeIn(this.text, node, fallback);
  }

  /** `severity` caps the rule's default for this one finding (a usable but unusual value); attest.yaml's `rules` still decide. */
  report(code: string, range: Range, message: string, replacement?: string, severity?: Severity): void {
    this.findings.push({ code, range, message, data: replacement ? { replacement } : undefined, ...(severity ? { severity } : {}) });
  }

  /** A top-level list of strings; anything else is reported. */
  strings(key: string, what: string): { value: string; range: Range }[] {
    const n = this.node(key);
    if (n === undefined || n === null) return [];
    if (!isSeq(n)) {
      this.report('invalid-value', this.at(n), `\`${key}\` must be a list of ${what}.`);
      return [];
    }
    return n.items.flatMap((item) => {
      if (isScalar(item) && typeof item.value === 'string') return [{ value: item.value, range: this.at(item) }];
      this.report('invalid-value', this.at(item as YamlNode), `Each entry of \`${key}\` must be a ${what.replace(/s$/, '')}.`);
      return [];
    });
  }
}

export function rangeIn(text: TextDocument, node: YamlNode | null | undefined, fallback: Range = ZERO_RANGE): Range {
  if (!node?.range) return fallback;
  const source = text.getText();
  let end = node.range[1];
  while (end > node.range[0] && /\s/.test(source.charAt(end - 1))) end--;
  return { start: text.positionAt(node.range[0]), end: text.positionAt(end) };
}
