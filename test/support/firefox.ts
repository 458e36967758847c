/**
 * Debian's firefox-esr with the built Firefox extension (dist-firefox/), driven over WebDriver BiDi,
 * which Firefox speaks natively: no npm package and no browser download. The extension is installed
 * as a temporary add-on (`webExtension.install`, as about:debugging does); a pref fixes its UUID, so
 * its pages' moz-extension:// URLs are known in advance, and `--remote-allow-system-access` lets BiDi
 * open them. Outlet host names reach the local test server through an HTTP proxy pref pointing at it,
 * and MOZ_DISABLE_NONLOCAL_CONNECTIONS=1 makes Firefox refuse any connection to another address.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BidiConnection, deserialize, type RemoteValue } from './bidi.ts';

export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const DIST_FIREFOX = new URL('../../dist-firefox/', import.meta.url).pathname;
/** The gecko id of the Firefox build (vite.config.ts `firefoxManifest`). */
export const ADDON_ID = 'claimlens@claimlens.local';

/** True when Firefox is installed here (the suite says so and skips otherwise). */
export const haveFirefox = existsSync(FIREFOX);

/** Prefs that keep Firefox quiet, local and prompt-free, on top of the ones the remote agent sets. */
function prefs(proxyPort: number, uuid: string): Record<string, string | number | boolean> {
  return {
    // Every http:// URL goes to the test server, which serves pages by their host name.
    'network.proxy.type': 1,
    'network.proxy.http': '127.0.0.1',
    'network.proxy.http_port': proxyPort,
    'network.proxy.no_proxies_on': '',
    'network.proxy.allow_hijacking_localhost': true,
    'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: uuid }),
    // A permission request from the popup's button is granted as a reader's click on "Allow" would.
    'extensions.webextOptionalPermissionPrompts': false,
    'browser.shell.checkDefaultBrowser': false,
    'browser.startup.page': 0,
    'browser.aboutwelcome.enabled': false,
    'browser.tabs.warnOnClose': false,
    'datareporting.policy.dataSubmissionEnabled': false,
    'toolkit.telemetry.reportingpolicy.firstRun': false,
    'network.captive-portal-service.enabled': false,
    'network.connectivity-service.enabled': false,
    'network.dns.disablePrefetch': true,
    'network.prefetch-next': false,
    'browser.safebrowsing.malware.enabled': false,
    'browser.safebrowsing.phishing.enabled': false,
    'browser.safebrowsing.downloads.enabled': false,
    'extensions.update.enabled': false,
    'extensions.getAddons.cache.enabled': false,
    'extensions.blocklist.enabled': false,
    'services.settings.server': 'http://127.0.0.1:1/',
    'browser.region.network.url': '',
    'geo.provider.network.url': '',
    'media.gmp-manager.url': 'http://127.0.0.1:1/',
    'ui.prefersReducedMotion': 1,
  };
}

export interface FirefoxBrowser {
  bidi: BidiConnection;
  /** The Firefox version string, e.g. "153.8.0esr". */
  version: string;
  /** moz-extension://<uuid>/ of the installed extension. */
  extensionBase: string;
  /** Opens a new tab (at `url` when given, waiting for its load). */
  newTab(url?: string): Promise<FirefoxTab>;
  /**
   * The colour scheme pages see (`prefers-color-scheme`), set through Firefox's own preference from its
   * privileged side, which `--remote-allow-system-access` opens to BiDi.
   */
  setColorScheme(scheme: 'light' | 'dark'): Promise<void>;
  close(): Promise<void>;
}

