/** Attest's version, as the CLI prints it and the server reports it (kept equal to package.json's by a test). */
export const ATTEST_VERSION = '0.1.0';
