/**
 * The core writes its messages and fix titles in Markdown, as hovers and reports render them.
 * The Problems panel, the squiggle's hover and the quick-fix menu show them as plain text,
 * where a backtick is noise: this is where they are made plain, once, at the editor's edge.
 */

/** Criterion and document ids (`CC6.1`, `POL-HR`, `A.5.2`): upper case, read as names without quotes. */
const ID_LIKE = /^[A-Z][A-Z0-9]*(?:[.-][A-Z0-9]+)*$/;

/** A code span (`x`, or ``x`y`` with longer fences), a link `[text](target)`, strong `**x**`. */
const MARKUP = /(`+)([^`]|[^`][\s\S]*?[^`])\1(?!`)|\[([^\]\n]+)\]\(([^)\s]+)\)|\*\*([^*\n]+)\*\*/g;

/**
 * A Markdown message as plain text: an id in a code span is written bare (`CC9.9` → CC9.9),
 * any other code (a field, a value, a snippet) in single quotes as VS Code's own messages
 * quote names; a link keeps its target in parentheses; emphasis markers go.
 */
export function plainText(markdown: string): string {
  return markdown.replace(MARKUP, (match, _fence: string | undefined, code: string | undefined, label: string | undefined, target: string | undefined, strong: string | undefined) => {
    if (code !== undefined) {
      // CommonMark strips one space each side of a span that needs it to hold a backtick.
      const content = /^ .* $/s.test(code) && code.trim() !== '' ? code.slice(1, -1) : code;
      return ID_LIKE.test(content) ? content : `'${content}'`;
    }
    if (label !== undefined) return label === target ? label : `${label} (${target})`;
    return strong ?? match;
  });
}
