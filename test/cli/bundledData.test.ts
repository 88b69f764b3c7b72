import * as assert from 'assert';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { readDataFile } from '../../server/src/node/bundledData';

/** A checkout with `server/data/list.yaml` and, when given, the build's JSON copy of it. */
function checkout(yamlText: string, copy?: { sha256: string; data: unknown }): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'attest-data-'));
  fs.mkdirSync(path.join(root, 'server', 'data'), { recursive: true });
  fs.writeFileSync(path.join(root, 'server', 'data', 'list.yaml'), yamlText);
  if (copy) {
    fs.mkdirSync(path.join(root, 'dist', 'data'), { recursive: true });
    fs.writeFileSync(path.join(root, 'dist', 'data', 'list.yaml.json'), JSON.stringify(copy));
  }
  return path.join(root, 'server', 'data');
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('bundled data files', () => {
  it("reads the build's JSON copy when it was made from the same YAML", () => {
    const text = 'items: [a, b]\n';
    // The copy says something else, so that the test can tell which was read.
    assert.deepStrictEqual(readDataFile(checkout(text, { sha256: sha256(text), data: { items: ['from the copy'] } }), 'list.yaml'), { items: ['from the copy'] });
  });

  it('parses the YAML when the copy is stale, damaged or missing', () => {
    const text = 'items: [a, b]\n';
    assert.deepStrictEqual(readDataFile(checkout(text, { sha256: sha256('items: [a]\n'), data: { items: ['a'] } }), 'list.yaml'), { items: ['a', 'b'] });
    const damaged = checkout(text, { sha256: sha256(text), data: {} });
    fs.writeFileSync(path.join(damaged, '..', '..', 'dist', 'data', 'list.yaml.json'), '{"sha256": "');
    assert.deepStrictEqual(readDataFile(damaged, 'list.yaml'), { items: ['a', 'b'] });
    assert.deepStrictEqual(readDataFile(checkout(text), 'list.yaml'), { items: ['a', 'b'] });
  });

  it('ships a copy of every data file, made from its current text', () => {
    const dataDir = path.join(__dirname, '..', '..', '..', 'server', 'data');
    for (const rel of fs.readdirSync(dataDir, { recursive: true }).map(String).filter((f) => f.endsWith('.yaml'))) {
      const copy = JSON.parse(fs.readFileSync(path.join(dataDir, '..', '..', 'dist', 'data', `${rel}.json`), 'utf8')) as { sha256: string };
      assert.strictEqual(copy.sha256, sha256(fs.readFileSync(path.join(dataDir, rel), 'utf8')), `${rel} has a current copy`);
    }
  });
});
