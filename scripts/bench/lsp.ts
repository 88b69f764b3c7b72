/**
 * The language server on a generated workspace, timed as a user meets it: a document opened
 * while the index builds, every document's diagnostics, keystrokes, hovers and completions
 * on criterion ids, and the memory it holds once the workspace is indexed.
 */
import { performance } from 'perf_hooks';
import type { Position } from 'vscode-languageserver-protocol/node';
import type { GeneratedDocument } from './generate';
import { LspClient } from './lspClient';

export interface ServerFigures {
  readonly openToFirstMs: number;
  /** Whether those first diagnostics came before the server finished indexing (what the figure is meant to time). */
  readonly firstWhileIndexing: boolean;
  /** From the server's start until every document had diagnostics (undefined: not within the deadline). */
  readonly startToAllMs: number | undefined;
  readonly rssMb: number | undefined;
  readonly peakMb: number | undefined;
  readonly editMs: readonly number[];
  readonly longOpenMs: number;
  readonly longEditMs: readonly number[];
  readonly hoverMs: readonly number[];
  readonly hoversAnswered: number;
  readonly completionMs: readonly number[];
  readonly completionsAnswered: number;
}

const INDEX_DEADLINE_MS = 15 * 60_000;
const REQUEST_DEADLINE_MS = 60_000;
const ROUNDS = 50;

export interface CriterionSpot {
  readonly rel: string;
  /** At the middle of the id (for hovers). */
  readonly inside: Position;
  /** Just after the id (where completion is asked while typing it). */
  readonly after: Position;
  /** `flow` in `criteria: [A, B]`; `block` in a `criteria:` list of `- A` lines. */
  readonly style: 'flow' | 'block';
}

/** Where the criterion ids of a document's frontmatter are. */
export function criterionSpots(rel: string, text: string): CriterionSpot[] {
  const spots: CriterionSpot[] = [];
  const lines = text.split('\n');
  let inList = false;
  for (let line = 1; line < lines.length && lines[line] !== '---'; line++) {
    const source = lines[line];
    const flow = /^criteria:\s*\[(.*)\]/.exec(source);
    inList = (inList && /^\s+- /.test(source)) || /^criteria:\s*$/.test(source);
    if (!flow && !(inList && /^\s+- /.test(source))) continue;
    for (const id of source.matchAll(/\b[A-Z]{1,2}\d+\.\d+\b/g)) {
      const start = id.index;
      spots.push({ rel, inside: { line, character: start + 2 }, after: { line, character: start + id[0].length }, style: flow ? 'flow' : 'block' });
    }
  }
  return spots;
}

