/**
 * A strict reader for the XML the CLI writes (elements, attributes, text and character
 * references; no DTD, comments or CDATA): it throws where an XML parser would, so a test
 * can tell that a report is well-formed and read its structure, with no dependency.
 */
export interface XmlElement {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: readonly XmlElement[];
  /** The element's own text, references decoded. */
  readonly text: string;
}

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const NAME = /^[A-Za-z_:][-A-Za-z0-9_:.]*/;

function isXmlChar(code: number): boolean {
  return code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
}

export function parseXml(xml: string): XmlElement {
  for (const char of xml) {
    const code = char.codePointAt(0) ?? 0;
    if (!isXmlChar(code)) throw new Error(`character U+${code.toString(16)} is not allowed in XML`);
  }
  let at = 0;
  const fail = (why: string): never => {
    throw new Error(`${why} at offset ${at}: ${JSON.stringify(xml.slice(at, at + 40))}`);
  };
  const skipSpace = () => {
    while (at < xml.length && ' \t\r\n'.includes(xml[at])) at++;
  };
  const name = (): string => {
    const match = NAME.exec(xml.slice(at));
    if (!match) return fail('expected a name');
    at += match[0].length;
    return match[0];
  };
  /** Text up to `stop`, with its references decoded; a raw `<` (or the quote, in an attribute) is an error. */
  const chars = (stop: string): string => {
    let out = '';
    while (at < xml.length && !stop.includes(xml[at])) {
      if (xml[at] === '<') fail('raw < in text');
      if (xml[at] !== '&') {
        out += xml[at++];
        continue;
      }
      const end = xml.indexOf(';', at);
      if (end < 0) fail('unterminated reference');
      const ref = xml.slice(at + 1, end);
      const code = ref.startsWith('#x') ? parseInt(ref.slice(2), 16) : ref.startsWith('#') ? parseInt(ref.slice(1), 10) : NaN;
      if (ref in ENTITIES) out += ENTITIES[ref];
      else if (Number.isInteger(code) && /^#(x[0-9A-Fa-f]+|[0-9]+)$/.test(ref) && isXmlChar(code)) out += String.fromCodePoint(code);
      else fail(`bad reference &${ref};`);
      at = end + 1;
    }
    return out;
  };
  const element = (): XmlElement => {
    if (xml[at] !== '<') fail('expected <');
    at++;
    const tag = name();
    const attributes: Record<string, string> = {};
    for (;;) {
      const before = at;
      skipSpace();
      if (xml.startsWith('/>', at)) {
        at += 2;
        return { name: tag, attributes, children: [], text: '' };
      }
      if (xml[at] === '>') {
        at++;
        break;
      }
      if (at === before) fail('expected a space before an attribute');
      const key = name();
      if (key in attributes) fail(`duplicate attribute ${key}`);
      skipSpace();
      if (xml[at] !== '=') fail('expected =');
      at++;
      skipSpace();
      const quote = xml[at];
      if (quote !== '"' && quote !== "'") fail('expected a quoted value');
      at++;
      attributes[key] = chars(quote);
      if (xml[at] !== quote) fail('unterminated attribute');
      at++;
    }
    const children: XmlElement[] = [];
    let text = '';
    for (;;) {
      if (at >= xml.length) fail(`<${tag}> is never closed`);
      if (xml.startsWith('</', at)) {
        at += 2;
        if (name() !== tag) fail(`</…> does not close <${tag}>`);
        skipSpace();
        if (xml[at] !== '>') fail('expected >');
        at++;
        return { name: tag, attributes, children, text };
      }
      if (xml[at] === '<') children.push(element());
      else text += chars('<');
    }
  };
  if (xml.startsWith('<?xml')) {
    const end = xml.indexOf('?>');
    if (end < 0) fail('unterminated declaration');
    at = end + 2;
  }
  skipSpace();
  const root = element();
  skipSpace();
  if (at !== xml.length) fail('content after the root element');
  return root;
}
