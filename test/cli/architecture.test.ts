import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import madge from 'madge';
import { ATTEST_VERSION } from '../../server/src/shared/version';
import { REPO } from '../helpers';

/** The project's shape, checked so that it does not drift: see "Working on Attest" in the README. */

function sources(...roots: string[]): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules' && entry.name !== 'fixtures') walk(full);
      } else if (/\.ts$/.test(entry.name) && !entry.name.endsWith('.d.ts')) found.push(full);
    }
  };
  for (const root of roots) walk(path.join(REPO, root));
  return found;
}

function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:^|\n)\s*(?:import|export)[^'"\n;]*?from\s+'([^']+)'|import\('([^']+)'\)/g)].map((m) => m[1] ?? m[2]);
}

const relative = (file: string): string => path.relative(REPO, file).split(path.sep).join('/');

describe('the project layout', () => {
  it('has no import cycle in the server or the client', async function () {
    this.timeout(60_000);
    const graph = await madge([path.join(REPO, 'server/src'), path.join(REPO, 'client/src')], {
      fileExtensions: ['ts'],
      tsConfig: path.join(REPO, 'tsconfig.base.json'),
    });
    assert.deepStrictEqual(graph.circular(), []);
  });

  it('keeps the client to the shared protocol module of the server', () => {
    const reaching = sources('client/src').flatMap((file) =>
      importsOf(file)
        .filter((spec) => spec.startsWith('.'))
        .map((spec) => relative(path.resolve(path.dirname(file), spec)))
        .filter((target) => target.startsWith('server/') && !target.startsWith('server/src/shared/'))
        .map((target) => `${relative(file)} → ${target}`),
    );
    assert.deepStrictEqual(reaching, []);
  });

  it('keeps the shared module free of imports from the rest of the server', () => {
    const reaching = sources('server/src/shared').flatMap((file) =>
      importsOf(file)
        .filter((spec) => !spec.startsWith('./'))
        .map((spec) => `${relative(file)} → ${spec}`),
    );
    assert.deepStrictEqual(reaching, []);
  });

  // Path arithmetic (`path.posix`) is allowed: it is string work, the same on every platform.
  it('keeps the analysis core free of transport, file system and console', () => {
    const forbidden = /^(fs|child_process|worker_threads|vscode-languageserver(\/node)?|vscode-languageserver-protocol|vscode)$/;
    const offending = sources('server/src/core').flatMap((file) => {
      const text = fs.readFileSync(file, 'utf8');
      const bad = importsOf(file).filter((spec) => forbidden.test(spec));
      if (/\bconsole\./.test(text)) bad.push('console');
      return bad.map((what) => `${relative(file)} uses ${what}`);
    });
    assert.deepStrictEqual(offending, []);
  });

  it('has no source file over 300 lines', () => {
    const long = sources('server/src', 'client/src', 'test', 'scripts')
      .map((file) => ({ file: relative(file), lines: fs.readFileSync(file, 'utf8').split('\n').length - 1 }))
      .filter((f) => f.lines > 300)
      .map((f) => `${f.file}: ${f.lines} lines`);
    assert.deepStrictEqual(long, []);
  });

  it('states its version once, as package.json does', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { version: string };
    assert.strictEqual(ATTEST_VERSION, manifest.version);
  });
});
