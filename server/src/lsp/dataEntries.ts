import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import type { Location } from 'vscode-languageserver/node';
import type { CriterionEntry } from '../features/definition';
import { findDataDir } from '../node/bundledData';

/**
 * Go to definition on a criterion opens its entry in the bundled framework file
 * (`server/data/frameworks/tsc-2017.yaml`), where its summary is: Attest's own words for it.
 * Each file is read once, when first asked; a framework of the workspace's own has no entry here.
 */
export function bundledCriterionEntries(dataDir: string = findDataDir()): CriterionEntry {
  const files = new Map<string, { uri: string; lines: readonly string[] } | null>();
  const fileOf = (framework: string): { uri: string; lines: readonly string[] } | null => {
    let file = files.get(framework);
    if (file === undefined) {
      const full = path.join(dataDir, 'frameworks', `${framework}.yaml`);
      file = /^[a-z0-9-]+$/.test(framework) && fs.existsSync(full) ? { uri: pathToFileURL(full).toString(), lines: fs.readFileSync(full, 'utf8').split(/\r?\n/) } : null;
      files.set(framework, file);
    }
    return file;
  };
  return (framework: string, id: string): Location | undefined => {
    const file = fileOf(framework);
    if (!file) return undefined;
    const entry = new RegExp(`^(\\s*-?\\s*id:\\s*['"]?)${id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}['"]?\\s*(?:#.*)?$`);
    const line = file.lines.findIndex((text) => entry.test(text));
    if (line < 0) return undefined;
    const start = entry.exec(file.lines[line])?.[1].length ?? 0;
    return { uri: file.uri, range: { start: { line, character: start }, end: { line, character: start + id.length } } };
  };
}
