import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'yaml';
import type { BundledData } from '../core/data/bundled';
import { CriteriaMap, parseFramework, type Framework } from '../core/data/criteria';
import { parseMlTopics } from '../core/data/mlCatalog';
import { parseSections } from '../core/data/sections';
import { DataFileError } from '../core/data/validate';

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

/** The bundled frameworks that attest.yaml can turn on by name, each in `frameworks/<id>.yaml`. */
export const OPTIONAL_FRAMEWORKS: readonly string[] = ['iso42001', 'nist-ai-rmf', 'iso27001'];

let cached: BundledData | undefined;

/**
 * A data file's content: from the JSON copy the build writes (`dist/data/FILE.json`) when it was
 * made from this very text, else parsed from the YAML. The YAML stays the source and what the
 * editor opens (F12 on a criterion); the copy only saves its parse.
 */
export function readDataFile(dataDir: string, file: string): unknown {
  const text = fs.readFileSync(path.join(dataDir, file), 'utf8');
  const copy = path.join(dataDir, '..', '..', 'dist', 'data', `${file}.json`);
  try {
    const parsed = JSON.parse(fs.readFileSync(copy, 'utf8')) as { sha256?: unknown; data?: unknown };
    if (parsed.sha256 === createHash('sha256').update(text).digest('hex')) return parsed.data;
  } catch {
    // No copy (tests from out/ before a bundle), or a damaged one: parse the source.
  }
  return parse(text);
}

/**
 * Reads and validates the criteria map, ML catalog and section templates, once; an optional
 * framework when it is first asked for. The ML topics' links into the optional frameworks are
 * checked for shape only here, and against the frameworks by the tests of the data files.
 */
export function loadBundledData(dataDir = findDataDir()): BundledData {
  if (cached) return cached;
  const read = (file: string): unknown => readDataFile(dataDir, file);
  const frameworks = [parseFramework(read('frameworks/tsc-2017.yaml'), 'frameworks/tsc-2017.yaml')];
  const topics = parseMlTopics(read('ml-topics.yaml'), 'ml-topics.yaml', new CriteriaMap(frameworks));
  const sections = parseSections(read('sections.yaml'), 'sections.yaml');
  const optional = new Map<string, Framework>();
  const optionalFramework = (id: string): Framework | undefined => {
    if (!OPTIONAL_FRAMEWORKS.includes(id)) return undefined;
    let framework = optional.get(id);
    if (!framework) {
      const file = `frameworks/${id}.yaml`;
      framework = parseFramework(read(file), file);
      if (framework.id !== id) throw new DataFileError(file, [`id is ${framework.id}, but the file is named for ${id}`]);
      optional.set(id, framework);
    }
    return framework;
  };
  cached = { frameworks, optionalFrameworkIds: OPTIONAL_FRAMEWORKS, optionalFramework, topics, sections };
  return cached;
}
