import { isScalar } from 'yaml';
import type { AttestDocument } from '../../document/model';
import { hasPlaceholder } from '../../placeholders';
import type { Located } from '../../types';
import { ROLE_WORDS } from './roleWords';

/** A person named in an owner, and the roles written with them (`Dana Reyes (Head of Platform)`). */
export interface PersonInOwner {
  /** The person as written: a name, an email address or a handle. */
  readonly person: string;
  /** The parts of the owner that are roles, as written, to keep in place of the person. */
  readonly roles: readonly string[];
}

/** Where an owner splits into a name and a role: `Name (Role)`, `Name, Role`, `Role - Name`, `Role: Name`, `Role / Name`. */
const PARTS = /\s*[(),;/|<>]\s*|\s+[-–—]\s+|:\s+/;

const EMAIL = /^[^\s@]+@[^\s@]+\.[A-Za-z]{2,}$/;
/** `@jsmith`; `@acme/security` is a team of a code host, not a person. */
const HANDLE = /^@[A-Za-z0-9][\w.-]*$/;
const TEAM_HANDLE = /^@[\w.-]+\/[\w.-]+$/;

/** A capitalised word of a name: `Jane`, `McDonald`, `O'Neil`, `Jean-Luc`, `Zoë`. */
const NAME_WORD = /^\p{Lu}[\p{Ll}'’]*(?:\p{Lu}[\p{Ll}'’]+)?(?:-\p{Lu}[\p{Ll}'’]+)*$/u;
/** An initial: `J.`, `J`. */
const INITIAL = /^\p{Lu}\.?$/u;
/** What may stand in a name in lower case, or after it. */
const PARTICLES = new Set(['van', 'von', 'der', 'den', 'de', 'da', 'das', 'di', 'do', 'dos', 'du', 'del', 'della', 'la', 'le', 'bin', 'binti', 'al', 'el', 'ten', 'ter', 'y']);
const SUFFIX = /^(?:Jr\.?|Sr\.?|II|III|IV)$/;
/** Two or more capitals: an acronym (`IT`, `ML`, `CISO`), which is a role or a function. */
const ACRONYM = /^[A-Z][A-Z0-9&]+$/;

/** Whether a word (or one of its hyphenated parts) is a role word, or an acronym. */
function isRoleWord(word: string): boolean {
  const bare = word.replace(/[.'’]+$/, '');
  if (ACRONYM.test(bare) && !SUFFIX.test(bare)) return true;
  const lower = bare.toLowerCase();
  return ROLE_WORDS.has(lower) || lower.split('-').some((part) => ROLE_WORDS.has(part));
}

/** The `owner` value as written, when it is one line of text. */
export function ownerOf(doc: AttestDocument): Located<string> | undefined {
  const field = doc.fields.get('owner');
  if (!field || !isScalar(field.node) || typeof field.node.value !== 'string' || /[\r\n]/.test(field.node.value)) return undefined;
  return { value: field.node.value, range: field.valueRange };
}

/** Whether an owner (or a part of one) names a role: any of its words is a role word. */
export function isRole(part: string): boolean {
  return part.split(/[\s&+]+/).some((w) => w !== '' && isRoleWord(w));
}

/** `Jane Smith`, `J. Smith`, `Jan van der Berg`, `Mary-Jane O'Neil Jr.`: capitalised words, no role word. */
export function isPersonName(part: string): boolean {
  const words = part.trim().split(/\s+/);
  if (words.length < 2 || words.length > 5) return false;
  let named = 0;
  for (const word of words) {
    if (isRoleWord(word)) return false;
    if (NAME_WORD.test(word)) named++;
    else if (!INITIAL.test(word) && !PARTICLES.has(word) && !SUFFIX.test(word)) return false;
  }
  return named >= 1 && !PARTICLES.has(words[0]);
}

/** Whether an email address or a handle names a person: `jane.smith@…`, `@jsmith`, but not `security@…` or `@it-ops`. */
function isPersonAddress(part: string): boolean {
  if (!EMAIL.test(part) && !HANDLE.test(part)) return false;
  const local = part.replace(/^@/, '').split('@')[0];
  return !local.split(/[._+-]+/).every((word) => word !== '' && ROLE_WORDS.has(word.toLowerCase()));
}

/**
 * The person an owner names, if it names one: an email address or handle of a person, or two
 * or more capitalised words none of which is a role word. A role written with the name is
 * kept (`Dana Reyes (Head of Platform)`). Template text and single words are never a person.
 */
export function personIn(owner: string): PersonInOwner | undefined {
  const value = owner.trim();
  if (value === '' || hasPlaceholder(value) || /[{}[\]]/.test(value) || TEAM_HANDLE.test(value)) return undefined;
  const parts = value.split(PARTS).map((p) => p.trim()).filter((p) => p !== '');
  const person = parts.find((p) => isPersonAddress(p) || isPersonName(p));
  if (!person) return undefined;
  return { person, roles: parts.filter((p) => p !== person && isRole(p)) };
}
