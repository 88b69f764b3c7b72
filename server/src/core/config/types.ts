import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { AuditSpec } from '../audit/spec';
import type { MlTopic } from '../data/mlCatalog';
import type { SectionRequirements } from '../data/sections';
import { DEFAULT_FOLDERS, type Range, type Severity } from '../types';

export const CONFIG_FILE = 'attest.yaml';

export interface Exception {
  readonly criterion: string;
  readonly reason: string;
  readonly range: Range;
}

/** An item of another framework declared not applicable: `{ framework: iso42001, id: A.10.4, reason }`. */
export interface FrameworkException {
  readonly framework: string;
  readonly id: string;
  readonly reason: string;
  readonly range: Range;
  /** Where the item id is written, for hovers and references in attest.yaml. */
  readonly idRange: Range;
}

/** The effective workspace configuration (SPEC §5): `attest.yaml` over editor settings over defaults. */
export interface AttestConfig {
  readonly organization?: string;
  /** In-scope category keys; always holds `security`. */
  readonly categories: ReadonlySet<string>;
  readonly ml: boolean | 'auto';
  readonly folders: readonly string[];
  readonly sections: SectionRequirements;
  readonly severities: ReadonlyMap<string, Severity | 'off'>;
  readonly exceptions: ReadonlyMap<string, Exception>;
  readonly disabledTopics: ReadonlySet<string>;
  readonly extraTopics: readonly MlTopic[];
  /** Bundled frameworks turned on by name (`iso42001`), in the order attest.yaml lists them. */
  readonly enabledFrameworks: readonly string[];
  /** Where each is named under `frameworks`. */
  readonly enabledFrameworkRanges: ReadonlyMap<string, Range>;
  /** Exceptions of the frameworks beyond the TSC, by framework id, then item id. */
  readonly frameworkExceptions: ReadonlyMap<string, ReadonlyMap<string, FrameworkException>>;
  /** Workspace-relative paths of extra framework files. */
  readonly frameworks: readonly string[];
  /** Where each framework file is listed in `attest.yaml`, to report a file that cannot be loaded on its entry. */
  readonly frameworkRanges: ReadonlyMap<string, Range>;
  /** Where each in-scope category is named by an entry of `categories` in `attest.yaml`. */
  readonly categoryRanges: ReadonlyMap<string, Range>;
  /** Where to tell of a category no entry names (Security): the `categories` key, else the first line. */
  readonly categoriesRange: Range;
  /** The audit being prepared (`audit`): a Type II period splits each control's evidence into windows. */
  readonly audit?: AuditSpec;
  /** Where `ml` is set in `attest.yaml`. */
  readonly mlRange?: Range;
  /** Range to report workspace-wide findings on when no better place exists. */
  readonly anchorRange: Range;
  /** The parsed `attest.yaml`, when there is one. */
  readonly file?: { readonly uri: string; readonly text: TextDocument };
}

/** Settings an editor passes for a folder without `attest.yaml`. */
export interface ConfigDefaults {
  readonly categories?: readonly string[];
  readonly ml?: boolean | 'auto';
  readonly severities?: Readonly<Record<string, Severity | 'off'>>;
}

export const ZERO_RANGE: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

export function defaultConfig(sections: SectionRequirements, defaults: ConfigDefaults = {}): AttestConfig {
  return {
    categories: new Set(['security', ...(defaults.categories ?? [])]),
    ml: defaults.ml ?? 'auto',
    folders: DEFAULT_FOLDERS,
    sections,
    severities: new Map(Object.entries(defaults.severities ?? {})),
    exceptions: new Map(),
    disabledTopics: new Set(),
    extraTopics: [],
    enabledFrameworks: [],
    enabledFrameworkRanges: new Map(),
    frameworkExceptions: new Map(),
    frameworks: [],
    frameworkRanges: new Map(),
    categoryRanges: new Map(),
    categoriesRange: ZERO_RANGE,
    anchorRange: ZERO_RANGE,
  };
}
