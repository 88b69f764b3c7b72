// Bundles the CLI/server and the VS Code client into dist/ with esbuild: the extension
// ships these two files (plus the data files), not node_modules.
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', format: 'cjs', target: 'node20', sourcemap: true, logLevel: 'warning' };

await Promise.all([
  build({ ...common, entryPoints: ['server/src/cli/bin.ts'], outfile: 'dist/attest.js' }),
  // Outlines Markdown in worker threads while a large folder is indexed; next to attest.js.
  build({ ...common, entryPoints: ['server/src/node/outlineWorker.ts'], outfile: 'dist/outlineWorker.js' }),
  build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] }),
]);
