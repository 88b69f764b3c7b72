import { isMap, isScalar, isSeq, type Node as YamlNode } from 'yaml';
import type { Framework } from '../../data/criteria';
import { FrameworkCatalog, itemNoun, shortName } from '../../data/frameworkCatalog';
import type { AttestDocument } from '../../document/model';
import type { FrameworkClaims } from '../../document/satisfies';
import { isPlaceholder } from '../../placeholders';
import type { Finding, Range } from '../../types';
import { finding, orList, type RuleContext } from '../rule';

/** The keys `satisfies` knows besides the TSC's: the bundled frameworks, on or off. */
function knownKeys(ctx: RuleContext): string[] {
  return [...ctx.frameworks.bundledIds, 'TSC'];
}

/** Ids of the workspace's own frameworks (the criteria map's first is the TSC), which are claimed under `criteria`. */
function workspaceFrameworkIds(ctx: RuleContext): Set<string> {
  return new Set(ctx.criteria.frameworks.slice(1).map((f) => f.id));
}

/**
 * `unknown-criterion` for an item its framework does not have: the nearest ids of that
 * framework, or, when another framework turned on has the id, the key it belongs under.
 */
export function unknownFrameworkItems(doc: AttestDocument, ctx: RuleContext): Finding[] {
  const found: Finding[] = [];
  for (const claims of doc.satisfies) {
    const framework = ctx.frameworks.known(claims.framework.value);
    if (!framework) continue;
    for (const item of claims.items) {
      // Template text (`<ISO 42001 CONTROL>`) is unfilled-placeholder's to report.
      if (ctx.frameworks.item(framework.id, item.value) || isPlaceholder(item.value)) continue;
      found.push(unknownItem(framework, item, ctx));
    }
  }
  return found;
}

function unknownItem(framework: Framework, item: FrameworkClaims['items'][number], ctx: RuleContext): Finding {
  const what = `\`${item.value}\` is not ${itemNoun(framework)} of ${shortName(framework)}`;
  const owner = ctx.frameworks.frameworksHolding(item.value, framework.id)[0];
  if (owner) {
    return finding('unknown-criterion', item.range, `${what}: it is ${itemNoun(owner)} of ${shortName(owner)}, so claim it under \`${owner.id}\`.`, { name: owner.id, criterion: item.value });
  }
  const near = ctx.frameworks.nearestItems(framework.id, item.value);
  const message = near.length
    ? `${what}: did you mean ${orList(near)}?`
    : `${what}: complete an id after \`${framework.id}:\` to see them, or hover one to read it.`;
  return finding('unknown-criterion', item.range, message, near.length ? { replacement: near[0], alternatives: near.slice(1), criterion: item.value } : { criterion: item.value });
}

/** `unknown-field` for a `satisfies` key that names no framework, with the nearest name. */
export function unknownFrameworkKeys(doc: AttestDocument, ctx: RuleContext): Finding[] {
  const found: Finding[] = [];
  const names = knownKeys(ctx);
  const workspaceFrameworks = workspaceFrameworkIds(ctx);
  const present = new Set(doc.satisfies.map((c) => c.framework.value));
  for (const claims of doc.satisfies) {
    const key = claims.framework;
    if (ctx.frameworks.known(key.value)) continue;
    if (workspaceFrameworks.has(key.value)) {
      found.push(finding('unknown-field', key.range, `\`${key.value}\` is a framework of this workspace: claim its criteria under \`criteria\`, where coverage counts them.`, { name: key.value }));
      continue;
    }
    const near = FrameworkCatalog.nearestName(key.value, names.filter((n) => !present.has(n)));
    const message = near
      ? `\`${key.value}\` is not a framework Attest knows: did you mean \`${near}\`?`
      : `\`${key.value}\` is not a framework Attest knows: \`satisfies\` takes ${orList(names)}.`;
    const unknown = finding('unknown-field', key.range, message, near ? { replacement: near, name: key.value } : { name: key.value });
    // comply names its own standards (standards/*.yml) under satisfies: Attest's stricter reading is information there.
    found.push(doc.dialect === 'comply' ? { ...unknown, strict: true } : unknown);
  }
  return found;
}

/**
 * `out-of-scope-criterion` for claims of a bundled framework attest.yaml does not turn on:
 * once per framework and document, on its key, saying how to turn it on.
 */
export function frameworksNotEnabled(doc: AttestDocument, ctx: RuleContext): Finding[] {
  const reported = new Set<string>();
  const found: Finding[] = [];
  for (const claims of doc.satisfies) {
    const id = claims.framework.value;
    const framework = ctx.frameworks.known(id);
    if (!framework || ctx.frameworks.isEnabled(id) || reported.has(id)) continue;
    reported.add(id);
    found.push(
      finding(
        'out-of-scope-criterion',
        claims.framework.range,
        `${shortName(framework)} is not turned on in this workspace, so these claims count towards nothing: add \`${id}\` to \`frameworks\` in attest.yaml to check and count them.`,
        { name: id },
      ),
    );
  }
  return found;
}

/** `invalid-value` for a `satisfies` that is not a map of lists of ids. */
export function satisfiesShape(node: YamlNode | null, at: Range, rangeOf: (node: YamlNode) => Range): Finding[] {
  const example = '`satisfies: { iso42001: [A.6.2.5], nist-ai-rmf: [MANAGE 2.4] }`';
  if (node === null || (isScalar(node) && (node.value === null || node.value === ''))) return [];
  if (!isMap(node)) return [finding('invalid-value', at, `\`satisfies\` maps each framework to the ids it claims, e.g. ${example}.`)];
  const found: Finding[] = [];
  for (const pair of node.items) {
    const value = (pair.value ?? null) as YamlNode | null;
    const key = isScalar(pair.key) ? String(pair.key.value) : 'framework';
    const where = value ? rangeOf(value) : at;
    if (value === null || isScalar(value)) continue;
    if (!isSeq(value)) {
      found.push(finding('invalid-value', where, `\`${key}\` must be a list of ids, e.g. ${example}.`));
      continue;
    }
    for (const item of value.items) if (!isScalar(item)) found.push(finding('invalid-value', rangeOf(item as YamlNode), `Each entry under \`${key}\` must be an id such as \`A.6.2.5\`.`));
  }
  return found;
}
