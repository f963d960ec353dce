/**
 * Launching Debian's Chromium. Playwright cannot download its own browsers on these machines,
 * so the system binary is used; the flags keep it from reaching for the network on its own.
 */
import { existsSync } from 'node:fs';
import { chromium, type BrowserContext } from '@playwright/test';
import { RENDERER_JS_FLAGS } from '../../src/main/renderer-v8-flags';

const DEFAULT_CHROMIUM_PATH = '/usr/bin/chromium';

const CHROMIUM_ARGS: readonly string[] = [
  // The tests run as root in containers, where Chromium's sandbox cannot start.
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  // Electron's MessagePortMain tells main when the renderer's end of a sync port closes; the
  // harness's relay worker learns it from the port's 'close' event, which Chromium ships
  // behind this switch.
  '--enable-blink-features=MessagePortCloseEvent',
  // The app's own V8 flags for its renderer, as main sets them.
  `--js-flags=${RENDERER_JS_FLAGS}`,
];

const WINDOW_SIZE = { width: 1280, height: 800 } as const;

export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.CHROMIUM_PATH || DEFAULT_CHROMIUM_PATH;
}

/** A clear sentence instead of Playwright's "executable doesn't exist" deep in a stack. */
export function assertChromiumInstalled(env: NodeJS.ProcessEnv = process.env): string {
  const path = chromiumPath(env);
  if (!existsSync(path)) {
    throw new Error(
      `Chromium was not found at ${path}. Install it (apt-get install chromium), ` +
        'set CHROMIUM_PATH to its binary, or run `bash .ci/run`, which installs it.',
    );
  }
  return path;
}

/**
 * A persistent context, so IndexedDB survives a restart when the same profile directory is
 * reused, as it does for the app's own user data.
 */
export async function launchChromium(
  profileDir: string,
  options: { headless?: boolean } = {},
): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profileDir, {
    executablePath: assertChromiumInstalled(),
    headless: options.headless ?? true,
    args: [...CHROMIUM_ARGS],
    viewport: { ...WINDOW_SIZE },
    // Nothing outside the loopback server is ever loaded; refuse service workers so a cached
    // copy of the renderer can never stand in for the build under test.
    serviceWorkers: 'block',
  });
}
