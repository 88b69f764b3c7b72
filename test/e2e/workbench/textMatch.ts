/**
 * How the driver matches UI text. A plain string passed to Playwright's
 * `hasText` matches any label that contains it ("Coverage" would also find
 * "Coverage Report"), so labels that must be one exact name go through
 * {@link exactly}.
 */

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A regular expression matching exactly `text` (surrounding whitespace allowed). */
export function exactly(text: string): RegExp {
  return new RegExp(`^\\s*${escapeRegExp(text)}\\s*$`);
}

/** Whether `text` contains `expected` (a string) or matches it (a RegExp). */
export function matches(text: string, expected: string | RegExp): boolean {
  return typeof expected === 'string' ? text.includes(expected) : expected.test(text);
}
