import { isMap, isPair, isScalar, visit, type Document, type Node as YamlNode, type Pair, type YAMLError } from 'yaml';

/** A YAML error in Attest's words, with offsets into the YAML text. */
export interface YamlProblem {
  readonly message: string;
  readonly start: number;
  readonly end: number;
}

/** Errors described per text: more are not read, and each may cost a walk over the whole document. */
const MAX_DESCRIBED = 20;

/**
 * The errors of a parsed YAML text, one per position (the parser often reports the same
 * mistake several times over), each saying what to do where the error code allows it; the
 * parser's own first sentence otherwise. `where` names the text: "the frontmatter",
 * "attest.yaml".
 */
export function describeYamlErrors(yaml: Document.Parsed, source: string, where: string): YamlProblem[] {
  const problems: YamlProblem[] = [];
  const positions = new Set<number>();
  const starts = new Set<number>();
  for (const error of yaml.errors) {
    // Describing one may walk the whole document: a text of thousands of mistakes is told its first ones.
    if (problems.length === MAX_DESCRIBED) break;
    if (positions.has(error.pos[0])) continue;
    positions.add(error.pos[0]);
    const problem = describe(error, yaml, source, where);
    // Two errors of one mistake (an unclosed `[` inside an unclosed `{`) land on one place.
    if (starts.has(problem.start)) continue;
    starts.add(problem.start);
    problems.push(problem);
  }
  return problems;
}

