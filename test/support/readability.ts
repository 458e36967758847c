/**
 * Mozilla Readability's saved test pages (../shared/data/readability-pages) as local pages for the
 * real-page tests and the benchmark: external resource URLs are neutralised so Chromium asks nothing of
 * any host but the local test server, and the expected article text gives the ground truth.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { Window } from 'happy-dom';
import type { BrowserContext, Page } from 'playwright-core';
import { analyzeSentences } from '../../src/claims/index.ts';
import { collectBlocks } from '../../src/extract/blocks.ts';
import { claimMask, DEFAULT_CLAIM_THRESHOLD } from '../../src/model/sentence.ts';

export const READABILITY_DIR = new URL('../../../shared/data/readability-pages/', import.meta.url);

export interface ReadabilityPage {
  name: string;
  /** Host name the page is served under (Chromium maps every host to 127.0.0.1). */
  host: string;
  /** The saved page with external URLs neutralised (bytes, encoding untouched). */
  html: Buffer;
  /**
   * The Content-Type to serve it with. The pages were saved as UTF-8 and Readability reads them so;
   * their own servers said so in the header, and some say it only in a meta tag past the 1,024 bytes a
   * browser scans for one (breitbart), which Chromium then decodes as windows-1252 ("â€œ" for a quote),
   * so no highlight matches the article text.
   */
  type: string;
  /** Whether Readability treats the page as an article. */
  readerable: boolean;
  /** Normalised text of the expected article. */
  expectedText: string;
  /** Sentences of the expected article that the core scores as claims. */
  goldClaims: string[];
}

/** Whether the shared data set is present (it is not in a fresh clone). */
export function haveReadabilityPages(): boolean {
  return existsSync(READABILITY_DIR);
}

/**
 * Text compared the way a reader compares it (a highlight against the expected article, the golden
 * corpus's blocks and claims): Unicode-normalised, invisible characters dropped, quotes straightened,
 * blanks collapsed.
 */
export function normalise(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\u00ad\u200b-\u200d\u2060\ufeff]/g, '')
    .replace(/[‘’‛′]/g, "'")
    .replace(/[“”„″]/g, '"')
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
}

