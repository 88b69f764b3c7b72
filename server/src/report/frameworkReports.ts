import type { FrameworkCoverage } from '../core/coverage';
import { plural } from '../core/words';

/**
 * The sections the text, Markdown and CSV coverage reports add for each framework turned on
 * besides the TSC (SPEC §11): every item with its status and documents, and the framework's
 * own percentage, which the TSC's headline leaves out.
 */

/** Text from attest.yaml on one line: a multi-line reason would break a row. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** `3 of 38 items are`, `1 of 1 item is`. */
export function itemsCovered(framework: FrameworkCoverage): string {
  const s = framework.summary;
  return `${s.covered} of ${plural(s.inScope, 'item is', 'items are')}`;
}

/** What a row says of an item's documents: the ids, or why it does not apply. */
function who(item: FrameworkCoverage['items'][number]): string {
  return item.status === 'excepted' ? `not applicable: ${oneLine(item.reason ?? '')}` : item.documents.join(', ');
}

export function frameworksText(frameworks: readonly FrameworkCoverage[], label: (status: FrameworkCoverage['items'][number]['status']) => string): string[] {
  const lines: string[] = [];
  for (const f of frameworks) {
    lines.push('', `${f.name} (${f.id}): ${f.summary.percent}% covered, ${itemsCovered(f)} controlled, implemented or excepted`);
    const width = Math.max(...f.items.map((i) => i.id.length));
    for (const item of f.items) lines.push(`  ${item.id.padEnd(width)} ${label(item.status).padEnd(16)} ${who(item)}`.trimEnd());
  }
  return lines;
}

function mdCell(text: string): string {
  return oneLine(text).replace(/\|/g, '\\|');
}

export function frameworksMarkdown(frameworks: readonly FrameworkCoverage[], label: (status: FrameworkCoverage['items'][number]['status']) => string): string[] {
  const lines: string[] = [];
  for (const f of frameworks) {
    lines.push(
      '',
      `## ${mdCell(f.name)}`,
      '',
      `${mdCell(f.title)}. **${f.summary.percent}%** covered: ${itemsCovered(f)} controlled, implemented or excepted. Only explicit claims under \`satisfies: { ${f.id}: [...] }\` count.`,
      '',
      '| Item | Title | Group | Status | Documents |',
      '| --- | --- | --- | --- | --- |',
      ...f.items.map((i) => `| ${i.id} | ${mdCell(i.title ?? '')} | ${mdCell(i.group)} | ${label(i.status)} | ${mdCell(i.status === 'excepted' ? `Not applicable: ${i.reason ?? ''}` : i.documents.join(', '))} |`),
    );
  }
  return lines;
}

/** CSV rows in the report's columns (kind, id, category, status, documents, reason): the kind is the framework's name. */
export function frameworksCsvRows(frameworks: readonly FrameworkCoverage[]): string[][] {
  return frameworks.flatMap((f) => f.items.map((i) => [f.id, i.id, i.group, i.status, i.documents.join(' '), i.reason ?? '']));
}
