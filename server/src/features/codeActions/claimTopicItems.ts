import { CodeActionKind, type CodeAction, type Range } from 'vscode-languageserver-types';
import type { FixTarget } from '../../core/fixes/edits';
import { editsIn } from '../../core/fixes/edits';
import { addToSatisfies } from '../../core/fixes/satisfiesEdits';
import { addressesTopic } from '../../core/query/sections';

function overlaps(a: Range, b: Range): boolean {
  const before = (x: Range['start'], y: Range['start']) => x.line < y.line || (x.line === y.line && x.character < y.character);
  return !before(a.end, b.start) && !before(b.end, a.start);
}

/**
 * On an `ml` entry of a document that addresses the topic (listed and with its section): claim
 * the items of the frameworks turned on that the topic helps meet, from the ML catalog's
 * crosswalk. Offered as an action where the author looks, not as a diagnostic: coverage counts
 * explicit claims only because whether a policy truly meets a control is the author's call,
 * and a hint on every topic of every addendum would ask the same question again and again.
 */
export function claimTopicItems(target: FixTarget, range: Range | undefined): CodeAction[] {
  const doc = target.doc;
  if (!doc || !range) return [];
  const index = target.index;
  const actions: CodeAction[] = [];
  for (const entry of doc.ml) {
    if (!overlaps(entry.range, range)) continue;
    const topic = index.catalog.get(entry.value);
    if (!topic?.frameworks || !addressesTopic(doc, topic, index)) continue;
    const additions = new Map<string, string[]>();
    for (const framework of index.frameworks.enabled) {
      const claimed = new Set(doc.satisfies.filter((c) => c.framework.value === framework.id).flatMap((c) => c.items.map((i) => i.value)));
      const ids = (topic.frameworks[framework.id] ?? []).filter((id) => !claimed.has(id));
      if (ids.length > 0) additions.set(framework.id, ids);
    }
    if (additions.size === 0) continue;
    const edits = addToSatisfies(doc, additions);
    if (!edits) continue;
    const list = [...additions].map(([framework, ids]) => `${framework}: ${ids.join(', ')}`).join('; ');
    actions.push({ title: `Claim what ${topic.id} helps meet (${list})`, kind: CodeActionKind.QuickFix, edit: editsIn(doc.uri, edits) });
  }
  return actions;
}