/** Loads every page (or the named ones), with its ground truth. */
export function loadReadabilityPages(names?: string[]): ReadabilityPage[] {
  if (!haveReadabilityPages()) return [];
  const all = readdirSync(READABILITY_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
  return all
    .filter((name) => !names || names.includes(name))
    .map((name) => {
      const dir = new URL(`${name}/`, READABILITY_DIR);
      const meta = JSON.parse(readFileSync(new URL('expected-metadata.json', dir), 'utf8')) as {
        readerable?: boolean;
      };
      const expected = readFileSync(new URL('expected.html', dir), 'utf8');
      const { text, claims } = groundTruth(expected);
      return {
        name,
        host: `${name.toLowerCase().replace(/[^a-z0-9-]/g, '-')}.pages.test`,
        html: neutralise(readFileSync(new URL('source.html', dir))),
        type: 'text/html; charset=utf-8',
        readerable: meta.readerable !== false,
        expectedText: text,
        goldClaims: claims,
      };
    });
}

const URL_ATTR =
  /(\s(?:src|srcset|data-src|poster|background|href|action|data)\s*=\s*)(["']?)\s*(?:https?:)?\/\/[^"'\s>]*\2/gi;
const RESOURCE_TAG =
  /<(?:img|script|link|iframe|frame|source|video|audio|embed|object|input|track|image|use)\b[^>]*>/gi;

/**
 * Rewrites a saved page so that loading it asks nothing of any host but the one serving it: absolute
 * and protocol-relative URLs in resource tags become `data:,`, CSS `url()`s and `@import`s of other
 * hosts go, and `<base>` and meta refreshes are dropped. Works on the bytes as latin1 so the page's own
 * encoding survives untouched. Links (`<a href>`) are left alone: they load nothing.
 */
export function neutralise(source: Buffer): Buffer {
  let html = source.toString('latin1');
  html = html.replace(RESOURCE_TAG, (tag) => tag.replace(URL_ATTR, '$1$2data:,$2'));
  html = html.replace(/url\(\s*(['"]?)\s*(?:https?:)?\/\/[^)]*\)/gi, 'url(data:,)');
  html = html.replace(/@import\s+(['"])(?:https?:)?\/\/[^'"]*\1[^;]*;/gi, '');
  html = html.replace(/<base\b[^>]*>/gi, '');
  html = html.replace(/<meta[^>]+http-equiv\s*=\s*["']?refresh[^>]*>/gi, '');
  return Buffer.from(html, 'latin1');
}

/** The expected article's normalised text and the sentences of it the core calls claims. */
function groundTruth(expectedHtml: string): { text: string; claims: string[] } {
  const window = new Window({ url: 'https://expected.test/' });
  // The reader's judgement is the text: class names in it say nothing (a share-button id on the body).
  const bare = expectedHtml.replace(/\s(?:class|id)\s*=\s*("[^"]*"|'[^']*')/gi, '');
  window.document.write(`<!doctype html><html><body><div id="expected">${bare}</div></body></html>`);
  const root = window.document.getElementById('expected') as unknown as Element;
  const text = normalise(root.textContent ?? '');
  const blocks = collectBlocks(root).map((b) => ({ kind: b.kind, text: b.text }));
  const sentences = analyzeSentences(blocks);
  const mask = claimMask(sentences, DEFAULT_CLAIM_THRESHOLD);
  const claims = sentences.filter((_, i) => mask[i]).map((s) => normalise(s.text));
  window.close();
  return { text, claims };
}

/** How the highlights of one page compare with its expected article. */
export interface PageScore {
  highlights: number;
  /** Highlights whose text is inside the expected article text. */
  inside: number;
  /** Expected claims found among the highlights. */
  goldFound: number;
  gold: number;
}

/**
 * Scores highlights against the ground truth. A gold claim counts as found when a highlight contains
 * it or covers at least half of it (sentence splitting differs a little between the page and the
 * expected extract).
 */
export function scorePage(page: ReadabilityPage, highlights: string[]): PageScore {
  const texts = highlights.map(normalise).filter(Boolean);
  const inside = texts.filter((t) => page.expectedText.includes(t)).length;
  let goldFound = 0;
  for (const g of page.goldClaims) {
    if (texts.some((t) => t.includes(g) || (g.includes(t) && t.length * 2 >= g.length))) goldFound++;
  }
  return { highlights: texts.length, inside, goldFound, gold: page.goldClaims.length };
}

/** Text of every claim highlight on the page (the registry is visible to page scripts too). */
export async function highlightTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const h = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('claimlens-claim');
    return [...(h ?? [])].map((r) => r.toString());
  });
}

/**
 * Main-world script that notes when the first claim highlight is registered. A string, not a function:
 * tsx would wrap named inner functions in a helper the page does not have.
 */
const HIGHLIGHT_WATCH = `(() => {
  const poll = () => {
    const h = CSS.highlights && CSS.highlights.get('claimlens-claim');
    if (h && h.size > 0) window.__clHighlightAt = performance.now();
    else requestAnimationFrame(poll);
  };
  requestAnimationFrame(poll);
})();`;

/**
 * Opens a page and waits until ClaimLens has painted its highlights, or, when it paints none, until
 * `quietMs` after load. Returns the time from the load event to the first highlight (null if none).
 */
export async function openAndSettle(
  context: BrowserContext,
  url: string,
  options: { expectHighlights: boolean; timeoutMs?: number; quietMs?: number },
): Promise<{ page: Page; highlightAfterLoadMs: number | null; highlightAfterStartMs: number | null }> {
  const page = await context.newPage();
  await page.addInitScript(HIGHLIGHT_WATCH);
  await page.goto(url, { waitUntil: 'load', timeout: 30_000 });
  const wait = options.expectHighlights ? (options.timeoutMs ?? 8_000) : (options.quietMs ?? 2_000);
  await page
    .waitForFunction(
      () => (window as unknown as { __clHighlightAt?: number }).__clHighlightAt !== undefined,
      undefined,
      {
        timeout: wait,
        polling: 50,
      },
    )
    .catch(() => {});
  const times = await page.evaluate(() => {
    const at = (window as unknown as { __clHighlightAt?: number }).__clHighlightAt;
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    return { at: at ?? null, load: nav?.loadEventEnd ?? 0 };
  });
  return {
    page,
    highlightAfterLoadMs: times.at === null ? null : Math.max(0, times.at - times.load),
    highlightAfterStartMs: times.at,
  };
}