/** Launches Firefox headless with a fresh profile and installs the built extension. */
export async function launchFirefox(options: {
  proxyPort: number;
  dist?: string;
  width?: number;
  height?: number;
}): Promise<FirefoxBrowser> {
  const dist = options.dist ?? DIST_FIREFOX;
  if (!existsSync(join(dist, 'manifest.json')))
    throw new Error(`no Firefox build in ${dist}: run "npm run build:firefox"`);
  if (!haveFirefox) throw new Error(`Firefox not found at ${FIREFOX}: apt-get install firefox-esr`);
  const version = execFileSync(FIREFOX, ['--version'], { encoding: 'utf8' })
    .trim()
    .replace(/^Mozilla Firefox /, '');
  const profile = mkdtempSync(join(tmpdir(), 'claimlens-firefox-'));
  const uuid = randomUUID();
  writeFileSync(
    join(profile, 'user.js'),
    Object.entries(prefs(options.proxyPort, uuid))
      .map(([k, v]) => `user_pref(${JSON.stringify(k)}, ${JSON.stringify(v)});`)
      .join('\n'),
  );
  const child = spawn(
    FIREFOX,
    [
      '--headless',
      '--remote-debugging-port=0',
      '--remote-allow-system-access',
      '--no-remote',
      '--profile',
      profile,
    ],
    {
      env: { ...process.env, MOZ_DISABLE_NONLOCAL_CONNECTIONS: '1', MOZ_CRASHREPORTER_DISABLE: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  // A test run that ends without closing the browser (a timeout, an interrupted worker) takes it along.
  const orphanGuard = () => child.kill('SIGKILL');
  process.once('exit', orphanGuard);
  child.once('exit', () => process.off('exit', orphanGuard));
  let bidi: BidiConnection;
  try {
    bidi = await BidiConnection.connect(`${await bidiEndpoint(child)}/session`);
    await bidi.send('session.new', { capabilities: { alwaysMatch: { acceptInsecureCerts: false } } });
    await bidi.send('webExtension.install', { extensionData: { type: 'path', path: dist } });
  } catch (error) {
    // No Firefox of ours is left behind when it could not be set up.
    child.kill('SIGKILL');
    rmSync(profile, { recursive: true, force: true });
    throw error;
  }
  const size = { width: options.width ?? 1280, height: options.height ?? 900 };
  return {
    bidi,
    version,
    extensionBase: `moz-extension://${uuid}/`,
    async newTab(url) {
      const { context } = await bidi.send<{ context: string }>('browsingContext.create', { type: 'tab' });
      const tab = new FirefoxTab(bidi, context);
      await bidi.send('browsingContext.setViewport', { context, viewport: size });
      if (url) await tab.goto(url);
      return tab;
    },
    async setColorScheme(scheme) {
      const { contexts } = await bidi.send<{ contexts: { context: string }[] }>('browsingContext.getTree', {
        'moz:scope': 'chrome',
        maxDepth: 0,
      });
      await bidi.send('script.evaluate', {
        expression: `Services.prefs.setIntPref('layout.css.prefers-color-scheme.content-override', ${scheme === 'dark' ? 0 : 1})`,
        target: { context: contexts[0].context },
        awaitPromise: false,
      });
    },
    async close() {
      await bidi.send('session.end', {}).catch(() => {});
      bidi.close();
      child.kill('SIGTERM');
      await new Promise<void>((resolve) => {
        if (child.exitCode !== null) resolve();
        else {
          const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
          child.once('exit', () => {
            clearTimeout(timer);
            resolve();
          });
        }
      });
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Waits for Firefox to print where its BiDi server listens. */
function bidiEndpoint(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(
      () => reject(new Error(`Firefox did not start BiDi: ${seen.slice(-2000)}`)),
      60_000,
    );
    const onData = (chunk: Buffer) => {
      seen += chunk.toString();
      const match = /WebDriver BiDi listening on (ws:\/\/[^\s]+)/.exec(seen);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stderr?.on('data', onData);
    child.stdout?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Firefox exited (${code}) before BiDi started: ${seen.slice(-2000)}`));
    });
  });
}

const KEYS: Record<string, string> = {
  Tab: '\uE004',
  Enter: '\uE007',
  Escape: '\uE00C',
  ArrowDown: '\uE015',
};

/** One tab, with what the tests do in it: navigate, evaluate, move the mouse, press keys, screenshot. */
export class FirefoxTab {
  constructor(
    readonly bidi: BidiConnection,
    readonly context: string,
  ) {}

  async goto(url: string): Promise<void> {
    await this.bidi.send('browsingContext.navigate', { context: this.context, url, wait: 'complete' });
  }

  /** Runs a script's source text in the page's own world (a library the test brings, like axe-core). */
  async run(source: string): Promise<void> {
    const result = await this.bidi.send<{ type: string; exceptionDetails?: { text: string } }>(
      'script.evaluate',
      {
        expression: source,
        target: { context: this.context },
        awaitPromise: false,
        resultOwnership: 'none',
      },
    );
    if (result.type === 'exception') throw new Error(`script failed: ${result.exceptionDetails?.text}`);
  }

  /** Brings the tab to the front, where keyboard focus lives. */
  async activate(): Promise<void> {
    await this.bidi.send('browsingContext.activate', { context: this.context });
  }

  /**
   * Runs `fn(...args)` in the page's own world (what the page's scripts see) or, with `sandbox`, in a
   * world of its own beside it; the result comes back as JSON.
   */
  async evaluate<T, A extends unknown[] = []>(
    fn: (...args: A) => T | Promise<T>,
    args?: A,
    options: { sandbox?: string } = {},
  ): Promise<T> {
    const result = await this.bidi.send<{
      type: string;
      result?: RemoteValue;
      exceptionDetails?: { text: string };
    }>('script.callFunction', {
      functionDeclaration: `(json) => (${fn.toString()})(...JSON.parse(json))`,
      arguments: [{ type: 'string', value: JSON.stringify(args ?? []) }],
      target: { context: this.context, ...(options.sandbox ? { sandbox: options.sandbox } : {}) },
      awaitPromise: true,
      resultOwnership: 'none',
      serializationOptions: { maxObjectDepth: 30, maxDomDepth: 0 },
    });
    if (result.type === 'exception') throw new Error(`evaluate failed: ${result.exceptionDetails?.text}`);
    return deserialize(result.result as RemoteValue) as T;
  }

  /**
   * Runs `fn` on the content of ClaimLens' closed shadow roots, which page scripts cannot reach: BiDi
   * hands the test a reference to each host's shadow root, whatever its mode.
   */
  async inShadow<T, A extends unknown[] = []>(
    fn: (roots: ShadowRoot[], ...args: A) => T,
    args?: A,
  ): Promise<T> {
    return deserialize(await this.callInShadow(fn.toString(), args ?? [])) as T;
  }

  /**
   * The accessible name Firefox's accessibility engine gives the focused element in ClaimLens' shadow
   * roots: the element's own words are the candidate, and the engine must find it by that name.
   */
  async focusedAccessibleName(): Promise<string | null> {
    const focused = await this.callInShadow(
      `(roots) => { let el = document.activeElement; for (const r of roots) if (r.activeElement) el = r.activeElement; return el; }`,
      [],
    );
    if (focused.type !== 'node' || !focused.sharedId) return null;
    const text = await this.bidi.send<{ result: RemoteValue }>('script.callFunction', {
      functionDeclaration: `(el) => (el.getAttribute('aria-label') ?? el.textContent ?? '').replace(/\\s+/g, ' ').trim()`,
      arguments: [{ sharedId: focused.sharedId }],
      target: { context: this.context, sandbox: 'claimlens-test' },
      awaitPromise: false,
      resultOwnership: 'none',
    });
    const name = deserialize(text.result) as string;
    // The accessibility locator does not look into shadow trees by itself: it starts from each root.
    const roots = await this.shadowRoots();
    const { nodes } = await this.bidi.send<{ nodes: RemoteValue[] }>('browsingContext.locateNodes', {
      context: this.context,
      locator: { type: 'accessibility', value: { name } },
      ...(roots.length ? { startNodes: roots } : {}),
    });
    return nodes.some((n) => n.sharedId === focused.sharedId) ? name : null;
  }

  /** References to ClaimLens' shadow roots in this page, whatever their mode. */
  private async shadowRoots(): Promise<{ sharedId: string }[]> {
    const hosts = await this.bidi.send<{ type: string; result: RemoteValue }>('script.evaluate', {
      expression: `[...document.querySelectorAll('claimlens-root')]`,
      target: { context: this.context, sandbox: 'claimlens-test' },
      awaitPromise: false,
      resultOwnership: 'none',
      serializationOptions: { maxDomDepth: 1, includeShadowTree: 'all' },
    });
    const roots: { sharedId: string }[] = [];
    for (const host of (hosts.result.value as RemoteValue[] | undefined) ?? []) {
      const shadow = (host.value as { shadowRoot?: RemoteValue } | undefined)?.shadowRoot;
      if (shadow?.sharedId) roots.push({ sharedId: shadow.sharedId });
    }
    return roots;
  }

  /** Calls a function (source text) with the shadow roots and JSON arguments; the raw BiDi result. */
  private async callInShadow(source: string, args: unknown[]): Promise<RemoteValue> {
    const roots = await this.shadowRoots();
    const result = await this.bidi.send<{
      type: string;
      result?: RemoteValue;
      exceptionDetails?: { text: string };
    }>('script.callFunction', {
      functionDeclaration: `(json, ...roots) => (${source})(roots, ...JSON.parse(json))`,
      arguments: [
        { type: 'string', value: JSON.stringify(args) },
        ...roots.map((r) => ({ sharedId: r.sharedId })),
      ],
      target: { context: this.context, sandbox: 'claimlens-test' },
      awaitPromise: true,
      resultOwnership: 'none',
      serializationOptions: { maxObjectDepth: 30, maxDomDepth: 0 },
    });
    if (result.type === 'exception') throw new Error(`inShadow failed: ${result.exceptionDetails?.text}`);
    return result.result as RemoteValue;
  }

  /**
   * Moves the mouse to (x, y) in viewport pixels. With a duration, Firefox moves it there in a straight
   * line, dispatching a mouse move on each tick on the way, as a hand does.
   */
  async mouseMove(x: number, y: number, options: { durationMs?: number } = {}): Promise<void> {
    await this.pointer([
      {
        type: 'pointerMove',
        x: Math.round(x),
        y: Math.round(y),
        origin: 'viewport',
        duration: Math.round(options.durationMs ?? 0),
      },
    ]);
  }

  async click(x: number, y: number): Promise<void> {
    await this.pointer([
      { type: 'pointerMove', x: Math.round(x), y: Math.round(y), origin: 'viewport', duration: 50 },
      { type: 'pointerDown', button: 0 },
      { type: 'pointerUp', button: 0 },
    ]);
  }

  async press(key: keyof typeof KEYS | string): Promise<void> {
    const value = KEYS[key] ?? key;
    await this.bidi.send('input.performActions', {
      context: this.context,
      actions: [
        {
          type: 'key',
          id: 'keyboard',
          actions: [
            { type: 'keyDown', value },
            { type: 'keyUp', value },
          ],
        },
      ],
    });
  }

  /** A PNG of the viewport. */
  async screenshot(): Promise<Buffer> {
    const { data } = await this.bidi.send<{ data: string }>('browsingContext.captureScreenshot', {
      context: this.context,
    });
    return Buffer.from(data, 'base64');
  }

  async close(): Promise<void> {
    await this.bidi.send('browsingContext.close', { context: this.context }).catch(() => {});
  }

  private async pointer(actions: Record<string, unknown>[]): Promise<void> {
    await this.bidi.send('input.performActions', {
      context: this.context,
      actions: [{ type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' }, actions }],
    });
  }
}
