import type { MlTopic } from '../core/data/mlCatalog';
import { shortName } from '../core/data/frameworkCatalog';
import type { WorkspaceIndex } from '../core/index/workspaceIndex';
import { itemClaimantsOf } from '../core/query/claimants';
import { escapeMarkdown } from '../shared/markdown';
import { listItem, statusText } from './hoverParts';

/**
 * Hover on an item of a framework beyond the TSC (`A.7.5` under `iso42001`): its title and
 * summary, its coverage and the documents that claim it, or that the framework is off.
 */
export function itemMarkdown(index: WorkspaceIndex, frameworkId: string, id: string): string | undefined {
  const framework = index.frameworks.known(frameworkId);
  const item = index.frameworks.item(frameworkId, id);
  if (!framework || !item) return undefined;
  const lines = [`**${id}**${item.title ? ` — ${escapeMarkdown(item.title)}` : ''} · ${escapeMarkdown(shortName(framework))} · ${escapeMarkdown(item.seriesName)}`, '', escapeMarkdown(item.summary), ''];
  const claimants = itemClaimantsOf(index, frameworkId, id);
  const coverage = index.coverage().frameworks?.find((f) => f.id === frameworkId)?.items.find((i) => i.id === id);
  if (!coverage) lines.push(`Not counted: ${escapeMarkdown(shortName(framework))} is not turned on (add \`${frameworkId}\` to \`frameworks\` in attest.yaml).`);
  else lines.push(`Coverage: ${statusText(coverage.status)}${coverage.reason ? ` — ${escapeMarkdown(coverage.reason)}` : ''}`);
  if (claimants.length > 0) lines.push('', ...claimants.map(listItem));
  return lines.join('\n');
}

/** Hover on a framework key under `satisfies` (or its entry in attest.yaml): what it is and how far it is covered. */
export function frameworkMarkdown(index: WorkspaceIndex, frameworkId: string): string | undefined {
  const framework = index.frameworks.known(frameworkId);
  if (!framework) return undefined;
  const lines = [`**${escapeMarkdown(framework.title)}** (\`${frameworkId}\`)`, ''];
  const coverage = index.coverage().frameworks?.find((f) => f.id === frameworkId);
  if (!coverage) {
    lines.push(`Not turned on: add \`${frameworkId}\` to \`frameworks\` in attest.yaml to check and count its ${framework.criteria.length} items.`);
    return lines.join('\n');
  }
  const s = coverage.summary;
  lines.push(`Coverage: **${s.percent}%** — ${s.covered} of ${s.inScope} items controlled, implemented or excepted.`);
  const uncovered = coverage.items.filter((i) => i.status === 'uncovered').length;
  if (uncovered > 0) lines.push('', `${uncovered} not claimed by any document.`);
  return lines.join('\n');
}

/**
 * What an ML topic helps meet in the other frameworks (its crosswalk): each framework's ids
 * with their short titles, marked where the framework is off. Empty when the topic has none.
 */
export function topicFrameworkLines(index: WorkspaceIndex, topic: MlTopic): string[] {
  const links = Object.entries(topic.frameworks ?? {}).filter(([, ids]) => ids.length > 0);
  if (links.length === 0) return [];
  const lines = ['A document that addresses this topic helps meet (claim them under `satisfies`):', ''];
  for (const [frameworkId, ids] of links) {
    const framework = index.frameworks.known(frameworkId);
    const name = framework ? shortName(framework) : frameworkId;
    const items = ids.map((id) => {
      const title = index.frameworks.item(frameworkId, id)?.title;
      return `${id}${title ? ` (${escapeMarkdown(title)})` : ''}`;
    });
    lines.push(`- ${escapeMarkdown(name)}: ${items.join(', ')}${index.frameworks.isEnabled(frameworkId) ? '' : ' — not turned on'}`);
  }
  lines.push('');
  return lines;
}
