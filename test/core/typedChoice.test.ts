import * as assert from 'assert';
import { typedChoice } from '../../client/src/commands/typedChoice';

const CRITERIA = [
  { label: 'CC6.1', description: 'Security', detail: 'Logical access security software and infrastructure.' },
  { label: 'CC6.2', description: 'Security', detail: 'Users are registered and authorised before access.' },
  { label: 'CC6.3', description: 'Security', detail: 'Access is granted, changed and removed by role.' },
  { label: 'A1.2', description: 'Availability', detail: 'Environmental protections, backups and recovery.' },
];

describe('the criterion Enter takes in the New Document picker', () => {
  it('takes the criterion whose id is typed, in any case and with spaces around', () => {
    assert.strictEqual(typedChoice(CRITERIA, ' cc6.2 '), CRITERIA[1]);
  });

  it('takes the only criterion the text begins or otherwise matches', () => {
    assert.strictEqual(typedChoice(CRITERIA, 'A1'), CRITERIA[3]);
    assert.strictEqual(typedChoice(CRITERIA, 'backups'), CRITERIA[3]);
  });

  it('says what to do when the text matches several or none, and takes nothing for an empty filter', () => {
    assert.strictEqual(typedChoice(CRITERIA, 'CC6'), '"CC6" matches 3 criteria: tick the ones you mean, or type one id');
    assert.strictEqual(typedChoice(CRITERIA, 'access'), '"access" matches 3 criteria: tick the ones you mean, or type one id');
    assert.strictEqual(typedChoice(CRITERIA, 'PI1.1'), 'no criterion matches "PI1.1"');
    assert.strictEqual(typedChoice(CRITERIA, '  '), undefined);
  });
});
