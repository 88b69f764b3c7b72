import { TextDocument } from 'vscode-languageserver-textdocument';
import type { BundledData } from '../core/data/bundled';
import { FIELDS, REVIEW_ALIASES } from '../core/document/schema';
import type { Diagnostic } from '../core/types';
import { MemoryHost } from '../core/index/memoryHost';
import { WorkspaceIndex } from '../core/index/workspaceIndex';
import { fixesFor } from '../core/rules';
import { complyConversion } from './codeActions/convertComply';
import { preferredFixes } from './codeActions/fixAll';
import { toLspDiagnostic } from './lspDiagnostic';

/** What `attest import` changed in one file, in words. */
export interface ImportChange {
  readonly relPath: string;
  readonly text: string;
  readonly what: readonly string[];
}

/**
 * The findings whose preferred fix is safe to apply without asking: each writes what the
 * document already says the way Attest reads it, and loses nothing.
 */
const SAFE_CODES = new Set(['unknown-field', 'value-spelling', 'criterion-spelling']);

/** A misspelt key is only a guess; another template's name for a field is not. */
function isSafe(d: Diagnostic): boolean {
  if (!SAFE_CODES.has(d.code)) return false;
  if (d.code !== 'unknown-field') return true;
  const key = d.data?.name?.toLowerCase() ?? '';
  return key in REVIEW_ALIASES || FIELDS.some((f) => f.aliases?.includes(key));
}

/**
 * Brings a repository of comply or other frontmatter documents to Attest's format (SPEC §10):
 * comply headers become Attest frontmatter (comply-only keys kept as comments), and names
 * other templates use are written Attest's way. Every body byte is kept; running it again
 * changes nothing. Works on texts in memory; the caller writes the files.
 */
export async function importWorkspace(files: ReadonlyMap<string, string>, data: BundledData, root: string, today?: string): Promise<ImportChange[]> {
  const texts = new Map(files);
  const what = new Map<string, string[]>();
  const note = (rel: string, line: string) => what.set(rel, [...(what.get(rel) ?? []), line]);
  // Converting first: the renames are then read in Attest's own format.
  const index = await openIndex(texts, data, root, today);
  for (const doc of index.documents) {
    const edit = complyConversion(doc, index, { keepId: true });
    if (!edit) continue;
    texts.set(doc.relPath, TextDocument.applyEdits(doc.text, [edit]));
    note(doc.relPath, 'converted the comply header to Attest frontmatter');
  }
  const converted = await openIndex(texts, data, root, today);
  for (const doc of converted.documents) {
    const diagnostics = converted.diagnose(doc.relPath).filter(isSafe).map(toLspDiagnostic);
    if (diagnostics.length === 0) continue;
    // Every fix of these rules, the one preferred applied: a review alias moves into `review`,
    // which is not the single-suggestion fix that fix-all keeps for `unknown-field`.
    const { edits, titles } = preferredFixes({ text: doc.text, doc, index: converted }, diagnostics, (code) => (d, t) => fixesFor(code).flatMap((fix) => fix(d, t)));
    if (edits.length === 0) continue;
    texts.set(doc.relPath, TextDocument.applyEdits(doc.text, edits));
    for (const title of titles) note(doc.relPath, title.replace(/^./, (c) => c.toLowerCase()));
  }
  return [...what.entries()]
    .filter(([rel]) => texts.get(rel) !== files.get(rel))
    .map(([relPath, lines]) => ({ relPath, text: texts.get(relPath) ?? '', what: lines }))
    .sort((a, b) => a.relPath.localeCompare(b.relPath));
}

async function openIndex(texts: ReadonlyMap<string, string>, data: BundledData, root: string, today?: string): Promise<WorkspaceIndex> {
  const index = new WorkspaceIndex(root, new MemoryHost(texts), data, today ? { today: () => today } : {});
  await index.load();
  return index;
}