function describe(error: YAMLError, yaml: Document.Parsed, source: string, where: string): YamlProblem {
  const [at, to] = error.pos;
  const fallback: YamlProblem = { message: `Invalid YAML in ${where}: ${firstSentence(error.message)}`, start: at, end: Math.max(to, at + 1) };
  const restOfLine = (from: number): YamlProblem['end'] => Math.max(from + 1, lineEnd(source, from));
  const firstLine = source.slice(at, lineEnd(source, at));
  switch (error.code) {
    case 'BAD_INDENT': {
      if (/^Flow (sequence|map)/.test(error.message)) {
        const open = unclosedFlow(yaml, source, at);
        if (open === undefined) return fallback;
        const [opening, closing, what] = source.charAt(open) === '{' ? ['{', '}', 'map'] : ['[', ']', 'list'];
        return {
          message: `This \`${opening}\` ${what} is never closed: add \`${closing}\` after its last ${what === 'map' ? 'entry' : 'item'}, or put the whole value in quotes if the \`${opening}\` is part of the text.`,
          start: open,
          end: restOfLine(open),
        };
      }
      if (/same column/.test(error.message)) {
        const start = firstNonSpace(source, at);
        return { message: 'This line is indented differently from the fields before it: the fields of one map must start in the same column.', start, end: restOfLine(start) };
      }
      return fallback;
    }
    case 'DUPLICATE_KEY': {
      const duplicate = pairWithKeyAt(yaml, at);
      if (!duplicate?.pair.key || !isScalar(duplicate.pair.key) || !duplicate.pair.key.range) return fallback;
      const key = String(duplicate.pair.key.value);
      const within = duplicate.topLevel ? `in ${where}` : isScalar(duplicate.parent?.key) ? `in \`${String(duplicate.parent.key.value)}\`` : 'in the same entry';
      return { message: `\`${key}\` appears twice ${within}; keep one.`, start: duplicate.pair.key.range[0], end: duplicate.pair.key.range[1] };
    }
    case 'MISSING_CHAR': {
      const quote = /^Missing closing (["'])quote/.exec(error.message)?.[1];
      if (quote) {
        const open = unclosedQuote(yaml, source, at, quote);
        if (open === undefined) return fallback;
        return { message: `This quoted value is never closed: add the closing \`${quote}\` at its end.`, start: open, end: restOfLine(open) };
      }
      if (/^Implicit map keys need to be followed by map values/.test(error.message)) return missingColon(firstLine, at) ?? fallback;
      return fallback;
    }
    case 'MULTILINE_IMPLICIT_KEY':
      return missingColon(firstLine, at) ?? fallback;
    case 'BLOCK_AS_IMPLICIT_KEY': {
      // The value without a trailing ` # comment`, which stays a comment outside the quotes.
      const value = firstLine.replace(/\s#.*$/, '').trimEnd();
      if (/:(\s|$)/.test(value)) {
        // `key: ` as written, without the indentation or the `- ` of a list item before it.
        const key = source.slice(lineStart(source, at), at).replace(/^\s*(?:-\s+)*/, '');
        return { message: `A value that contains \`: \` must be in quotes: write \`${key}${JSON.stringify(value)}\`.`, start: at, end: at + value.length };
      }
      const next = nextLine(source, at);
      if (next === undefined) return fallback;
      return {
        message: 'This line is indented more than the line above it, so YAML reads it as part of that value: start it in the same column as the line above.',
        start: next,
        end: restOfLine(next),
      };
    }
    case 'TAB_AS_INDENT':
      return { ...fallback, message: 'YAML does not allow tabs for indentation: indent with spaces.' };
    case 'BAD_SCALAR_START':
      return { message: `A value cannot start with \`${source.charAt(at)}\`: put the whole value in quotes.`, start: at, end: Math.max(at + 1, at + firstLine.trimEnd().length) };
    case 'UNEXPECTED_TOKEN': {
      const char = source.charAt(at);
      if ((char === ']' || char === '}') && /flow-(seq|map)-end/.test(error.message)) {
        return { ...fallback, message: `This \`${char}\` closes no ${char === ']' ? 'list' : 'map'}: remove it.` };
      }
      if (/at node end/.test(error.message) && /["']\s*$/.test(source.slice(lineStart(source, at), at))) {
        return { ...fallback, message: "There is text after the closing quote: put the whole value in quotes (inside single quotes, write an apostrophe as `''`)." };
      }
      return fallback;
    }
    default:
      return fallback;
  }
}

/** `owner CISO` → write `owner: CISO`; undefined when the line does not look like a field. */
function missingColon(line: string, start: number): YamlProblem | undefined {
  const field = /^([A-Za-z_][\w-]*)\s+(\S.*?)\s*$/.exec(line);
  if (!field) return undefined;
  return { message: `A field needs a colon after its key: write \`${field[1]}: ${field[2]}\`.`, start, end: start + line.trimEnd().length };
}

/** Offset of the innermost flow collection (`[` or `{`) left open before `at`. */
function unclosedFlow(yaml: Document.Parsed, source: string, at: number): number | undefined {
  let best: [number, number] | undefined;
  visit(yaml, {
    Collection(_, node) {
      if (!node.flow || !node.range) return;
      const [start, end] = node.range;
      const close = source.charAt(start) === '{' ? '}' : ']';
      if (end > at || source.slice(start, end).trimEnd().endsWith(close)) return;
      if (!best || end > best[1] || (end === best[1] && start > best[0])) best = [start, end];
    },
  });
  return best?.[0];
}

/** Offset of the opening quote of the last quoted scalar left open before `at`. */
function unclosedQuote(yaml: Document.Parsed, source: string, at: number, quote: string): number | undefined {
  let best: number | undefined;
  visit(yaml, {
    Scalar(_, node) {
      if (!node.range || node.range[0] > at || source.charAt(node.range[0]) !== quote) return;
      if (best === undefined || node.range[0] > best) best = node.range[0];
    },
  });
  return best;
}

/** The pair whose key starts at `at`, whether its map is the top level, and the pair whose value is its map. */
function pairWithKeyAt(yaml: Document.Parsed, at: number): { pair: Pair; topLevel: boolean; parent?: Pair } | undefined {
  let found: { pair: Pair; topLevel: boolean; parent?: Pair } | undefined;
  visit(yaml, {
    Pair(_, pair, path) {
      if (!isScalar(pair.key) || (pair.key as YamlNode).range?.[0] !== at) return;
      // The path ends with the map holding the pair; before it, what holds that map.
      const map = path[path.length - 1];
      const holder = path[path.length - 2];
      found = { pair, topLevel: map === yaml.contents, parent: isMap(map) && isPair(holder) ? holder : undefined };
      return visit.BREAK;
    },
  });
  return found;
}

function firstSentence(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '').trim();
}

function lineStart(source: string, at: number): number {
  return source.lastIndexOf('\n', at - 1) + 1;
}

function lineEnd(source: string, at: number): number {
  const end = source.indexOf('\n', at);
  let stop = end < 0 ? source.length : end;
  while (stop > at && /\s/.test(source.charAt(stop - 1))) stop--;
  return stop;
}

function firstNonSpace(source: string, at: number): number {
  let i = at;
  while (i < source.length && (source.charAt(i) === ' ' || source.charAt(i) === '\t')) i++;
  return i;
}

/** Offset of the first non-blank character of the next non-empty line after `at`. */
function nextLine(source: string, at: number): number | undefined {
  let i = source.indexOf('\n', at);
  while (i >= 0) {
    const start = firstNonSpace(source, i + 1);
    if (start < source.length && source.charAt(start) !== '\n' && source.charAt(start) !== '\r') return start;
    i = source.indexOf('\n', i + 1);
  }
  return undefined;
}
