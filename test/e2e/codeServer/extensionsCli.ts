/**
 * Extensions installed the way a user installs them: through code-server's
 * own CLI (`--install-extension`, `--list-extensions`), run against one
 * instance's folders, so that the tests exercise the packaged .vsix and not
 * the source tree.
 */
import * as path from 'path';
import { runToCompletion, type ProgramResult } from '../externalPrograms';

export interface ExtensionsCli {
  /** Installs a .vsix into the instance's extensions dir. Windows opened afterwards see it. */
  installVsix(vsixPath: string): Promise<void>;
  /** Extension ids installed in the instance (`publisher.name@version`). */
  listExtensions(): Promise<string[]>;
}

/** The CLI of code-server's `entry` with the instance's `instanceArgs` (user data, extensions dir, config) and `env`. */
export function extensionsCli(entry: string, instanceArgs: string[], env: NodeJS.ProcessEnv): ExtensionsCli {
  const cli = async (args: string[]): Promise<ProgramResult> => {
    const result = await runToCompletion(process.execPath, [entry, ...instanceArgs, ...args], { env });
    if (result.code !== 0) {
      throw new Error(`code-server ${args.join(' ')} failed (exit ${result.code}):\n${result.stdout}${result.stderr}`);
    }
    return result;
  };
  return {
    async installVsix(vsixPath: string): Promise<void> {
      const result = await cli(['--install-extension', path.resolve(vsixPath), '--force']);
      // A zero exit alone is not trusted: the CLI's own success message is what proves the install.
      if (!/successfully installed|already installed/i.test(result.stdout + result.stderr)) {
        throw new Error(`installing ${vsixPath} did not report success:\n${result.stdout}${result.stderr}`);
      }
    },
    async listExtensions(): Promise<string[]> {
      const result = await cli(['--list-extensions', '--show-versions']);
      return result.stdout
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => /^[\w.-]+\.[\w.-]+@/.test(l));
    },
  };
}
