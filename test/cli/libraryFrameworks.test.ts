import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { openWorkspace } from '../../server/src/cli/workspace';
import { REPO, TODAY } from '../helpers';

const LIBRARY = path.join(REPO, 'policies');

describe('the starter library and the frameworks beyond SOC 2', () => {
  it('turns on ISO/IEC 42001 and the NIST AI RMF, and claims items of both where its documents meet them', async () => {
    const index = await openWorkspace(LIBRARY, TODAY);
    assert.deepStrictEqual(index.config.enabledFrameworks, ['iso42001', 'nist-ai-rmf']);
    const claimants = (framework: string) => [...index.documents].filter((d) => d.satisfies.some((c) => c.framework.value === framework && c.items.length > 0));
    for (const framework of ['iso42001', 'nist-ai-rmf']) {
      const docs = claimants(framework);
      assert.ok(docs.some((d) => d.type === 'addendum') && docs.some((d) => d.type === 'control') && docs.some((d) => d.type === 'policy'), `${framework} is claimed by addenda, controls and policies`);
    }
    // The lifecycle controls an ISO/IEC 42001 auditor samples first are implemented by controls.
    const status = (framework: string, id: string) => index.coverage().frameworks?.find((f) => f.id === framework)?.items.find((i) => i.id === id)?.status;
    for (const id of ['A.6.2.4', 'A.6.2.5', 'A.6.2.6', 'A.7.5']) assert.strictEqual(status('iso42001', id), 'controlled', id);
    assert.strictEqual(status('iso42001', 'A.5.2'), 'uncovered', 'the library has no AI impact assessment, and does not pretend to');
  });

  it('gives its coverage per framework in the README, as `attest check` prints it', async () => {
    const index = await openWorkspace(LIBRARY, TODAY);
    const readme = fs.readFileSync(path.join(REPO, 'README.md'), 'utf8');
    for (const f of index.coverage().frameworks ?? []) {
      const line = `${f.name}: ${f.summary.percent}% — ${f.summary.covered} of ${f.summary.inScope} items controlled, implemented or excepted.`;
      assert.ok(readme.includes(line), `the README says: ${line}`);
    }
  });
});
