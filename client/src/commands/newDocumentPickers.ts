import * as vscode from 'vscode';
import type { FolderCoverage } from '../coverageStore';
import { typedChoice } from './typedChoice';

export type Choice<T> = vscode.QuickPickItem & { value: T };

/** How the criteria picker reads keys: the filter box keeps the focus, so Space types. */
const HOW_TO_SELECT = 'Type to filter; Enter takes the ticked criteria, or the one typed when none is ticked';

export interface CriteriaPickOptions {
  readonly title: string;
  /** A control has to claim a criterion: the picker does not go on without one. */
  readonly required: boolean;
  readonly preselected?: readonly string[];
}

/**
 * Criteria to claim, in a multi-select picker that does what the keyboard suggests: with
 * nothing ticked, Enter takes the highlighted criterion (the one the user filtered to), and
 * for a control it refuses to go on with none, saying why, instead of writing a control that
 * claims nothing. Undefined when the user cancels.
 */
export function pickCriteria(coverage: FolderCoverage | undefined, options: CriteriaPickOptions): Promise<string[] | undefined> {
  const items: Choice<string>[] = (coverage?.coverage.criteria ?? []).map((c) => ({ label: c.id, description: `${c.category} · ${c.status}`, detail: c.summary, value: c.id }));
  const picker = vscode.window.createQuickPick<Choice<string>>();
  picker.title = options.title;
  picker.canSelectMany = true;
  picker.matchOnDetail = true;
  picker.ignoreFocusOut = true;
  picker.items = items;
  picker.selectedItems = items.filter((i) => options.preselected?.includes(i.value));
  picker.placeholder = options.required ? `Criteria the control meets. ${HOW_TO_SELECT}.` : `Criteria the document addresses (optional). ${HOW_TO_SELECT}; Enter with an empty filter and none ticked goes on without.`;
  return new Promise((resolve) => {
    let settled = false;
    const finish = (value: string[] | undefined) => {
      if (settled) return;
      settled = true;
      resolve(value);
      picker.dispose();
    };
    const typed = () => typedChoice(items, picker.value);
    picker.onDidChangeValue(() => {
      const choice = picker.selectedItems.length ? undefined : typed();
      picker.title = typeof choice === 'object' ? `${options.title} — Enter takes ${choice.value}` : options.title;
    });
    picker.onDidAccept(() => {
      const ticked = picker.selectedItems.map((i) => i.value);
      if (ticked.length > 0) return finish(ticked);
      const choice = typed();
      if (typeof choice === 'object') return finish([choice.value]);
      if (!options.required && !picker.value.trim()) return finish([]);
      picker.placeholder = undefined;
      picker.title = `${options.title} — ${choice ?? 'a control needs at least one criterion: type one or tick it'}`;
    });
    picker.onDidHide(() => finish(undefined));
    picker.show();
  });
}

/** ML topics, optional: the same keys as the criteria picker. */
export async function pickTopics(coverage: FolderCoverage | undefined, title: string, preselected: readonly string[] = []): Promise<string[] | undefined> {
  const items: Choice<string>[] = (coverage?.coverage.ml ?? []).map((t) => ({ label: t.topic, description: `${t.title} — ${t.status}`, value: t.topic }));
  const picked = await vscode.window.showQuickPick(
    items.map((i) => ({ ...i, picked: preselected.includes(i.value) })),
    { title, placeHolder: 'ML topics the document addresses (optional): click to tick, Enter to go on', canPickMany: true, matchOnDescription: true, ignoreFocusOut: true },
  );
  return picked?.map((p) => p.value);
}

/**
 * The parent policy, always the user's choice: the policies that claim the chosen criteria
 * come first and say so, and "No parent policy" is an explicit answer (`null`).
 */
export async function pickParent(coverage: FolderCoverage | undefined, criteria: readonly string[], title: string, placeHolder: string): Promise<string | null | undefined> {
  const policies = Object.entries(coverage?.documents ?? {}).filter(([, d]) => d.type === 'policy');
  if (policies.length === 0) return null;
  const claims = new Map<string, string[]>();
  for (const c of coverage?.coverage.criteria ?? []) {
    if (!criteria.includes(c.id)) continue;
    for (const id of c.documents) claims.set(id, [...(claims.get(id) ?? []), c.id]);
  }
  const ranked = policies
    .map(([id, d]) => ({ id, title: d.title, claimed: claims.get(id) ?? [] }))
    .sort((a, b) => b.claimed.length - a.claimed.length || a.id.localeCompare(b.id));
  const items: Choice<string | null>[] = [
    ...ranked.map((p) => ({ label: p.id, description: p.title, detail: p.claimed.length ? `claims ${p.claimed.join(', ')}` : undefined, value: p.id })),
    { label: 'No parent policy', description: 'set it later', value: null },
  ];
  const picked = await vscode.window.showQuickPick(items, { title, placeHolder, matchOnDescription: true, ignoreFocusOut: true });
  return picked ? picked.value : undefined;
}
