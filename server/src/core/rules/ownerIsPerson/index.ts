import { finding, type DocumentRule } from '../rule';
import { replaceOwnerByRole } from './fixes';
import { ownerOf, personIn } from './personName';

export const OWNER_IS_PERSON = 'owner-is-person';

/**
 * `owner` names a role, not a person (SPEC §2): a name ties the document to whoever holds
 * the job today, and an auditor asks who owns it when they leave. A hint, since a name is
 * read from its shape and the author knows better; a list of owners is `invalid-value`'s.
 */
export const ownerIsPerson: DocumentRule = {
  code: OWNER_IS_PERSON,
  defaultSeverity: 'hint',
  description: '`owner` names a person (a name, an email address, a handle) rather than a role; the fixes offer the roles the workspace already uses as owners.',
  strict: true,
  fixes: [replaceOwnerByRole],
  check(doc) {
    const owner = ownerOf(doc);
    const found = owner && personIn(owner.value);
    if (!owner || !found) return [];
    const what = doc.type ?? 'document';
    const message = found.roles.length
      ? `\`owner\` names a person (${found.person}) as well as a role: keep the role alone (${found.roles[0]}), so that ownership outlives a change of job.`
      : `\`owner\` names a person (${found.person}): name the role that owns this ${what} instead (e.g. Head of Security), so that ownership outlives a change of job.`;
    return [finding(OWNER_IS_PERSON, owner.range, message, { name: found.person, ...(found.roles.length ? { replacement: found.roles[0], alternatives: found.roles.slice(1) } : {}) })];
  },
};
