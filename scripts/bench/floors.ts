/**
 * The floors a check is measured against, each run in its own process (so that its wall time
 * and peak RSS compare with `attest check`'s, start-up included):
 *
 *   node out/scripts/bench/floors.js read|yaml|markdown-it|remark DIR
 *
 * read: find and read every Markdown file; yaml: and parse each frontmatter with `yaml`'s
 * parseDocument; markdown-it: and parse each body with markdown-it (CommonMark, tokens
 * only); remark: read and parse each body with remark-parse (one thread). Prints one JSON
 * line: { files, bytes, workMs } (workMs excludes start-up and loading the parsers).
 */
import * as fs from 'fs';
import * as path from 'path';
import { performance } from 'perf_hooks';

export const FLOORS = ['read', 'yaml', 'markdown-it', 'remark'] as const;
export type Floor = (typeof FLOORS)[number];

/** Frontmatter and body of a document (the body is the whole text when there is no frontmatter). */
export function splitFrontmatter(text: string): { frontmatter: string; body: string } {
  if (!text.startsWith('---\n') && !text.startsWith('---\r\n')) return { frontmatter: '', body: text };
  const end = /\r?\n---[ \t]*(\r?\n|$)/.exec(text.slice(3));
  if (!end) return { frontmatter: '', body: text };
  return { frontmatter: text.slice(text.indexOf('\n') + 1, 3 + end.index), body: text.slice(3 + end.index + end[0].length) };
}

function markdownFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.md') && !f.split(path.sep).includes('node_modules'))
    .map((f) => path.join(dir, f));
}

/** Parsers are loaded only by the floors that use them, so that the read floor pays for none. */
async function parsers(floor: Floor) {
  if (floor === 'read') return {};
  if (floor === 'remark') {
    const [{ unified }, { default: remarkParse }] = await Promise.all([import('unified'), import('remark-parse')]);
    return { remark: unified().use(remarkParse) };
  }
  const { parseDocument } = await import('yaml');
  return { parseDocument, markdown: floor === 'markdown-it' ? await loadMarkdownIt() : undefined };
}

interface MarkdownParser {
  parse(source: string, env: object): unknown;
}

/**
 * markdown-it is a development tool of the benchmark only; it is named through a variable so
 * that the project still compiles where it is not installed (the floor then says so).
 */
async function loadMarkdownIt(): Promise<MarkdownParser> {
  const name = 'markdown-it';
  const loaded = (await import(name)) as { default: new () => MarkdownParser };
  return new loaded.default();
}

export async function runFloor(floor: Floor, dir: string): Promise<{ files: number; bytes: number; workMs: number }> {
  const { remark, parseDocument, markdown } = await parsers(floor);
  const start = performance.now();
  let bytes = 0;
  const files = markdownFiles(dir);
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    bytes += text.length;
    if (floor === 'read') continue;
    const { frontmatter, body } = splitFrontmatter(text);
    remark?.parse(body);
    parseDocument?.(frontmatter);
    markdown?.parse(body, {});
  }
  return { files: files.length, bytes, workMs: performance.now() - start };
}

if (require.main === module) {
  const [floor, dir] = process.argv.slice(2);
  if (!FLOORS.includes(floor as Floor) || !dir) {
    console.error(`usage: floors.js ${FLOORS.join('|')} DIR`);
    process.exit(2);
  }
  void runFloor(floor as Floor, dir).then((result) => console.log(JSON.stringify(result)));
}
