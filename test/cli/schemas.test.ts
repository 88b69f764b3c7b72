import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { loadBundledData } from '../../server/src/node/bundledData';
import { schemaFiles } from '../../scripts/schemas/build';
import { REPO } from '../helpers';

const LIBRARY = path.join(REPO, 'policies');

function markdownFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return markdownFiles(full);
    return entry.name.endsWith('.md') && entry.name !== 'README.md' ? [full] : [];
  });
}

function frontmatterOf(file: string): unknown {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(fs.readFileSync(file, 'utf8'));
  assert.ok(match, `${file} has frontmatter`);
  return parse(match[1]);
}

function validator(file: string) {
  const ajv = new Ajv({ allErrors: true, strict: false, formats: { date: /^\d{4}-\d{2}-\d{2}$/ } });
  const validate = ajv.compile(JSON.parse(fs.readFileSync(path.join(REPO, file), 'utf8')) as object);
  return (value: unknown): string[] => (validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`));
}

describe('the JSON Schemas of attest.yaml and the frontmatter', () => {
  const frontmatter = validator('schemas/frontmatter.schema.json');
  const config = validator('schemas/attest.schema.json');
  const good = { id: 'CTL-AC-01', type: 'control', title: 'Access provisioning', owner: 'IT Lead', status: 'approved', policy: 'POL-ACCESS', frequency: 'quarterly', criteria: ['CC6.2'], evidence: [{ name: 'Tickets', path: 'evidence/t.csv', collected: '2026-05-01' }] };

  it('are what the generator writes from the bundled data (node out/scripts/generateSchemas.js)', () => {
    for (const [file, content] of Object.entries(schemaFiles(loadBundledData()))) {
      assert.strictEqual(fs.readFileSync(path.join(REPO, file), 'utf8'), content, `${file} is out of date`);
    }
  });

  it('accept every document and the attest.yaml of the starter library', () => {
    const files = markdownFiles(LIBRARY);
    assert.ok(files.length > 50, `${files.length} documents`);
    for (const file of files) assert.deepStrictEqual(frontmatter(frontmatterOf(file)), [], path.relative(REPO, file));
    assert.deepStrictEqual(config(parse(fs.readFileSync(path.join(LIBRARY, 'attest.yaml'), 'utf8'))), []);
    assert.deepStrictEqual(frontmatter(good), []);
  });

  const mistakes: [string, Record<string, unknown>][] = [
    ['a missing required field', { owner: undefined }],
    ['a field another type needs (a control without policy)', { policy: undefined }],
    ['an unknown field', { ownr: 'IT Lead' }],
    ['a field of another type', { extends: 'POL-ACCESS' }],
    ['an id that is not upper-case words', { id: 'ctl ac 01' }],
    ['an unknown type', { type: 'memo' }],
    ['an unknown status', { status: 'aproved' }],
    ['a value in another case', { status: 'Approved' }],
    ['an unknown frequency', { frequency: 'hourly' }],
    ['an unknown criterion', { criteria: ['CC9.9'] }],
    ['criteria as one string', { criteria: 'CC6.1, CC6.2' }],
    ['an unknown ML topic', { ml: ['model-versionin'] }],
    ['a date not written YYYY-MM-DD', { effective: '1 May 2026' }],
    ['a review without its cycle', { review: { last: '2026-01-01' } }],
    ['a review cycle that does not exist', { review: { cycle: 'weekly', last: '2026-01-01' } }],
    ['evidence without a path or url', { evidence: [{ name: 'Tickets', collected: '2026-05-01' }] }],
  ];
  for (const [what, change] of mistakes) {
    it(`reject ${what} in the frontmatter`, () => {
      const doc: Record<string, unknown> = { ...good, ...change };
      for (const key of Object.keys(change)) if (change[key] === undefined) delete doc[key];
      assert.notDeepStrictEqual(frontmatter(doc), [], JSON.stringify(doc));
    });
  }

  const configMistakes: [string, unknown][] = [
    ['an unknown setting', { categorie: ['privacy'] }],
    ['an unknown category', { categories: ['secrecy'] }],
    ['an ml setting that is not true, false or auto', { ml: 'sometimes' }],
    ['an unknown rule code', { rules: { 'stale-reveiw': 'off' } }],
    ['an unknown severity', { rules: { 'stale-review': 'fatal' } }],
    ['an exception without a reason', { exceptions: [{ criterion: 'A1.1' }] }],
    ['an exception of an unknown criterion', { exceptions: [{ criterion: 'A1.9', reason: 'No SLA.' }] }],
    ['sections of an unknown type', { sections: { memo: ['Purpose'] } }],
    ['an unknown ML topic turned off', { 'ml-topics': { disable: ['drift'] } }],
  ];
  for (const [what, value] of configMistakes) {
    it(`reject ${what} in attest.yaml`, () => assert.notDeepStrictEqual(config(value), [], JSON.stringify(value)));
  }
});
