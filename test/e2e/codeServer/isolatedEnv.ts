/**
 * Environments for code-server and the npm that installs it. The run may be
 * started through `npm run`, whose lifecycle variables would leak into the
 * nested npm install, and from inside VS Code, whose variables would make
 * code-server think it runs in an extension host; and code-server must never
 * write into the real HOME or reach the Marketplace.
 */

/** Environment without the variables that `npm run` injects for its own lifecycle. */
export function cleanEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of Object.keys(env)) {
    const k = key.toLowerCase();
    if (
      k.startsWith('npm_lifecycle_') ||
      k.startsWith('npm_package_') ||
      k === 'npm_command' ||
      k === 'npm_execpath' ||
      k === 'npm_node_execpath' ||
      k === 'init_cwd' ||
      k === 'npm_config_local_prefix' ||
      k === 'npm_config_prefix' ||
      k === 'npm_config_global_prefix' ||
      k === 'npm_config_global' ||
      k === 'npm_config_loglevel' ||
      k === 'npm_config_user_agent' ||
      k === 'npm_config_allow_scripts' ||
      k === 'npm_config_ignore_scripts' ||
      k.startsWith('vscode_') ||
      k.startsWith('electron_')
    ) {
      delete env[key];
    }
  }
  return env;
}

/** A HOME for one-off CLI calls, so that code-server writes no config into the real one. */
export function isolatedEnv(home: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = cleanEnv();
  env.HOME = home;
  delete env.XDG_CONFIG_HOME;
  delete env.XDG_DATA_HOME;
  delete env.XDG_CACHE_HOME;
  env.EXTENSIONS_GALLERY = '{}';
  return { ...env, ...extra };
}
