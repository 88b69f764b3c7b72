/**
 * The browser the tests drive: the system's Chromium (Debian's package) under
 * playwright-core, not a browser downloaded by Playwright, so that the suite
 * needs nothing from the network beyond npm. It gets a throw-away HOME, so
 * that no profile of the machine's user is read or written.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { chromium, type Browser } from 'playwright-core';
import { removeOnExit } from './exitCleanup';

/** The Chromium that playwright-core drives (Debian's package); override with $E2E_CHROMIUM. */
export const CHROMIUM_PATH = process.env.E2E_CHROMIUM ?? '/usr/bin/chromium';

/** Launches the system Chromium headless, with a throw-away HOME that is removed when the browser closes. */
export async function launchBrowser(options: { headless?: boolean } = {}): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(`${CHROMIUM_PATH} not found: run scripts/install-e2e-deps.sh (as root) first`);
  }
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'attest-e2e-chromium-'));
  const removeHome = removeOnExit(home);
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: options.headless ?? true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    env: { ...process.env, HOME: home, XDG_CONFIG_HOME: path.join(home, '.config'), XDG_CACHE_HOME: path.join(home, '.cache') },
  });
  browser.on('disconnected', removeHome);
  return browser;
}
