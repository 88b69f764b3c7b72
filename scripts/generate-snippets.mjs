// Writes snippets/attest.code-snippets from the bundled data files, so that the section
// templates and the ML topics have one source: server/data/*.yaml. Writes too the module of
// role words the owner-is-person rule reads (server/data/owner-roles.yaml): the analysis core
// reads no files, and a module needs no data passed down to every rule.
//   node scripts/generate-snippets.mjs          rewrite the generated files
//   node scripts/generate-snippets.mjs --check  exit 1 when one is out of date
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const SNIPPETS_FILE = join('snippets', 'attest.code-snippets');
export const ROLE_WORDS_FILE = join('server', 'src', 'core', 'rules', 'ownerIsPerson', 'roleWords.ts');

const STATUSES = ['draft', 'review', 'approved', 'implemented', 'retired'];
const CYCLES = ['annual', 'semiannual', 'quarterly', 'monthly'];
const FREQUENCIES = ['quarterly', 'continuous', 'daily', 'weekly', 'monthly', 'annual', 'on-event'];
const TODAY = '${CURRENT_YEAR}-${CURRENT_MONTH}-${CURRENT_DATE}';
/** The bundled frameworks attest.yaml turns on by name (server/src/node/bundledData.ts), in its order. */
export const FRAMEWORKS = ['iso42001', 'nist-ai-rmf', 'iso27001'];

/**
 * The frontmatter of each type beyond id, type, title and owner: the fields the type needs
 * (`policy`, `extends`, `frequency`) and the usual ones. Every default the author must
 * choose (an id, a criterion, a role) is a `<PLACEHOLDER>`, as in the section templates, so
 * that a snippet left as inserted is reported rather than counted as a control of anything.
 */
const TYPES = [
  { type: 'policy', fields: (t) => [`status: ${t.choice(STATUSES)}`, `review: { cycle: ${t.choice(CYCLES)}, last: ${t.text(TODAY)} }`, `criteria: [${t.placeholder('CRITERION ID')}]`] },
  { type: 'control', fields: (t) => [`status: ${t.choice(STATUSES)}`, `policy: ${t.placeholder('POLICY ID')}`, `frequency: ${t.choice(FREQUENCIES)}`, `criteria: [${t.placeholder('CRITERION ID')}]`] },
  { type: 'procedure', fields: (t) => [`status: ${t.choice(STATUSES)}`, `policy: ${t.placeholder('POLICY ID')}`, `criteria: [${t.placeholder('CRITERION ID')}]`] },
  { type: 'narrative', fields: (t) => [`status: ${t.choice(STATUSES)}`, `criteria: [${t.placeholder('CRITERION ID')}]`] },
  { type: 'addendum', fields: (t) => [`status: ${t.choice(STATUSES)}`, `extends: ${t.placeholder('POLICY ID')}`, `ml: [${t.stop()}]`] },
];

/** Text as a snippet body shows it literally. */
function literal(text) {
  return text.replace(/[\\$]/g, (c) => `\\${c}`);
}

/** Placeholders for amounts (`<N>`, a threshold, a period): each one a different number. */
const QUANTITY = /^(N|.*\b(THRESHOLD|PERIOD|DATE)\b.*)$/;

/**
 * Numbers tab stops in order. A named placeholder (a role, a system) that recurs gets the
 * same stop, so that it is typed once; amounts never do.
 */
class TabStops {
  constructor() {
    this.next = 1;
    this.named = new Map();
  }
  text(value) {
    // A default made of snippet variables stays as written; any other is escaped.
    const body = value.startsWith('${CURRENT_') ? value : literal(value).replace(/}/g, '\\}');
    return `\${${this.next++}:${body}}`;
  }
  choice(values) {
    return `\${${this.next++}|${values.join(',')}|}`;
  }
  stop() {
    return `$${this.next++}`;
  }
  placeholder(name) {
    name = name.toUpperCase();
    const stop = QUANTITY.test(name) ? this.next++ : (this.named.get(name) ?? this.next++);
    if (!QUANTITY.test(name)) this.named.set(name, stop);
    return `\${${stop}:<${literal(name).replace(/}/g, '\\}')}>}`;
  }
}

/** A template with each `<PLACEHOLDER>` turned into a tab stop. */
function templateBody(template, stops) {
  return template
    .trimEnd()
    .split('\n')
    .map((line) => line.split(/(<[^<>\n]+>)/).map((part, i) => (i % 2 === 1 ? stops.placeholder(part.slice(1, -1)) : literal(part))).join(''));
}

