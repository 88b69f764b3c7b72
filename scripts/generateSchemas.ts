// Writes schemas/*.json from the data the server checks with (see scripts/schemas/build.ts).
//   node out/scripts/generateSchemas.js           rewrite the files
//   node out/scripts/generateSchemas.js --check   exit 1 when a file is out of date
import * as fs from 'fs';
import * as path from 'path';
import { findDataDir, loadBundledData } from '../server/src/node/bundledData';
import { schemaFiles } from './schemas/build';

const root = path.dirname(path.dirname(findDataDir()));
const check = process.argv.includes('--check');
let stale = 0;
for (const [file, content] of Object.entries(schemaFiles(loadBundledData()))) {
  const target = path.join(root, file);
  const current = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : undefined;
  if (current === content) continue;
  if (check) {
    stale++;
    console.error(`${file} is out of date: run node out/scripts/generateSchemas.js`);
  } else {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, content);
    console.log(`wrote ${file}`);
  }
}
process.exitCode = stale > 0 ? 1 : 0;
