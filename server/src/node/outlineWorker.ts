import { parentPort } from 'worker_threads';
import { bodyStartOf } from '../core/document/frontmatter';
import { outlineMarkdown } from '../core/document/markdown';
import type { PrecomputedOutline } from '../core/document/model';
import type { OutlineRequest } from '../core/index/workspaceIndex';

/** A worker thread that outlines Markdown bodies for the index (see OutlinePool). */
parentPort?.on('message', (message: { id: number; items: readonly OutlineRequest[] }) => {
  const results: PrecomputedOutline[] = message.items.map((item) => {
    const bodyStart = bodyStartOf(item.text, item.allowComply);
    return { bodyStart, outline: outlineMarkdown(item.text, bodyStart) };
  });
  parentPort?.postMessage({ id: message.id, results });
});
