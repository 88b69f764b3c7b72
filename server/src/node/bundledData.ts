import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'yaml';
import type { BundledData } from '../core/data/bundled';
import { CriteriaMap, parseFramework } from '../core/data/criteria';
import { parseMlTopics } from '../core/data/mlCatalog';
import { parseSections } from '../core/data/sections';

/**
 * The folder of the bundled data files. The same code runs from `out/` (tests), from the
 * `dist/` bundle and from an installed extension, so look upwards for `server/data`.
 */
export function findDataDir(start = __dirname): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'server', 'data');
    if (fs.existsSync(path.join(candidate, 'ml-topics.yaml'))) return candidate;
    if (path.dirname(dir) === dir) throw new Error(`Attest's data files (server/data) were not found above ${start}`);
  }
}

let cached: BundledData | undefined;

/** Reads and validates the criteria map, ML catalog and section templates, once. */
export function loadBundledData(dataDir = findDataDir()): BundledData {
  if (cached) return cached;
  const read = (file: string): unknown => parse(fs.readFileSync(path.join(dataDir, file), 'utf8'));
  const frameworks = [parseFramework(read('frameworks/tsc-2017.yaml'), 'frameworks/tsc-2017.yaml')];
  const topics = parseMlTopics(read('ml-topics.yaml'), 'ml-topics.yaml', new CriteriaMap(frameworks));
  const sections = parseSections(read('sections.yaml'), 'sections.yaml');
  cached = { frameworks, topics, sections };
  return cached;
}
