/**
 * Launches Debian's Chromium with the built extension loaded, through playwright-core (no browser
 * download). Every host name resolves to 127.0.0.1, so outlet pages get distinct hosts and nothing can
 * leave the machine.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Worker } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const DIST = new URL('../../dist/', import.meta.url).pathname;

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  userDataDir: string;
  close(): Promise<void>;
}

/** Chromium flags that keep the browser quiet and local. */
export function chromiumArgs(dist: string): string[] {
  return [
    '--no-sandbox',
    `--disable-extensions-except=${dist}`,
    `--load-extension=${dist}`,
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-default-apps',
    '--disable-domain-reliability',
    '--disable-client-side-phishing-detection',
    '--disable-sync',
    '--no-first-run',
    '--no-default-browser-check',
    '--metrics-recording-only',
    '--host-resolver-rules=MAP * 127.0.0.1',
  ];
}

/** Launches a persistent context (extensions need one; its IndexedDB lives on disk like a user's). */
export async function launchWithExtension(
  options: { headless?: boolean; userDataDir?: string; dist?: string; extraArgs?: string[] } = {},
): Promise<ExtensionBrowser> {
  const dist = options.dist ?? DIST;
  if (!existsSync(join(dist, 'manifest.json')))
    throw new Error(`no built extension in ${dist}: run "npm run build"`);
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install chromium`);
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'claimlens-profile-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: options.headless ?? true,
    args: [...chromiumArgs(dist), ...(options.extraArgs ?? [])],
    viewport: { width: 1280, height: 900 },
  });
  const serviceWorker =
    context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 20_000 }));
  const extensionId = new URL(serviceWorker.url()).host;
  return {
    context,
    extensionId,
    serviceWorker,
    userDataDir,
    async close() {
      await context.close();
      if (!options.userDataDir) rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Grants the extension host access the way a reader does on chrome://extensions (site access), since
 * the browser's permission prompt cannot be clicked in headless Chromium. The extension still asks the
 * permissions API itself; it is then answered at once.
 */
export async function grantHosts(browser: ExtensionBrowser, hosts: readonly string[]): Promise<void> {
  const page = await browser.context.newPage();
  await page.goto(`chrome://extensions/?id=${browser.extensionId}`);
  await page.evaluate(
    async ({ id, patterns }) => {
      const dev = (
        chrome as unknown as { developerPrivate: { addHostPermission(id: string, p: string): Promise<void> } }
      ).developerPrivate;
      for (const p of patterns) await dev.addHostPermission(id, p);
    },
    { id: browser.extensionId, patterns: hosts.map((h) => `http://${h}/*`) },
  );
  await page.close();
}
