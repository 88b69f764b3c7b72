/** Wording shared by messages, code lenses, reports and the CLI. */

/** `1 file`, `2 files`; `1 criterion`, `3 criteria` with the plural given. */
export function plural(count: number, one: string, many: string = one + 's'): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** `a`, `a or b`, `a, b or c`, each in backticks. */
export function orList(names: readonly string[]): string {
  const quoted = names.map((n) => `\`${n}\``);
  return quoted.length <= 1 ? quoted.join('') : `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}`;
}

/**
 * A word with its indefinite article: `a policy`, `an addendum`, `an annual`, `an ML`. By
 * sound, as far as the words Attest writes go: an acronym by the name of its first letter.
 */
/** `CC6.1`, `CC6.1 and CC6.2`, `CC6.1, CC6.2 and CC6.3`: names as prose, without quotes. */
export function andList(names: readonly string[]): string {
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

export function withArticle(word: string): string {
  const an = /^[A-Z]{2}/.test(word) ? /^[AEFHILMNORSX]/.test(word) : /^[aeiou]/i.test(word) && !/^(uni|use|eu|one)/i.test(word);
  return `${an ? 'an' : 'a'} ${word}`;
}

const PLURALS: Readonly<Record<string, string>> = { policy: 'policies', addendum: 'addenda' };

/** The plural of a document type: `controls`, `policies`, `addenda`. */
export function pluralOf(type: string): string {
  return PLURALS[type] ?? `${type}s`;
}

/**
 * Text from the data files (a criterion summary, what an auditor looks for) as it reads after a
 * colon: its first letter in lower case, unless it starts an acronym (`ML`, `PII`).
 */
export function lowerFirst(text: string): string {
  return /^[A-Z](?![A-Z0-9])/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}

/** Text from the data files as a sentence that another can follow: with its final full stop. */
export function sentence(text: string): string {
  const trimmed = text.trim();
  return trimmed === '' || /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}
