import * as assert from 'assert';
import { folderChoice } from '../../client/src/commands/folderChoice';

const app = { index: 0, uri: 'file:///ws/app' };
const infra = { index: 1, uri: 'file:///ws/infra' };
const docs = { index: 2, uri: 'file:///ws/docs' };

describe('the folder a command works on, in a multi-root workspace', () => {
  it('takes the only folder, or the only one with Attest documents, without asking', () => {
    assert.deepStrictEqual(folderChoice([app], new Set(), undefined), { take: app });
    assert.deepStrictEqual(folderChoice([app, infra, docs], new Set([infra.uri]), app.uri), { take: infra });
  });

  it("asks among the Attest folders when there are several, the active editor's first, never guessing from it", () => {
    assert.deepStrictEqual(folderChoice([app, infra, docs], new Set([app.uri, docs.uri]), docs.uri), { ask: [docs, app] });
    assert.deepStrictEqual(folderChoice([app, infra, docs], new Set([app.uri, docs.uri]), infra.uri), { ask: [app, docs] });
  });

  it('asks among every folder when none is an Attest folder yet, or when any will do (initialising)', () => {
    assert.deepStrictEqual(folderChoice([app, infra], new Set(), undefined), { ask: [app, infra] });
    assert.deepStrictEqual(folderChoice([app, infra], undefined, infra.uri), { ask: [infra, app] });
  });

  it('has nothing to offer without a folder', () => {
    assert.strictEqual(folderChoice([], undefined, undefined), undefined);
  });
});
