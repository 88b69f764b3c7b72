import type { Finding } from '../types';

export const IGNORED_CONFIG_CODE = 'ignored-config';

/**
 * An attest.yaml below the root of the folder is not read: say so on the file itself, or a
 * monorepo's compliance/attest.yaml would silently count for nothing.
 */
export const ignoredConfig = {
  code: IGNORED_CONFIG_CODE,
  defaultSeverity: 'information' as const,
  description: 'An attest.yaml that is not at the root of the folder, and so is not read.',
  check(relPath: string): Finding {
    const folder = relPath.slice(0, relPath.lastIndexOf('/'));
    return {
      code: IGNORED_CONFIG_CODE,
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      message: `Attest reads attest.yaml only at the root of the folder it checks, so this one is ignored: open ${folder}/ as the workspace folder (or run \`attest check ${folder}\`), or move the file to the root.`,
    };
  },
};
