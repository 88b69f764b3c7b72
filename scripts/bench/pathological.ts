/**
 * Whether the server keeps answering while it processes documents no one should have to
 * wait for: a 10 MB body of 250,000 headings and a 3 MB single line. A hover is sent every
 * 100 ms, answered or not, and the longest wait for an answer is what an editor user feels.
 */
import * as fs from 'fs';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { generateDocuments, writeWorkspace, type Catalog, type LibraryProfile } from './generate';
import { criterionSpots } from './lsp';
import { LspClient } from './lspClient';

const PHASE_DEADLINE_MS = 180_000;
const HOVER_EVERY_MS = 100;

export interface PhaseFigures {
  readonly name: string;
  readonly tookMs: number;
  /** False when the server had not finished the phase's work by the deadline. */
  readonly finished: boolean;
  readonly hovers: number;
  readonly longestWaitMs: number;
}

const FRONTMATTER = (id: string) => `---\nid: ${id}\ntype: control\ntitle: ${id}\nowner: SRE Lead\nstatus: implemented\npolicy: POL-BENCH\nfrequency: annual\ncriteria: [CC7.2]\nevidence:\n  - { name: Export, url: https://grc.example.com/x, collected: 2026-11-01 }\n---\n\n`;

/** 250,000 headings of 42 bytes each: a 10 MB body. */
export function manyHeadings(): string {
  const lines = Array.from({ length: 250_000 }, (_, i) => `${`## Section ${String(i).padStart(6, '0')}: access review notes`.padEnd(41, '.')}\n`);
  return `${FRONTMATTER('CTL-BENCH-HEADINGS')}# Many headings\n\n## Objective\n\nA generated export.\n\n${lines.join('')}`;
}

/** A 3 MB paragraph on one line, as a minified export pasted into a document would be. */
export function oneLongLine(): string {
  const piece = 'The owner checks CC6.1 and the [runbook](https://wiki.example.com/r) every week; ';
  return `${FRONTMATTER('CTL-BENCH-LINE')}# One line\n\n## Objective\n\n${piece.repeat(Math.ceil(3_000_000 / piece.length))}\n`;
}

export async function probePathological(repo: string, dir: string, profile: LibraryProfile, catalog: Catalog): Promise<PhaseFigures[]> {
  writeWorkspace(dir, 20, profile, catalog, 7);
  const normal = [...generateDocuments(20, profile, catalog, 7)];
  fs.writeFileSync(path.join(dir, 'policies', 'bench-policy.md'), `---\nid: POL-BENCH\ntype: policy\ntitle: Bench\nowner: SRE Lead\ncriteria: [CC7.2]\n---\n\n# Bench\n`);
  const heavy = [
    { rel: 'controls/huge-headings.md', text: manyHeadings() },
    { rel: 'controls/one-line.md', text: oneLongLine() },
  ];
  for (const doc of heavy) fs.writeFileSync(path.join(dir, doc.rel), doc.text);

  const client = new LspClient(repo, dir);
  const asked = normal.find((d) => criterionSpots(d.rel, d.text).length > 0)!;
  const spot = criterionSpots(asked.rel, asked.text)[0];
  const waits: { phase: string; sent: number; answered?: number }[] = [];
  let phase = 'indexing from disk';
  await client.initialize();
  await client.open(asked.rel, asked.text);
  const ticker = setInterval(() => {
    const wait: (typeof waits)[number] = { phase, sent: performance.now() };
    waits.push(wait);
    client.hover(asked.rel, spot.inside).then(
      () => (wait.answered = performance.now()),
      () => (wait.answered = performance.now()),
    );
  }, HOVER_EVERY_MS);
  const phases: { name: string; tookMs: number; finished: boolean }[] = [];
  const timed = async (name: string, work: () => Promise<boolean>) => {
    phase = name;
    const start = performance.now();
    const finished = await work();
    phases.push({ name, tookMs: performance.now() - start, finished });
  };
  try {
    await timed('indexing from disk', async () => {
      return (await client.allPublished([...normal, ...heavy].map((d) => client.uri(d.rel)), PHASE_DEADLINE_MS)) !== undefined;
    });
    for (const doc of heavy) {
      await timed(`${path.basename(doc.rel)} opened and edited`, async () => {
        const uri = client.uri(doc.rel);
        try {
          const opened = client.nextPublication(uri, PHASE_DEADLINE_MS, (p) => p.version === 1);
          await client.open(doc.rel, doc.text);
          await opened;
          const edited = client.nextPublication(uri, PHASE_DEADLINE_MS, (p) => p.version === 2);
          const middle = doc.text.length >> 1;
          const before = doc.text.slice(0, middle);
          const at = { line: before.split('\n').length - 1, character: middle - before.lastIndexOf('\n') - 1 };
          await client.change(doc.rel, 2, `${before}x${doc.text.slice(middle)}`, { range: { start: at, end: at }, text: 'x' });
          await edited;
          return true;
        } catch {
          return false;
        }
      });
    }
  } finally {
    clearInterval(ticker);
    // Requests still unanswered are waited for (up to the deadline), then counted as waiting until now.
    const deadline = performance.now() + PHASE_DEADLINE_MS;
    while (waits.some((w) => w.answered === undefined) && performance.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    await client.stop();
  }
  const now = performance.now();
  return phases.map((p) => {
    const mine = waits.filter((w) => w.phase === p.name);
    return { ...p, hovers: mine.length, longestWaitMs: Math.max(0, ...mine.map((w) => (w.answered ?? now) - w.sent)) };
  });
}
