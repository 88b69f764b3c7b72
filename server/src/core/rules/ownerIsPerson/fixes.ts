import { TextEdit } from 'vscode-languageserver-types';
import { editsIn, findingData, isWithin, quickFix, yamlScalar, type FixContext, type FixProvider } from '../../fixes/edits';
import { hasPlaceholder } from '../../placeholders';
import { isRole, ownerOf, personIn } from './personName';

/** At most this many roles are offered: the quick-fix menu is a choice, not a directory. */
const MAX_ROLES = 5;

/**
 * Replaces a person as owner by a role: the role written with the name first (`Dana Reyes
 * (Head of Platform)` → Head of Platform, preferred), then the roles the workspace's
 * documents already name as owners, most used first. Nothing when the value changed since.
 */
export const replaceOwnerByRole: FixProvider = (diagnostic, target) => {
  const data = findingData(diagnostic);
  if (!data.name || !isWithin(target.text, diagnostic.range) || !target.text.getText(diagnostic.range).includes(data.name)) return [];
  const own = [data.replacement, ...(data.alternatives ?? [])].filter((r): r is string => r !== undefined);
  const counts = new Map(ownerRoles(target.index));
  const roles = [...new Set([...own, ...counts.keys()])].slice(0, MAX_ROLES);
  return roles.map((role) => {
    const used = counts.get(role);
    const why = own.includes(role) ? 'the role written with the name' : `owner of ${used === 1 ? '1 document' : `${used ?? 0} documents`}`;
    return quickFix(`Change owner to "${role}" (${why})`, editsIn(target.text.uri, [TextEdit.replace(diagnostic.range, yamlScalar(role))]), [diagnostic], own.length === 1 && role === own[0]);
  });
};

/** The roles the workspace's documents name as owners (not people, not template text or stray words), with how many name each: most used first, then by name. */
export function ownerRoles(index: FixContext): [string, number][] {
  const counts = new Map<string, number>();
  for (const doc of index.documents) {
    const owner = ownerOf(doc)?.value.trim();
    if (!owner || hasPlaceholder(owner) || personIn(owner) || !isRole(owner)) continue;
    counts.set(owner, (counts.get(owner) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}
