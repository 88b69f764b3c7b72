// Bundles the CLI/server and the VS Code client into dist/ with esbuild: the extension
// ships these two files (plus the data files), not node_modules.
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { build } from 'esbuild';
import { parse } from 'yaml';

const common = { bundle: true, platform: 'node', format: 'cjs', target: 'node20', sourcemap: true, logLevel: 'warning' };

await Promise.all([
  build({ ...common, entryPoints: ['server/src/cli/bin.ts'], outfile: 'dist/attest.js' }),
  // Outlines Markdown in worker threads while a large folder is indexed; next to attest.js.
  build({ ...common, entryPoints: ['server/src/node/outlineWorker.ts'], outfile: 'dist/outlineWorker.js' }),
  build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] }),
]);

// The bundled data files, parsed once here: reading YAML costs every run of the CLI about a
// tenth of a second. Each JSON copy names the hash of its source, and the server parses the
// YAML itself when they differ (an edited data file in a checkout that was not rebuilt).
const dataDir = 'server/data';
for (const rel of fs.readdirSync(dataDir, { recursive: true }).map(String).filter((f) => f.endsWith('.yaml'))) {
  const text = fs.readFileSync(path.join(dataDir, rel), 'utf8');
  const target = path.join('dist', 'data', `${rel}.json`);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, JSON.stringify({ sha256: createHash('sha256').update(text).digest('hex'), data: parse(text) }));
}
