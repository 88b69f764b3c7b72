import { parseArgs } from 'util';
import { distance } from 'fastest-levenshtein';
import { UsageError } from './usage';

export interface OptionSpec {
  readonly type: 'string' | 'boolean';
  readonly short?: string;
}

export interface ParsedArgs {
  readonly values: Readonly<Record<string, string | true | undefined>>;
  readonly positionals: readonly string[];
}

/**
 * Parses the arguments of one command, saying in Attest's words what is wrong instead of
 * util.parseArgs's own messages: an unknown option, an option without its value, a value
 * given to a switch. Node's tokens are read in its lenient mode and checked here.
 */
export function parseCommandArgs(command: string, args: readonly string[], options: Readonly<Record<string, OptionSpec>>): ParsedArgs {
  const { tokens } = parseArgs({ args: [...args], options: { ...options }, allowPositionals: true, strict: false, tokens: true });
  const values: Record<string, string | true | undefined> = {};
  const positionals: string[] = [];
  for (const token of tokens) {
    if (token.kind === 'positional') positionals.push(token.value);
    if (token.kind !== 'option') continue;
    const spec = Object.hasOwn(options, token.name) ? options[token.name] : undefined;
    if (!spec) throw new UsageError(`Unknown option \`${token.rawName}\` for \`attest ${command}\`.${suggestion(token.rawName, options)}`);
    if (spec.type === 'boolean') {
      if (token.value !== undefined) throw new UsageError(`\`${token.rawName}\` takes no value.`);
      values[token.name] = true;
    } else {
      // Lenient parsing takes the next argument as the value even when it is another option.
      if (!token.value || (!token.inlineValue && /^--?[A-Za-z]/.test(token.value))) throw new UsageError(`\`${token.rawName}\` needs a value.`);
      values[token.name] = token.value;
    }
  }
  return { values, positionals };
}

/** ` Did you mean \`--format\`?` for an option one or two keystrokes away from a known one. */
function suggestion(rawName: string, options: Readonly<Record<string, OptionSpec>>): string {
  if (!rawName.startsWith('--')) return '';
  const name = rawName.slice(2);
  const near = Object.keys(options)
    .map((known) => ({ known, d: distance(name, known) }))
    .filter(({ d }) => d <= 2)
    .sort((a, b) => a.d - b.d)[0];
  return near ? ` Did you mean \`--${near.known}\`?` : '';
}
