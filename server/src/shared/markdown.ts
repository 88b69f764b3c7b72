/**
 * Escapes text for Markdown that an editor renders (hovers, tooltips, reports), so that a
 * title such as `Access *review* [Q3]` shows as written.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>#|]/g, '\\$&');
}
