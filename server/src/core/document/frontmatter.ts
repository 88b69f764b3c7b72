import { isMap, isScalar, parseDocument, type Document, type Node as YamlNode } from 'yaml';
import { FRONTMATTER_LIMIT } from './bodyLimits';

/** Where the YAML of a document sits and how it was written. */
export interface FrontmatterBlock {
  readonly dialect: 'attest' | 'comply';
  /** Offset of the first character of the YAML text. */
  readonly contentStart: number;
  /** Offset just past the YAML text (start of the closing `---` line). */
  readonly contentEnd: number;
  /** Offset where the Markdown body starts (after the closing `---` line). */
  readonly bodyStart: number;
  /** Offsets of the opening delimiter line (attest dialect) and the closing one. */
  readonly open?: readonly [number, number];
  readonly close?: readonly [number, number];
  readonly yaml: Document.Parsed;
}

/** Where an Attest frontmatter is opened with `---` but never closed. */
export interface UnclosedFrontmatter {
  readonly unclosed: readonly [number, number];
}

const LINE = /[^\n]*(?:\n|$)/y;

/** Lines of `text` from `offset`, each with its offsets (without the line break). */
function* lines(text: string, offset = 0): Generator<{ start: number; end: number; next: number; text: string }> {
  let position = offset;
  while (position < text.length) {
    LINE.lastIndex = position;
    const match = LINE.exec(text);
    if (!match || match[0].length === 0) return;
    const raw = match[0];
    const content = raw.replace(/\r?\n$/, '');
    yield { start: position, end: position + content.length, next: position + raw.length, text: content };
    position += raw.length;
  }
}

function isYamlKeyLine(line: string): boolean {
  return /^[A-Za-z_][\w-]*\s*:/.test(line);
}

/** comply's own keys, at the margin: what makes YAML before a `---` line a comply header. */
const COMPLY_KEY_LINE = /^(name|acronym|satisfies)\s*:/m;

/** The YAML between two offsets; its node offsets are relative to `start`. */
function parseYaml(text: string, start: number, end: number): Document.Parsed {
  return parseDocument(text.slice(start, end), { uniqueKeys: true, prettyErrors: false });
}

/** Where the delimiters of a frontmatter are, before its YAML is read. */
type Delimiters = Omit<FrontmatterBlock, 'yaml'>;

/**
 * Finds the delimiters of a frontmatter by scanning lines, without parsing YAML: Attest's
 * (`---` first line, YAML, `---`) or, where `allowComply`, a candidate for comply's (a
 * `key:` first line, YAML, then a `---` line).
 */
function scanFrontmatter(text: string, allowComply: boolean): Delimiters | UnclosedFrontmatter | undefined {
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const all = lines(text, bom);
  const first = all.next();
  if (first.done) return undefined;
  if (first.value.text.trimEnd() === '---') {
    for (const line of all) {
      const t = line.text.trimEnd();
      if (t === '---' || t === '...') {
        return {
          dialect: 'attest',
          contentStart: first.value.next,
          contentEnd: line.start,
          bodyStart: line.next,
          open: [first.value.start, first.value.end],
          close: [line.start, line.end],
        };
      }
    }
    return { unclosed: [first.value.start, first.value.end] };
  }
  if (!allowComply) return undefined;
  // comply reads YAML first: blank lines and YAML comments may come before the first key.
  let key: { next: number; text: string } | undefined = first.value;
  if (!isYamlKeyLine(key.text)) {
    key = undefined;
    for (const line of lines(text, first.value.next)) {
      if (line.text.trim() === '' || line.text.trimStart().startsWith('#')) continue;
      key = line;
      break;
    }
    if (!key || !isYamlKeyLine(key.text) || !(first.value.text.trim() === '' || first.value.text.trimStart().startsWith('#'))) return undefined;
  }
  for (const line of lines(text, key.next)) {
    if (line.text.trimEnd() === '---') return { dialect: 'comply', contentStart: bom, contentEnd: line.start, bodyStart: line.next, close: [line.start, line.end] };
  }
  return undefined;
}

/**
 * Finds the frontmatter of a Markdown file: Attest's (`---` first line, YAML, `---`) or
 * strongdm/comply's (YAML first, then a `---` line, then Markdown). Comply's form is only
 * recognised when `allowComply` (the file is in a document folder) and its YAML names
 * comply's keys, so that ordinary Markdown with a thematic break is never taken for it.
 */
export function findFrontmatter(text: string, allowComply: boolean): FrontmatterBlock | UnclosedFrontmatter | undefined {
  const found = scanFrontmatter(text, allowComply);
  if (!found || isUnclosed(found)) return found;
  if (found.contentEnd - found.contentStart > FRONTMATTER_LIMIT) {
    // Not parsed (see bodyLimits): the document model reports it. comply's header is known by its keys alone.
    const comply = found.dialect === 'attest' || COMPLY_KEY_LINE.test(text.slice(found.contentStart, found.contentEnd));
    return comply ? { ...found, yaml: parseYaml('', 0, 0) } : undefined;
  }
  const yaml = parseYaml(text, found.contentStart, found.contentEnd);
  if (found.dialect === 'comply') {
    // YAML with a mistake is still comply's header when it names comply's keys: its error is
    // then a yaml-syntax error, not a missing frontmatter (SPEC §10).
    if (yaml.errors.length > 0) return COMPLY_KEY_LINE.test(text.slice(found.contentStart, found.contentEnd)) ? { ...found, yaml } : undefined;
    if (!isMap(yaml.contents)) return undefined;
    const keys = new Set(yaml.contents.items.map((pair) => (isScalar(pair.key) ? String(pair.key.value) : '')));
    if (!['name', 'acronym', 'satisfies'].some((k) => keys.has(k))) return undefined;
  }
  return { ...found, yaml };
}

/**
 * Where the Markdown body starts, found without parsing YAML, so that the body can be
 * outlined apart from the frontmatter (in parallel). A comply candidate that the YAML
 * later rejects is caught by `parseDocument`, which then outlines the text itself.
 */
export function bodyStartOf(text: string, allowComply: boolean): number {
  const found = scanFrontmatter(text, allowComply);
  return found && !isUnclosed(found) ? found.bodyStart : 0;
}

export function isUnclosed<T extends object>(block: T | UnclosedFrontmatter | undefined): block is UnclosedFrontmatter {
  return block !== undefined && 'unclosed' in block;
}

/** A top-level field of the frontmatter, with the offsets of its key and value. */
export interface Field {
  readonly key: string;
  readonly keyStart: number;
  readonly keyEnd: number;
  readonly value: YamlNode | null;
  /** Offsets of the value; an empty value sits just after the key's colon. */
  readonly valueStart: number;
  readonly valueEnd: number;
}

/** The top-level fields of a parsed YAML map; offsets are made absolute with `base`. */
export function fieldsOf(yaml: Document.Parsed, base: number): Field[] {
  if (!isMap(yaml.contents)) return [];
  const fields: Field[] = [];
  for (const pair of yaml.contents.items) {
    if (!isScalar(pair.key) || !pair.key.range) continue;
    const [keyStart, keyEnd] = pair.key.range;
    const value = (pair.value ?? null) as YamlNode | null;
    const range = value?.range;
    fields.push({
      key: String(pair.key.value),
      keyStart: base + keyStart,
      keyEnd: base + keyEnd,
      value,
      valueStart: base + (range ? range[0] : keyEnd + 1),
      valueEnd: base + (range ? range[1] : keyEnd + 1),
    });
  }
  return fields;
}