export function generateSnippets(root = ROOT) {
  const sections = parse(readFileSync(join(root, 'server', 'data', 'sections.yaml'), 'utf8'));
  const { topics } = parse(readFileSync(join(root, 'server', 'data', 'ml-topics.yaml'), 'utf8'));
  const snippets = {};
  for (const { type, prefix, fields } of TYPES) {
    const t = new TabStops();
    const id = t.placeholder(`${type} ID`);
    const title = t.placeholder(`${type} TITLE`);
    const titleStop = title.replace(/^\$\{(\d+):.*$/, '$$$1');
    const body = ['---', `id: ${id}`, `type: ${type}`, `title: ${title}`, `owner: ${t.placeholder('OWNER ROLE')}`, ...fields(t), '---', '', `# ${titleStop}`];
    for (const section of sections[type]) body.push('', `## ${literal(section.name)}`, '', ...templateBody(section.template, t));
    body.push('$0');
    snippets[`Attest ${type}`] = {
      scope: 'markdown',
      prefix: [`attest-${type}`],
      description: `An Attest ${type}: frontmatter and the required sections (${sections[type].map((s) => s.name).join(', ')}).`,
      body,
    };
  }
  for (const topic of topics) {
    const stops = new TabStops();
    snippets[`ML topic: ${topic.title}`] = {
      scope: 'markdown',
      // Topic ids of ML's own risks start with `ml-` already: `ml-vendor-risk`, not `ml-ml-vendor-risk`.
      prefix: [topic.id.startsWith('ml-') ? topic.id : `ml-${topic.id}`],
      // A snippet writes only at the cursor, so it cannot list the topic in `ml`; the server's completion of the heading does.
      description: `The "${topic.title}" section of an ML addendum (add \`${topic.id}\` to \`ml\`, or type \`## \` and take "${topic.title}" from the completion list, which adds it). ${topic.auditor}`,
      body: [`## ${literal(topic.title)}`, '', ...templateBody(topic.template, stops), '$0'],
    };
  }
  const frameworks = FRAMEWORKS.map((id) => parse(readFileSync(join(root, 'server', 'data', 'frameworks', `${id}.yaml`), 'utf8')));
  snippets['Attest satisfies'] = {
    scope: 'markdown',
    prefix: ['attest-satisfies', 'satisfies'],
    description: `Frontmatter: the items of another framework the document meets (turn the framework on under \`frameworks\` in attest.yaml): ${frameworks.map((f) => f.categories[0].name).join(', ')}.`,
    body: ['satisfies:', `  \${1|${FRAMEWORKS.join(',')}|}: [$2]$0`],
  };
  for (const framework of frameworks) {
    const first = framework.criteria[0];
    const t = new TabStops();
    // A placeholder, not a real id, so that a snippet left as inserted is never taken for a claim.
    const item = `${framework.categories[0].name.replace('ISO/IEC ', 'ISO ').replace('NIST ', '')} ${framework.id.startsWith('iso') ? 'control' : 'subcategory'}`;
    snippets[`Attest satisfies: ${framework.categories[0].name}`] = {
      scope: 'markdown',
      prefix: [`satisfies-${framework.id}`],
      description: `Frontmatter: items of ${framework.title} the document meets, e.g. ${first.id} (${first.title}).`,
      body: ['satisfies:', `  ${framework.id}: [${t.placeholder(item.toUpperCase())}]$0`],
    };
  }
  return JSON.stringify(snippets, null, 2) + '\n';
}

/**
 * The role words of server/data/owner-roles.yaml as a module: every list's words in one set,
 * each checked to be a lower-case word (hyphens allowed) listed once.
 */
export function generateRoleWords(root = ROOT) {
  const source = join('server', 'data', 'owner-roles.yaml');
  const lists = parse(readFileSync(join(root, source), 'utf8'));
  const words = [];
  for (const [list, entries] of Object.entries(lists ?? {})) {
    if (!Array.isArray(entries)) throw new Error(`${source}: ${list} must be a list of words`);
    for (const word of entries) {
      if (typeof word !== 'string' || !/^[a-z][a-z-]*$/.test(word)) throw new Error(`${source}: ${list} has ${JSON.stringify(word)}, which is not a lower-case word`);
      if (words.includes(word)) throw new Error(`${source}: ${word} is listed twice`);
      words.push(word);
    }
  }
  const lines = [];
  for (let at = 0; at < words.length; at += 10) lines.push(`  ${words.slice(at, at + 10).map((w) => `'${w}'`).join(', ')},`);
  return [
    `// Generated by \`node scripts/generate-snippets.mjs\` from ${source.split('\\').join('/')}: do not edit.`,
    '',
    '/** Words that make an owner a role (a title, a team, a function), lower case. */',
    'export const ROLE_WORDS: ReadonlySet<string> = new Set([',
    ...lines,
    ']);',
    '',
  ].join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const outputs = [
    [SNIPPETS_FILE, generateSnippets()],
    [ROLE_WORDS_FILE, generateRoleWords()],
  ];
  let stale = 0;
  for (const [file, text] of outputs) {
    const target = join(ROOT, file);
    let current = '';
    try {
      current = readFileSync(target, 'utf8');
    } catch {
      // a missing file is out of date
    }
    if (current === text) continue;
    if (process.argv.includes('--check')) {
      console.error(`${file} is out of date: run node scripts/generate-snippets.mjs`);
      stale++;
    } else {
      writeFileSync(target, text);
      console.log(`wrote ${file}`);
    }
  }
  if (stale > 0) process.exit(1);
}
