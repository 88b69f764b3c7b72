import type { AttestDocument } from '../document/model';
import { evidencePath, linkTarget } from '../document/paths';
import type { Range } from '../types';
import { addTo, removeFrom, type MultiMap } from './multiMap';

function sameRange(a: Range | undefined, b: Range | undefined): boolean {
  return a?.start.line === b?.start.line && a?.start.character === b?.start.character && a?.end.character === b?.end.character;
}

/** What a policy's missing-ml-addendum reads from an addendum that extends it. */
function addendumFacts(doc: AttestDocument | undefined): string {
  return doc ? JSON.stringify([doc.type, doc.status?.value, doc.ml.map((m) => m.value), doc.headings.map((h) => h.text)]) : '';
}

/** The workspace-relative paths a document points at: its links and its evidence files. */
function pathsReferencedBy(doc: AttestDocument): string[] {
  const paths: string[] = [];
  for (const link of doc.links) {
    const target = linkTarget(doc.relPath, link.url);
    if (target) paths.push(target);
  }
  for (const e of doc.evidence) {
    const target = e.path ? evidencePath(e.path.value) : null;
    if (target) paths.push(target);
  }
  return paths;
}

/** The key of a framework item in the claim map: ids are per framework (A.5.2 is in both ISO annexes). */
function itemKey(framework: string, id: string): string {
  return `${framework}\u0000${id}`;
}

/**
 * The reverse maps of the workspace, by document path: who has an id, who claims a
 * criterion or topic, who extends or names a policy, who points at a file. Updated per
 * document, so that a change costs lookups, never a pass over the workspace.
 */
export class ClaimIndex {
  private readonly byId: MultiMap = new Map();
  private readonly claims: MultiMap = new Map();
  private readonly topicClaims: MultiMap = new Map();
  private readonly itemClaims: MultiMap = new Map();
  private readonly extendedBy: MultiMap = new Map();
  private readonly referencedBy: MultiMap = new Map();
  private readonly pathRefs: MultiMap = new Map();
  /**
   * Documents whose links and evidence are not in `pathRefs` yet. Who points at a path is
   * only asked when a file appears or disappears; reading every document's links up front
   * would make a warm check decode, for each document from the cache, details it never needs.
   */
  private readonly pathsPending = new Map<string, AttestDocument>();

  add(doc: AttestDocument): void {
    this.each(doc, addTo);
    this.pathsPending.set(doc.relPath, doc);
  }

  remove(doc: AttestDocument): void {
    this.each(doc, removeFrom);
    if (this.pathsPending.get(doc.relPath) === doc) this.pathsPending.delete(doc.relPath);
    else for (const target of pathsReferencedBy(doc)) removeFrom(this.pathRefs, target, doc.relPath);
  }

  private each(doc: AttestDocument, apply: (map: MultiMap, key: string, value: string) => void): void {
    const rel = doc.relPath;
    if (doc.id) apply(this.byId, doc.id.value, rel);
    for (const c of doc.criteria) apply(this.claims, c.value, rel);
    for (const m of doc.ml) apply(this.topicClaims, m.value, rel);
    for (const claims of doc.satisfies) for (const item of claims.items) apply(this.itemClaims, itemKey(claims.framework.value, item.value), rel);
    if (doc.policy) apply(this.referencedBy, doc.policy.value, rel);
    if (doc.extends) {
      apply(this.referencedBy, doc.extends.value, rel);
      if (doc.type === 'addendum' || apply === removeFrom) apply(this.extendedBy, doc.extends.value, rel);
    }
  }

  /** Paths of the documents with an id. */
  withId(id: string): ReadonlySet<string> | undefined {
    return this.byId.get(id);
  }

  claimsOf(criterion: string): ReadonlySet<string> | undefined {
    return this.claims.get(criterion);
  }

  /** Documents that claim an item of a framework under `satisfies`, keyed as they write it. */
  frameworkClaimsOf(framework: string, id: string): ReadonlySet<string> | undefined {
    return this.itemClaims.get(itemKey(framework, id));
  }

  topicClaimsOf(topic: string): ReadonlySet<string> | undefined {
    return this.topicClaims.get(topic);
  }

  /** Whether any document lists an ML topic (which turns the addenda on under `ml: auto`). */
  get anyTopicClaimed(): boolean {
    return this.topicClaims.size > 0;
  }

  addendaExtending(policyId: string): ReadonlySet<string> | undefined {
    return this.extendedBy.get(policyId);
  }

  /** Documents whose `policy` or `extends` names `id`. */
  referencesTo(id: string): ReadonlySet<string> | undefined {
    return this.referencedBy.get(id);
  }

  /** Documents that link to a file (or to anything under a folder, with `under`). */
  pointingAt(relPath: string, under = false): Set<string> {
    for (const doc of this.pathsPending.values()) for (const target of pathsReferencedBy(doc)) addTo(this.pathRefs, target, doc.relPath);
    this.pathsPending.clear();
    const found = new Set<string>();
    if (!under) this.pathRefs.get(relPath)?.forEach((p) => found.add(p));
    else for (const [target, paths] of this.pathRefs) if (target === relPath || target.startsWith(relPath + '/')) paths.forEach((p) => found.add(p));
    return found;
  }

  /**
   * Adds the documents whose findings read what changed between `before` and `after`:
   * only when it changed, so typing in a policy that 2,000 controls name re-checks one
   * document, not 2,001.
   */
  addDependents(before: AttestDocument | undefined, after: AttestDocument | undefined, affected: Set<string>): void {
    const addAll = (paths: ReadonlySet<string> | undefined) => paths?.forEach((p) => affected.add(p));
    const idBefore = before?.id?.value;
    const idAfter = after?.id?.value;
    if (idBefore !== idAfter || before?.type !== after?.type) {
      // duplicate-id and unresolved-reference (which also checks the target's type).
      for (const id of [idBefore, idAfter]) {
        if (!id) continue;
        addAll(this.byId.get(id));
        addAll(this.referencedBy.get(id));
      }
    } else if (idAfter && !sameRange(before?.id?.range, after?.id?.range)) {
      addAll(this.byId.get(idAfter)); // duplicates point at this id's range
    }
    // missing-ml-addendum of a policy reads the addenda that extend it.
    if (before?.type === 'addendum' || after?.type === 'addendum') {
      if (before?.extends?.value !== after?.extends?.value || addendumFacts(before) !== addendumFacts(after)) {
        for (const id of [before?.extends?.value, after?.extends?.value]) if (id) addAll(this.byId.get(id));
      }
    }
  }
}
