import type MarkdownItModule = require('markdown-it');

export type MarkdownIt = InstanceType<typeof MarkdownItModule>;
type StateBlock = MarkdownItModule.StateBlock;
import { frontmatterCard } from './card';

const TOKEN = 'attest_frontmatter';

/**
 * Shows an Attest document's frontmatter as a header card in the Markdown preview. VS Code's
 * preview reads the frontmatter with its own plugin first (a `front_matter` token, hidden by
 * default): the card is drawn for that token; where no such plugin runs, this one reads the
 * leading `---` block itself. Frontmatter that is no Attest document's is left as it was.
 */
export function attestPreviewPlugin(md: MarkdownIt): MarkdownIt {
  md.block.ruler.before('table', TOKEN, readFrontmatter, { alt: [] });
  md.renderer.rules[TOKEN] = (tokens, i) => frontmatterCard(tokens[i].content) ?? '';
  const theirs = md.renderer.rules.front_matter;
  md.renderer.rules.front_matter = (tokens, i, options, env, self) =>
    frontmatterCard(metaText(tokens[i])) ?? (theirs ? theirs(tokens, i, options, env, self) : '');
  return md;
}

/** The block rule: a `---` on the first line, up to the next `---` line. */
function readFrontmatter(state: StateBlock, startLine: number, _endLine: number, silent: boolean): boolean {
  if (startLine !== 0 || state.blkIndent !== 0 || lineOf(state, 0) !== '---') return false;
  let close = 1;
  while (close < state.lineMax && lineOf(state, close) !== '---') close++;
  if (close >= state.lineMax) return false;
  if (silent) return true;
  const token = state.push(TOKEN, '', 0);
  token.content = state.getLines(1, close, 0, true);
  token.map = [0, close + 1];
  token.hidden = true;
  state.line = close + 1;
  return true;
}

function lineOf(state: StateBlock, line: number): string {
  return state.src.slice(state.bMarks[line] + state.tShift[line], state.eMarks[line]).trimEnd();
}

/** The frontmatter text a `front_matter` token carries (markdown-it-front-matter keeps it in `meta`). */
function metaText(token: { meta?: unknown }): string {
  return typeof token.meta === 'string' ? token.meta : '';
}
