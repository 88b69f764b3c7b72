import { evidencePath } from '../document/paths';
import type { Finding } from '../types';
import { finding, type DocumentRule } from './rule';

export const evidenceNotFound: DocumentRule = {
  code: 'evidence-not-found',
  defaultSeverity: 'warning',
  description: 'An evidence `path` does not exist in the workspace.',
  check(doc, ctx) {
    const found: Finding[] = [];
    for (const entry of doc.evidence) {
      if (!entry.path) continue;
      const target = evidencePath(entry.path.value);
      if (target === null) {
        found.push(finding('evidence-not-found', entry.path.range, `Evidence paths are relative to the workspace root and must stay inside it: \`${entry.path.value}\` does not.`));
      } else if (!ctx.fileExists(target)) {
        found.push(finding('evidence-not-found', entry.path.range, `No file at \`${entry.path.value}\` (paths are relative to the workspace root): add the evidence there, fix the path, or use \`url\` for evidence kept elsewhere.`));
      }
    }
    return found;
  },
};
