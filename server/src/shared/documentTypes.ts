/**
 * The document vocabulary that the VS Code client needs too (activation globs, the New
 * Document picker): kept here, free of imports, so that the client bundles none of the core.
 */
export const DOCUMENT_TYPES = ['policy', 'control', 'procedure', 'narrative', 'addendum'] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

/** Folders whose Markdown files are documents unless attest.yaml names others (SPEC §2). */
export const DEFAULT_FOLDERS: readonly string[] = ['policies', 'controls', 'procedures', 'narratives'];