export function percentile(samples: readonly number[], p: number): number | undefined {
  if (samples.length === 0) return undefined;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** Position of a character offset in `text`. */
function positionAt(text: string, offset: number): Position {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

/** Types `rounds` characters into `rel` at `offset`, one edit at a time, and times each until its diagnostics. */
async function typeInto(client: LspClient, rel: string, text: string, offset: number, rounds: number): Promise<number[]> {
  const times: number[] = [];
  let current = text;
  for (let i = 0; i < rounds; i++) {
    const version = i + 2;
    const at = positionAt(current, offset + i);
    current = current.slice(0, offset + i) + 'x' + current.slice(offset + i);
    const published = client.nextPublication(client.uri(rel), REQUEST_DEADLINE_MS, (p) => p.version === undefined || p.version >= version);
    const start = performance.now();
    await client.change(rel, version, current, { range: { start: at, end: at }, text: 'x' });
    times.push((await published) - start);
  }
  return times;
}

/** A 5,000-line control (about 400 kB), the size of a long runbook pasted into one file. */
function longControl(frontmatter: string): string {
  const lines = Array.from({ length: 5000 }, (_, i) =>
    i % 50 === 0 ? `\n## Part ${i / 50}\n` : `Line ${i}: the owner checks [the runbook](https://wiki.example.com/runbooks/${i}) and CC6.1 every week, and files the record.`,
  );
  return `${frontmatter.replace(/^id: (\S+)$/m, 'id: $1-LONG')}\n# Long control\n\n## Objective\n\nOne long document.\n\n## Implementation\n${lines.join('\n')}\n\n## Evidence\n\nThe weekly records.\n`;
}

export async function measureServer(repo: string, root: string, documents: readonly GeneratedDocument[]): Promise<ServerFigures> {
  const target = documents.find((d, i) => i >= documents.length / 2 && d.rel.startsWith('controls/') && criterionSpots(d.rel, d.text).length > 0) ?? documents[0];
  const started = performance.now();
  const client = new LspClient(repo, root);
  try {
    await client.initialize();
    const first = client.nextPublication(client.uri(target.rel), INDEX_DEADLINE_MS);
    const opened = performance.now();
    await client.open(target.rel, target.text);
    const firstAt = await first;
    const openToFirstMs = firstAt - opened;
    const firstWhileIndexing = client.indexedAt === undefined || firstAt < client.indexedAt;

    const all = await client.allPublished(documents.map((d) => client.uri(d.rel)), INDEX_DEADLINE_MS);
    const startToAllMs = all === undefined ? undefined : all - started;
    const { rss: rssMb } = client.memoryMb();

    // Keystrokes in the middle of the opened control's first paragraph.
    const paragraph = target.text.indexOf('\n\n', target.text.indexOf('\n## ')) + 2;
    const editMs = await typeInto(client, target.rel, target.text, paragraph + 10, ROUNDS);

    const longRel = target.rel.replace(/\.md$/, '-long.md');
    const long = longControl(target.text.slice(0, target.text.indexOf('\n---\n') + 5));
    const longFirst = client.nextPublication(client.uri(longRel), REQUEST_DEADLINE_MS);
    const longOpened = performance.now();
    await client.open(longRel, long);
    const longOpenMs = (await longFirst) - longOpened;
    const longEditMs = await typeInto(client, longRel, long, long.indexOf('\n', long.length / 2) - 5, 30);

    // Hovers and completions at criterion ids, in both YAML list styles, in opened documents.
    const spots: CriterionSpot[] = [];
    for (const style of ['flow', 'block'] as const) {
      for (const doc of documents.filter((d) => d !== target)) {
        const found = criterionSpots(doc.rel, doc.text).filter((s) => s.style === style);
        if (found.length === 0) continue;
        await client.open(doc.rel, doc.text);
        // Not timed: the first request after an open waits for the open itself.
        await client.hover(doc.rel, found[0].inside);
        spots.push(...found);
        if (spots.filter((s) => s.style === style).length >= ROUNDS / 2) break;
      }
    }
    const hovers = [];
    const completions = [];
    for (let i = 0; i < ROUNDS && spots.length > 0; i++) hovers.push(await client.hover(spots[i % spots.length].rel, spots[i % spots.length].inside));
    for (let i = 0; i < ROUNDS && spots.length > 0; i++) completions.push(await client.completion(spots[i % spots.length].rel, spots[i % spots.length].after));
    return {
      openToFirstMs,
      firstWhileIndexing,
      startToAllMs,
      rssMb,
      peakMb: client.memoryMb().peak,
      editMs,
      longOpenMs,
      longEditMs,
      hoverMs: hovers.map((h) => h.ms),
      hoversAnswered: hovers.filter((h) => h.answered).length,
      completionMs: completions.map((c) => c.ms),
      completionsAnswered: completions.filter((c) => c.answered).length,
    };
  } finally {
    await client.stop();
  }
}

/** From the server's start until every document has diagnostics, on a folder whose cache a previous session wrote. */
export async function measureWarmStart(repo: string, root: string, documents: readonly GeneratedDocument[]): Promise<number | undefined> {
  const started = performance.now();
  const client = new LspClient(repo, root);
  try {
    await client.initialize();
    const all = await client.allPublished(documents.map((d) => client.uri(d.rel)), INDEX_DEADLINE_MS);
    return all === undefined ? undefined : all - started;
  } finally {
    await client.stop();
  }
}
