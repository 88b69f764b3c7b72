import * as assert from 'assert';
import { control, policy } from '../helpers';
import { ServerHarness } from './harness';

const ELSEWHERE = "POL-HR is defined in folder 'other', which is checked separately: 'policy' must name a policy in this folder (copy it here, or open the folders as one).";
const NOWHERE = "No document has the id POL-HR: 'policy' must name an existing policy (check the spelling, or create it).";

describe('language server over stdio: several workspace folders', function () {
  this.timeout(20_000);
  let server: ServerHarness;
  afterEach(async () => server?.stop());

  it('says which other folder has an id a reference names, and follows that folder as it changes', async () => {
    const hr = policy({ id: 'POL-HR', title: 'People Policy' });
    server = await ServerHarness.start(
      { 'one/policies/it.md': policy({ id: 'POL-IT' }), 'one/controls/c.md': control({ policy: 'POL-HR' }), 'other/policies/hr.md': hr },
      { folders: ['one', 'other'] },
    );
    const message = async (expected: string) => (await server.diagnosticsOf('one/controls/c.md', (d) => d.some((x) => x.message === expected))).filter((x) => x.code === 'unresolved-reference');
    const [elsewhere] = await message(ELSEWHERE);
    assert.strictEqual(elsewhere.severity, 1, 'still an error: each folder is checked on its own');
    // The other folder's policy is deleted, then comes back under another id and then its own.
    await server.writeFiles({ 'other/policies/hr.md': undefined });
    await message(NOWHERE);
    await server.writeFiles({ 'other/policies/hr.md': hr });
    await message(ELSEWHERE);
    await server.open('other/policies/hr.md');
    await server.change('other/policies/hr.md', hr.replace('id: POL-HR', 'id: POL-PEOPLE'), 2);
    await message(NOWHERE);
  });
});
