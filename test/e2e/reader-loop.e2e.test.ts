/**
 * Issue 2, steps 1 to 5, in real Chromium with the built extension: a reader opens the Korea Herald
 * article, then the four other outlets' articles; highlights, the store, the tooltip (hover and
 * keyboard), the popup and the badge are checked on the real pages.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleIdFor, canonicalUrl } from '../../src/store/ids.ts';
import { type ExtensionBrowser, launchWithExtension } from '../support/browser.ts';
import { claimRanges, hoverText, openArticle, tabIdOf } from '../support/pages.ts';
import { SEED_PAGES, startServer, type TestServer } from '../support/server.ts';
import { ShadowReader, waitForTooltip } from '../support/shadow.ts';
import { readStore } from '../support/store.ts';

const herald = SEED_PAGES.find((p) => p.outlet === 'The Korea Herald')!;
const others = SEED_PAGES.filter((p) => p !== herald);
const KEY_CLAIM = /more than 11,000 North Korean soldiers would be ready to fight .* by Nov\. 1/;
/** Screenshots for a person to look at (not compared). */
const OUT = 'out/reader-loop/';

let server: TestServer;
let browser: ExtensionBrowser;
let heraldPage: Page;
let heraldUrl: string;
let claimsBefore: string[] = [];
let tooltipBefore = '';

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  server = await startServer();
  browser = await launchWithExtension();
  heraldUrl = server.url(herald.host, herald.path);
  heraldPage = await openArticle(browser.context, heraldUrl);
  claimsBefore = await claimRanges(heraldPage);
  // Before any other outlet is read, the key claim has no cross-outlet status.
  await hoverText(heraldPage, 'more than 11,000 North Korean soldiers');
  tooltipBefore = (await waitForTooltip(await ShadowReader.for(heraldPage), /outlet/)).text;
  await heraldPage.mouse.move(2, 2);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('step 1: check-worthy sentences are highlighted in place', () => {
  it('highlights the claim sentences of the article body', () => {
    expect(claimsBefore.length).toBeGreaterThanOrEqual(8);
    expect(claimsBefore.some((t) => KEY_CLAIM.test(t))).toBe(true);
    expect(claimsBefore.some((t) => /at least 1,500 North Korean troops/.test(t))).toBe(true);
  });

  it('never highlights navigation, headings, bylines, captions, file names or notices', async () => {
    const joined = claimsBefore.join('\n');
    for (const furniture of [
      /World|Politics|Business|Opinion/,
      /Evidence points to North Korea’s looming troop deployment/,
      /Son Ji-Hyoung/,
      /PHOTO: YONHAP/,
      /restmb_idxmake/,
      /scroll to top/i,
      /cookies/i,
      /reCAPTCHA/,
      /Related stories/,
    ]) {
      expect(joined).not.toMatch(furniture);
    }
    const outside = await heraldPage.evaluate(() => {
      const h = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('claimlens-claim');
      return [...(h ?? [])].filter((r) => {
        const start = r.startContainer.parentElement;
        const end = r.endContainer.parentElement;
        const block = start?.closest('p, li, blockquote');
        const byline = start?.closest('h1, h2, .byline, figure, header.site-header, nav, footer, aside');
        return !start?.closest('article') || byline || !block || block !== end?.closest('p, li, blockquote');
      }).length;
    });
    expect(outside).toBe(0);
  });

  it('does not shift the layout, change the page DOM or stop page scripts', async () => {
    const site = await heraldPage.evaluate(() => {
      const w = window as unknown as {
        __site: {
          layoutAtLoad: number[][];
          mutations: { added: string[]; removed: string[]; type: string }[];
        };
        __siteLayout: () => number[][];
      };
      return { before: w.__site.layoutAtLoad, after: w.__siteLayout(), mutations: w.__site.mutations };
    });
    expect(site.after).toEqual(site.before);
    // The only node ClaimLens adds is its own shadow host, outside <body>.
    expect(site.mutations).toEqual([
      { type: 'childList', target: 'HTML', added: ['CLAIMLENS-ROOT'], removed: [], attribute: null },
    ]);
    await heraldPage.getByRole('button', { name: 'Accept all cookies' }).click();
    expect(
      await heraldPage.evaluate(() => (window as unknown as { __site: { clicks: number } }).__site.clicks),
    ).toBe(1);
  });
});

describe('pages that are not articles', () => {
  it('get no highlights, no ClaimLens element and no stored record', async () => {
    server.setPage(herald.host, '/', {
      body: `<!doctype html><html><head><title>Home</title><link rel="stylesheet" href="/site.css"></head><body>
        <header class="site-header"><nav><a href="/world">World</a> <a href="/politics">Politics</a></nav></header>
        <main><h1>Top stories</h1><ul>${Array.from({ length: 12 }, (_, i) => `<li><a href="/s/${i}">Story number ${i} about North Korean troops in Russia</a></li>`).join('')}</ul>
        <p>Subscribe to our newsletter.</p></main><script src="/site.js"></script></body></html>`,
    });
    const home = await browser.context.newPage();
    await home.goto(server.url(herald.host, '/'));
    // First a sign that the content script ran here: it told the background which page the tab shows.
    const homeUrl = canonicalUrl(server.url(herald.host, '/'));
    const reporting = () =>
      browser.serviceWorker.evaluate(async (url) => {
        const all = await chrome.storage.session.get(null);
        return Object.keys(all).filter((k) => k.startsWith('page:') && all[k] === url);
      }, homeUrl);
    await expect.poll(reporting, { timeout: 20_000 }).toHaveLength(1);
    const [key] = await reporting();
    // Then a sign that it finished reading the page: having found no article it watches the page for
    // late content, so text added to it makes the script read the page again (and report it again).
    await browser.serviceWorker.evaluate((k) => chrome.storage.session.remove(k), key);
    let added = 0;
    await expect
      .poll(
        async () => {
          await home.evaluate((n) => {
            const item = document.createElement('li');
            item.textContent = `Late story number ${n} about the weather on the coast`;
            document.querySelector('main ul')?.append(item);
          }, ++added);
          return reporting();
        },
        { timeout: 20_000, interval: 1_000 },
      )
      .toHaveLength(1);
    expect(await home.evaluate(() => document.querySelector('claimlens-root') === null)).toBe(true);
    expect(
      await home.evaluate(() => (CSS as unknown as { highlights: Map<string, unknown> }).highlights.size),
    ).toBe(0);
    const stored = (await readStore(browser.serviceWorker, ['articles'])).articles.length;
    expect(stored).toBe(1);
    await home.close();
  });
});

describe('the popup on a tab ClaimLens knows nothing of', () => {
  it('says no article was analysed, not that ClaimLens may not read pages', async () => {
    const tabIds = () =>
      browser.serviceWorker.evaluate(async () => (await chrome.tabs.query({})).map((t) => t.id as number));
    const before = new Set(await tabIds());
    const blank = await browser.context.newPage();
    await blank.goto('about:blank');
    const [tabId] = (await tabIds()).filter((id) => !before.has(id));
    expect(typeof tabId).toBe('number');
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/extension/popup/index.html?tab=${tabId}`);
    await popup.getByText('No article analysed on this page').waitFor();
    expect(await popup.textContent('main')).not.toMatch(/may not read/);
    await popup.close();
    await blank.close();
  });
});

describe('step 2: articles and links are stored in IndexedDB', () => {
  beforeAll(async () => {
    for (const p of others) await openArticle(browser.context, server.url(p.host, p.path));
  });

  it('stores every article with URL, outlet, title and text, its sentences and cross-outlet links', async () => {
    const dump = await readStore(browser.serviceWorker, ['articles', 'sentences', 'links']);
    expect(dump.articles).toHaveLength(5);
    const outlets = dump.articles.map((a) => a.outlet).sort();
    expect(outlets).toEqual([
      'The Korea Herald',
      'The Kyiv Independent',
      'World News Desk',
      'bne IntelliNews',
      'ukdailynews.test',
    ]);
    for (const a of dump.articles) {
      expect(a.url).toMatch(/^http:\/\/[a-z]+\.test:\d+\//);
      expect(a.title.length).toBeGreaterThan(10);
      expect(a.text.length).toBeGreaterThan(1000);
    }
    expect(dump.sentences.length).toBeGreaterThan(60);
    const outletOf = new Map(dump.articles.map((a) => [a.id, a.outlet]));
    expect(dump.links.length).toBeGreaterThan(10);
    for (const l of dump.links) expect(outletOf.get(l.articleId)).not.toBe(outletOf.get(l.otherArticleId));
  });
});

describe('steps 3 and 5: the tooltip shows other outlets, and an earlier article gained them', () => {
  it('shows at least 3 confirming outlets for the 11,000-troops claim on hover, with quotes and links', async () => {
    await heraldPage.bringToFront();
    const reader = await ShadowReader.for(heraldPage);
    await hoverText(heraldPage, 'more than 11,000 North Korean soldiers');
    const tooltip = await waitForTooltip(reader, /confirm/);
    // Step 5: the claim read first gained the outlets read after it.
    expect(tooltipBefore).toMatch(/No other outlet you have read mentions this yet/);
    expect(tooltip.text).toMatch(/([3-9]) outlets confirm/);
    const confirms = Number(/(\d+) outlets confirm/.exec(tooltip.text)?.[1]);
    expect(confirms).toBeGreaterThanOrEqual(3);
    for (const outlet of ['The Kyiv Independent', 'World News Desk', 'bne IntelliNews'])
      expect(tooltip.text).toContain(outlet);
    expect(tooltip.html).toMatch(/<a [^>]*href="http:\/\/[a-z]+\.test:\d+\//);
    // Page CSS (which hides [role=tooltip] and recolours claimlens-root) cannot restyle it.
    expect(tooltip.style.display).not.toBe('none');
    expect(tooltip.style.color).not.toBe('rgb(255, 0, 0)');
    expect(tooltip.style.fontSize).not.toBe('40px');
    // Escape closes it (the tooltip's own key listener, added with the tooltip).
    await heraldPage.keyboard.press('Escape');
    let open = true;
    for (let i = 0; i < 20 && open; i++) {
      open = !!(await reader.tooltip());
      if (open) await new Promise((r) => setTimeout(r, 50));
    }
    expect(open).toBe(false);
  });

  it('leaves "11,000 were already there" unclear by the Pentagon\'s "cannot confirm", read with the sentence before it', async () => {
    const uk = SEED_PAGES.find((p) => p.host === 'ukdailynews.test')!;
    const page = browser.context.pages().find((p) => p.url().includes(uk.host))!;
    await page.bringToFront();
    await hoverText(page, 'warned 11,000 were already there');
    const tooltip = await waitForTooltip(await ShadowReader.for(page), /cannot confirm/);
    // The claim names neither the troops nor Russia: the sentences before it do, and so does the doubt.
    expect(tooltip.text).toMatch(/can.t confirm whether (?:there are|any) North Korean forces/);
    expect(tooltip.text).toMatch(/The Kyiv Independent|World News Desk|bne IntelliNews/);
    writeFileSync(`${OUT}elliptical-unclear-tooltip.png`, await page.screenshot());
    await page.mouse.move(2, 2);
  });

  it('opens on keyboard focus too', async () => {
    const reader = await ShadowReader.for(heraldPage);
    await heraldPage.mouse.move(2, 2);
    await heraldPage.keyboard.press('Escape');
    // A reader who has not pressed Tab on the page yet has no proxies to move through; the first Tab
    // builds them.
    expect(await reader.query('class', 'cl-proxy')).toHaveLength(0);
    let found = false;
    for (let i = 0; i < 80 && !found; i++) {
      await heraldPage.keyboard.press('Tab');
      const tooltip = await reader.tooltip();
      found = !!tooltip && KEY_CLAIM.test(await focusedProxyLabel(reader));
    }
    expect(found).toBe(true);
    const tooltip = await reader.tooltip();
    expect(tooltip?.text).toMatch(/outlets confirm/);
  });
});

describe('step 4: the popup lists the page claims with their status, and the badge counts them', () => {
  it('lists claims in page order with the same status and a stacked bar', async () => {
    const tabId = await tabIdOf(browser, articleIdFor(heraldUrl));
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/extension/popup/index.html?tab=${tabId}`);
    const items = popup.locator('li.cl-claim');
    await items.first().waitFor();
    const texts = await popup.locator('li.cl-claim .cl-claim-text').allTextContents();
    expect(texts).toEqual(claimsBefore.map((t) => t.replace(/\s+/g, ' ').trim()));
    const key = items.filter({ hasText: 'more than 11,000 North Korean soldiers' });
    const summary = await key.locator('.cl-claim-summary').textContent();
    expect(Number(/(\d+) outlets confirm/.exec(summary ?? '')?.[1])).toBeGreaterThanOrEqual(3);
    await expect(key.locator('.cl-bar-confirms').count()).resolves.toBe(1);
    const badge = await browser.serviceWorker.evaluate(
      (id) => chrome.action.getBadgeText({ tabId: id }),
      tabId,
    );
    expect(badge).toBe(String(texts.length));
    await popup.close();
  });
});

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

async function focusedProxyLabel(reader: ShadowReader): Promise<string> {
  const proxies = await reader.query('class', 'cl-proxy');
  const focused = proxies.find((p) => p.focused);
  return focused?.text ?? '';
}

describe('highlight colours', () => {
  /** The claim highlight's colour as the page's style computes it, and how many sheets ClaimLens adopted. */
  const claimColour = () =>
    heraldPage.evaluate(() => {
      const highlight = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get(
        'claimlens-claim',
      );
      const [range] = [...(highlight ?? [])];
      const el = range?.startContainer.parentElement;
      return {
        colour: el ? getComputedStyle(el, '::highlight(claimlens-claim)').backgroundColor : null,
        adopted: document.adoptedStyleSheets.length,
      };
    });
  const setClaimColour = async (claimColour: string) => {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/extension/options/index.html`);
    const answer = await options.evaluate(
      (colour) => chrome.runtime.sendMessage({ type: 'setSettings', settings: { claimColour: colour } }),
      claimColour,
    );
    await options.close();
    expect(answer).toMatchObject({ ok: true });
  };

  it('paints the default colours from the injected sheet, with no sheet built by script', async () => {
    expect(await claimColour()).toEqual({ colour: 'rgba(255, 214, 10, 0.38)', adopted: 0 });
  });

  it('applies a colour the reader picks to open pages, and goes back to the defaults', async () => {
    await setClaimColour('#ff0000');
    await expect.poll(claimColour).toEqual({ colour: 'rgba(255, 0, 0, 0.38)', adopted: 1 });
    await setClaimColour('#ffd60a');
    await expect.poll(async () => (await claimColour()).colour).toBe('rgba(255, 214, 10, 0.38)');
  });
});

describe('independence: the tooltip and the popup say how many independent sources confirm', () => {
  it('shows the 11,000-troops claim confirmed by one independent source, Budanov, with the rewrite listed as a copy', async () => {
    await heraldPage.bringToFront();
    const reader = await ShadowReader.for(heraldPage);
    await heraldPage.mouse.move(2, 2);
    await hoverText(heraldPage, 'more than 11,000 North Korean soldiers');
    const tooltip = await waitForTooltip(reader, /independent source/);
    expect(tooltip.text).toMatch(/\d outlets, 1 independent source: Kyrylo Budanov/);
    expect(tooltip.text).toMatch(/citing (Kyrylo )?Budanov/);
    expect(tooltip.text).toContain('copy of The Kyiv Independent');
    writeFileSync(`${OUT}independence-tooltip.png`, await heraldPage.screenshot());
    await heraldPage.mouse.move(2, 2);
  });

  it('lists the story in the popup: the other outlets earliest first, the copy under its original', async () => {
    const tabId = await tabIdOf(browser, articleIdFor(heraldUrl));
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/extension/popup/index.html?tab=${tabId}`);
    const story = popup.locator('section.cl-story');
    await story.waitFor();
    expect(await story.locator('h2').textContent()).toMatch(/This story in 4 other outlets/);
    const kyiv = story.locator('ol > li').filter({ hasText: 'The Kyiv Independent' });
    await expect(kyiv.locator('li.cl-story-copy').textContent()).resolves.toMatch(/copy: World News Desk/);
    for (const outlet of ['bne IntelliNews', 'ukdailynews.test'])
      expect(await story.locator('ol > li').filter({ hasText: outlet }).count()).toBe(1);
    // Each outlet that retells the story says how many of this article's statements it confirms.
    await expect(kyiv.locator('.cl-story-verdicts').first().textContent()).resolves.toMatch(
      /^confirms \d+.* of this article's statements$/,
    );
    writeFileSync(`${OUT}story-list.png`, await story.screenshot());
    const key = popup.locator('li.cl-claim').filter({ hasText: 'more than 11,000 North Korean soldiers' });
    expect(await key.locator('.cl-independence').textContent()).toMatch(
      /1 independent source: Kyrylo Budanov/,
    );
    // Statements the default leaves unhighlighted that other outlets speak to are listed with their
    // verdict, and the page's highlights stay what the page alone decided.
    const covered = popup.locator('section.cl-covered li.cl-covered-claim');
    await covered.first().waitFor();
    const coveredTexts = (await covered.locator('.cl-claim-text').allTextContents()).map(squash);
    const painted = (await claimRanges(heraldPage)).map(squash);
    expect(painted).toEqual(claimsBefore.map(squash));
    for (const text of coveredTexts) expect(painted).not.toContain(text);
    for (const summary of await covered.locator('.cl-claim-summary').allTextContents())
      expect(summary).toMatch(/outlets? (?:confirm|dispute|cannot confirm)/);
    writeFileSync(`${OUT}covered-popup.png`, await popup.locator('section.cl-covered').screenshot());
    writeFileSync(`${OUT}story-popup.png`, await popup.screenshot({ fullPage: true }));
    await popup.close();
  });
});

describe('one reader of bounds: "no more than 50" and "at most 50" against another outlet\'s 60', () => {
  const page = (outlet: string, count: string) => `<!doctype html><html><head><meta charset="utf-8">
<title>Depot strike: the toll</title><meta property="og:site_name" content="${outlet}"></head><body><article>
<h1>Depot strike: the toll</h1>
<p>${count} Ukrainian soldiers were killed in the missile attack on the Bakhmut ammunition depot on Tuesday, the regional governor Pavlo Kyrylenko said in a statement.</p>
<p>The depot, which supplied artillery units along the eastern front, burned for several hours after the strike, according to the regional emergency service.</p>
<p>Officials said the missiles were launched from the Belgorod region and that air defences intercepted two of the six that were fired.</p>
<p>The governor said rescue teams were still clearing the site on Wednesday and that the number of wounded had not yet been established.</p>
<p>Residents of nearby villages were told to stay indoors while secondary explosions continued through the night, the statement said.</p>
</article></body></html>`;

  it('shows "numbers differ" in the tooltip of both bounded claims', async () => {
    server.setPage('toll-sixty.test', '/strike', { body: page('Sixty Daily', '60') });
    server.setPage('toll-nomore.test', '/strike', { body: page('No More Times', 'No more than 50') });
    server.setPage('toll-atmost.test', '/strike', { body: page('At Most Post', 'At most 50') });
    const sixty = await openArticle(browser.context, server.url('toll-sixty.test', '/strike'));
    for (const [host, words] of [
      ['toll-nomore.test', 'No more than 50'],
      ['toll-atmost.test', 'At most 50'],
    ]) {
      const tab = await openArticle(browser.context, server.url(host, '/strike'));
      const reader = await ShadowReader.for(tab);
      await hoverText(tab, `${words} Ukrainian soldiers were killed`);
      const tooltip = await waitForTooltip(reader, /numbers differ/);
      expect(tooltip.text).toContain(`numbers differ: 60 vs ${words}`);
      expect(tooltip.text).toContain('Sixty Daily');
      await tab.close();
    }
    await sixty.close();
  });
});

/** A page of one outlet's article, its paragraphs as written (test text, no markup of the page's own). */
function article(outlet: string, title: string, paragraphs: string[]): string {
  return `<!doctype html><html><head>
<meta charset="utf-8"><title>${title}</title><meta property="og:site_name" content="${outlet}"></head><body>
<article><h1>${title}</h1>${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}</article></body></html>`;
}

/** One outlet's page as served: its host, path, outlet name, title and paragraphs. */
interface OutletPage {
  host: string;
  path: string;
  outlet: string;
  title: string;
  paragraphs: string[];
}

/**
 * Serves a report and another outlet's article of its story, reads both, and returns the text of the
 * report's tooltip on `claim` once it lists the other outlet; the page is saved as `shot` in OUT.
 */
async function tooltipAcross(
  report: OutletPage,
  other: OutletPage,
  claim: string,
  shot: string,
): Promise<string> {
  for (const p of [report, other])
    server.setPage(p.host, p.path, { body: article(p.outlet, p.title, p.paragraphs) });
  const page = await openArticle(browser.context, server.url(report.host, report.path));
  const otherPage = await openArticle(browser.context, server.url(other.host, other.path));
  await page.bringToFront();
  await hoverText(page, claim);
  const tooltip = await waitForTooltip(await ShadowReader.for(page), new RegExp(other.outlet));
  writeFileSync(`${OUT}${shot}`, await page.screenshot());
  await otherPage.close();
  await page.close();
  return tooltip.text;
}

describe('a figure another outlet denies: "1,800 people, not 2,000"', () => {
  const PLANT_CLAIM =
    'The Lordstown plant employs about 2,000 people, according to the United Auto Workers union';

  it('shows the report disputed, with the figure the other outlet gives instead', async () => {
    const text = await tooltipAcross(
      {
        host: 'ohio-ledger.test',
        path: '/veltra',
        outlet: 'Ohio Ledger',
        title: 'Carmaker Veltra to close Lordstown plant',
        paragraphs: [
          'Carmaker Veltra said on Tuesday it would close its assembly plant in Lordstown, Ohio, by the end of next year, as sales of its electric pickup fell short of forecasts.',
          `${PLANT_CLAIM}, which said it would fight the closure in court and in Congress.`,
          'Veltra sold 41,000 vehicles in the third quarter, down from 55,000 a year earlier, the company said in a filing with regulators on Tuesday.',
          'Chief executive Dana Whitfield told analysts that demand for electric trucks had fallen sharply since January and that the company would focus on its Michigan factory.',
          'The company received state tax credits in 2021 to open the plant, and Ohio officials said they would ask whether any of that money must now be repaid.',
        ],
      },
      {
        host: 'labor-times.test',
        path: '/veltra',
        outlet: 'Labor Times',
        title: 'Union says Veltra plant figures are wrong',
        paragraphs: [
          'Union president Marcus Hale said on Wednesday that the Lordstown plant employs 1,800 people, not 2,000, because 200 workers were moved to Michigan in the spring.',
          'Hale said the union would ask Ohio officials to review the state tax credits the company received in 2021 to open the plant.',
          'Veltra said it stood by its plan to close the plant by the end of next year and would offer jobs in Michigan to some of its workers.',
          'Workers at the plant voted last month to authorise a strike if the company did not reopen talks on the closure, the union said in a statement.',
          'The plant opened in 2022 and builds the Veltra Ridge, an electric pickup whose sales have fallen short of the company forecasts every quarter this year.',
        ],
      },
      PLANT_CLAIM,
      'denied-figure-tooltip.png',
    );
    // Before, the union's sentence was read as giving both figures, so it disputed nothing.
    expect(text).toContain('numbers differ: 1,800 vs about 2,000');
  });
});

describe('a change another outlet reports the other way: "fell 18 percent", "up 18 percent"', () => {
  const PROFIT_CLAIM =
    'Norvik Motors said on Thursday that its third-quarter net profit fell 18 percent to 2.1 billion euros';

  it('shows the report disputed, with which way each outlet says the figure went', async () => {
    const text = await tooltipAcross(
      {
        host: 'market-daily.test',
        path: '/norvik',
        outlet: 'Market Daily',
        title: 'Norvik Motors profit falls as electric car sales stall',
        paragraphs: [
          `${PROFIT_CLAIM}, hurt by weak demand for electric cars in Europe and a price war in China.`,
          'Revenue slipped 3 percent to 38.4 billion euros, the German carmaker said in its quarterly report.',
          'Chief executive Lena Brandt told analysts that the company would cut 4,000 administrative jobs by 2026 to save 1.5 billion euros a year.',
          'Norvik shares fell 6 percent in Frankfurt trading after the results were published on Thursday morning.',
          'The company kept its full-year forecast of an operating margin of 6 to 7 percent, the report said.',
        ],
      },
      {
        host: 'auto-wire.test',
        path: '/norvik',
        outlet: 'Auto Wire',
        title: 'Norvik Motors posts higher profit, plans job cuts',
        paragraphs: [
          'Norvik Motors on Thursday reported a third-quarter net profit of 2.1 billion euros, up 18 percent from a year earlier, as cost savings offset weaker sales.',
          'The German carmaker plans to cut 4,000 administrative jobs by 2026, chief executive Lena Brandt said on a call with analysts.',
          'Brandt said electric vehicle demand in Europe remained weak and that competition in China had intensified over the summer.',
          'The company confirmed its full-year outlook for an operating margin of 6 to 7 percent, according to its quarterly report.',
          'The company employs around 120,000 people worldwide and builds cars in Germany, Spain and China.',
        ],
      },
      PROFIT_CLAIM,
      'rise-and-fall-tooltip.png',
    );
    // Before, the two sentences confirmed each other: the same 18 percent, the same 2.1 billion euros.
    expect(text).toContain('numbers differ: up 18 percent vs down 18 percent');
    expect(text).not.toMatch(/CONFIRMS/i);
  });
});

describe('a count of no one harmed: "No one was injured" against "Two workers were injured"', () => {
  const NONE_CLAIM =
    'No one was injured in the blast, which happened shortly after 6 a.m., according to West Yorkshire Fire and Rescue Service';

  it('shows the early report disputed by the later count of the injured', async () => {
    const text = await tooltipAcross(
      {
        host: 'leeds-news.test',
        path: '/blast',
        outlet: 'Leeds News',
        title: 'Gas explosion rips through Leeds warehouse',
        paragraphs: [
          'A gas explosion tore through a warehouse on Kirkstall Road in Leeds on Tuesday morning, fire officials said, sending a column of smoke over the city centre.',
          `${NONE_CLAIM}.`,
          'About 40 firefighters and eight fire engines were sent to the scene, and nearby homes were evacuated for several hours as a precaution.',
          'Northern Gas Networks said engineers had isolated the supply to the building and were working with the fire service to find the cause of the leak.',
          'The warehouse, which stored furniture for a local retailer, was badly damaged and part of its roof collapsed, the fire service said.',
        ],
      },
      {
        host: 'yorkshire-post.test',
        path: '/blast',
        outlet: 'Yorkshire Post',
        title: 'Two hurt as blast destroys Leeds warehouse',
        paragraphs: [
          'Two workers were injured when a gas explosion destroyed a warehouse on Kirkstall Road in Leeds on Tuesday, the fire service said.',
          'The men were taken to Leeds General Infirmary with burns, a spokesperson for West Yorkshire Fire and Rescue Service said on Tuesday afternoon.',
          'Around 40 firefighters attended the scene after the blast, which was heard several miles away shortly after 6 a.m.',
          'Northern Gas Networks said it had isolated the supply and was helping investigators establish what caused the explosion.',
          'Residents of nearby streets were allowed back into their homes by the afternoon, West Yorkshire Police said.',
        ],
      },
      NONE_CLAIM,
      'none-harmed-tooltip.png',
    );
    // Before, "no one" was no count, so nothing disputed the claim.
    expect(text).toContain('numbers differ: Two vs No one');
  });
});

describe('a denial of a report: "The club denied a report that it had agreed a naming-rights deal"', () => {
  const DEAL_CLAIM =
    'The club has agreed a ten-year naming-rights deal for the stadium with Vantora Energy worth about 4 million pounds a year, according to two people familiar with the negotiations';

  it('shows the report disputed by the denial, not confirmed by it', async () => {
    const text = await tooltipAcross(
      {
        host: 'stadium-review.test',
        path: '/millfield',
        outlet: 'Stadium Business Review',
        title: 'Ashcombe Rovers win consent for Millfield Road stadium',
        paragraphs: [
          'Ashcombe Rovers has received planning consent for its proposed 32,000-seat stadium at Millfield Road, after the council planning committee voted in favour on Wednesday night.',
          `${DEAL_CLAIM}.`,
          'The club expects to begin construction next spring and to complete the stadium in 2028, chairman Richard Vane said.',
          "Rovers' current ground, Kestrel Park, holds 18,500 and is one of the oldest in the league.",
          'Residents living near the site had objected to the plans, citing traffic and noise on match days.',
        ],
      },
      {
        host: 'meridian-wire.test',
        path: '/rovers',
        outlet: 'Meridian Wire',
        title: 'Rovers stadium plan approved by council',
        paragraphs: [
          'Ashcombe Rovers won planning approval on Wednesday for a 32,000-seat stadium at Millfield Road, ending a three-year battle with local residents over traffic, noise and the loss of playing fields.',
          'The club denied a report that it had agreed a naming-rights deal for the new stadium with Vantora Energy, saying no agreement had been reached with any sponsor.',
          'The new stadium is due to be completed in 2028, in time for the start of the 2028-29 season, the club said in a statement after the vote.',
          'Rovers have played at Kestrel Park, which holds 18,500 spectators, since 1921, and the club has said for a decade that the ground is too small and too costly to repair.',
          "Opponents said they would consider asking the government to review the decision, and a residents' group said it had raised more than 40,000 pounds for legal advice.",
        ],
      },
      DEAL_CLAIM,
      'denial-of-report-tooltip.png',
    );
    // Before, the denial's scope ran on through ", saying ...", and the two sentences shared no verdict.
    expect(text).toMatch(/DISPUTES/i);
    expect(text).toContain('The club denied a report');
    expect(text).not.toMatch(/CONFIRMS/i);
  });
});

describe('an event told on two days: "started on Monday", "broke out on Sunday"', () => {
  const START_CLAIM =
    'The fire started on Monday afternoon near a campground off Highway 9 and has burned about 18,000 acres, fire officials said';

  it('shows the report disputed, with the two days', async () => {
    const text = await tooltipAcross(
      {
        host: 'coastal-wire.test',
        path: '/ridgeback',
        outlet: 'Coastal Wire',
        title: 'Wildfire forces thousands to flee near Pinecrest',
        paragraphs: [
          `${START_CLAIM}.`,
          'Roughly 12,000 residents of Pinecrest and nearby towns have been ordered to leave their homes, the county sheriff said on Wednesday.',
          'More than 1,100 firefighters are assigned to the blaze, supported by 12 helicopters and eight air tankers, the state forestry department said.',
          'Strong gusts of up to 45 mph pushed the flames east overnight, and the fire was only 10 percent contained on Wednesday morning.',
          'The cause of the fire is under investigation, and officials asked anyone who saw smoke near the campground to contact them.',
        ],
      },
      {
        host: 'valley-tribune.test',
        path: '/ridgeback',
        outlet: 'Valley Tribune',
        title: 'Ridgeback Fire grows as crews battle erratic winds',
        paragraphs: [
          'The fire broke out on Sunday afternoon near a campground off Highway 9 and has burned about 18,000 acres, officials said.',
          'About 12,000 people are under evacuation orders in Pinecrest and the surrounding hills, according to the county sheriff.',
          'Crews made progress on the western flank overnight, but the eastern edge of the fire remains wide open, a battalion chief said.',
          'Some 1,100 firefighters are working the fire, with a dozen helicopters dropping water from a nearby reservoir.',
          'Investigators have not said what caused the fire, which is burning in steep terrain that is hard to reach.',
        ],
      },
      START_CLAIM,
      'days-differ-tooltip.png',
    );
    // Before, a weekday named no day to compare, so the two sentences confirmed each other.
    expect(text).toContain('dates differ: Sunday vs Monday');
    expect(text).not.toMatch(/CONFIRMS/i);
  });
});

describe('one quote given to two people: the incident commander and the fire chief', () => {
  const QUOTE_CLAIM = '"We are throwing everything we have at this fire," said incident commander Dana Ortiz';

  it('shows the quote disputed, with the two speakers', async () => {
    const text = await tooltipAcross(
      {
        host: 'pine-hollow-gazette.test',
        path: '/caldwell',
        outlet: 'Pine Hollow Gazette',
        title: 'Caldwell Ridge Fire doubles in size overnight',
        paragraphs: [
          'The Caldwell Ridge Fire has burned about 9,000 acres north of Pine Hollow and was 15 percent contained on Wednesday, fire officials said.',
          `${QUOTE_CLAIM}.`,
          'Smoke hung low over the valley through the afternoon as families in the foothills loaded their cars with photographs, pets and whatever else they could carry.',
          'Neighbours helped one another move horses and goats down to the fairground, where volunteers had set up pens and water troughs along the old rodeo fence.',
          'The smell of burning pine reached the town square by evening, and the light over the ridge turned a dull, heavy orange.',
          'At the school gym, church groups handed out sandwiches and blankets while children played cards on the bleachers and waited for news of their homes.',
        ],
      },
      {
        host: 'evening-flash.test',
        path: '/caldwell',
        outlet: 'The Evening Flash',
        title: 'Inferno rages as Caldwell Ridge Fire doubles overnight',
        paragraphs: [
          'The Caldwell Ridge Fire has burned some 9,000 acres north of Pine Hollow and is only 15 percent contained, officials said on Wednesday.',
          '"We are throwing everything we have at this fire," said Pine Hollow Fire Chief Mark Hellman.',
          'Around 2,400 people in Pine Hollow and Aspen Flat are under evacuation orders, according to the county sheriff.',
          'Some 600 firefighters and eight helicopters are fighting the blaze, the state forestry department said.',
          'The fire destroyed three barns and a machine shed on the Hadley ranch on Tuesday night, the sheriff said.',
          'Highway 44 remains closed for 12 miles between Pine Hollow and Aspen Flat, the state transport department said.',
          'Officials have not said what started the fire.',
        ],
      },
      'We are throwing everything we have at this fire',
      'speakers-differ-tooltip.png',
    );
    // Before, the same words given to another speaker confirmed the claim.
    expect(text).toContain('speakers differ: Mark Hellman vs Dana Ortiz');
    expect(text).not.toMatch(/CONFIRMS/i);
  });
});

describe('one thing in two opposite states: a bridge that "remains closed" and one that "reopened"', () => {
  const CLOSED_CLAIM =
    'The main road bridge over the Kessel remains closed to traffic after the flood damaged its supports, the county highways department said';

  it('shows the report disputed, with the two states', async () => {
    const text = await tooltipAcross(
      {
        host: 'riverdale-courier.test',
        path: '/kessel',
        outlet: 'Riverdale Courier',
        title: 'Flood waters recede in Kessel valley as clean-up begins',
        paragraphs: [
          `${CLOSED_CLAIM}.`,
          'About 300 homes in Lower Marden were flooded when the river burst its banks on Sunday night, the fire service said.',
          'Volunteers filled sandbags at the village hall through Monday as the water level fell by almost a metre.',
          'The county council has opened a hardship fund for families whose homes were damaged.',
          'Along the lane to the church, neighbours carried soaked carpets out into the drizzle and piled them beside the hedges.',
          'Children in wellington boots watched from the bridge parapet as the brown water slid past the old mill wheel.',
        ],
      },
      {
        host: 'valley-post.test',
        path: '/kessel',
        outlet: 'Valley Post',
        title: 'Kessel bridge back in use as valley counts the cost of flood',
        paragraphs: [
          'The main road bridge over the Kessel reopened to traffic on Tuesday afternoon after engineers checked its supports, the county highways department said.',
          'Around 300 homes in Lower Marden were flooded after the river burst its banks late on Sunday, firefighters said.',
          'Residents spent Monday clearing mud and ruined furniture from their homes as the water went down.',
          'A hardship fund for flooded families has been set up by the county council.',
          'In the village shop, the shelves nearest the door were empty, and a hand-written sign asked customers to mind the wet floor.',
          'Along the riverside path, the willows still held tangles of straw and plastic left behind by the water.',
        ],
      },
      CLOSED_CLAIM,
      'states-differ-tooltip.png',
    );
    // Before, two sentences alike but for the bridge's state confirmed each other.
    expect(text).toContain('accounts differ: reopened vs remains closed');
    expect(text).not.toMatch(/CONFIRMS/i);
  });
});

describe('an article-level debunk: a report, and two outlets that call its story false', () => {
  const REPORT_CLAIM = 'A 200-kilogram bronze lion statue was stolen from the Millbrook town square';
  const DEBUNK_CLAIM =
    'Reports that the bronze lion statue was stolen from the Millbrook town square are false';

  it('shows the report disputed by the debunk as a whole, and the two debunks confirming each other', async () => {
    server.setPage('harbour-gazette.test', '/lion', {
      body: article('Harbour Gazette', 'Bronze lion statue stolen from Millbrook town square', [
        `${REPORT_CLAIM} overnight on Saturday, local residents said. The statue, cast in 1912, had stood outside the town hall for more than a century.`,
        'Residents said they heard a lorry in the square shortly after 2 a.m. on Sunday. Photos of the empty plinth were shared thousands of times on social media on Sunday.',
        'The town council said the statue was insured for 80,000 pounds. Police said they were aware of the reports and asked anyone with information about the statue to contact them.',
      ]),
    });
    server.setPage('fact-desk.test', '/lion', {
      body: article('Fact Desk', 'No, the Millbrook lion statue was not stolen', [
        `${DEBUNK_CLAIM}, the town council said on Monday. The statue was removed by contractors for restoration work and will return in the spring, a council spokeswoman said.`,
        'Photos of the empty plinth spread quickly on social media over the weekend. The council said it had announced the restoration in its newsletter last month.',
        'There is no evidence that any theft took place, police said. The restoration is expected to cost the council about 15,000 pounds, according to the newsletter.',
      ]),
    });
    server.setPage('check-post.test', '/lion', {
      body: article('Check Post', 'Millbrook lion theft story is a hoax', [
        'Police said on Monday that the lion statue theft never happened and that the story is a hoax. The bronze lion is in a restoration workshop, where contractors are cleaning it before its return to the square.',
        'Officers said no theft had been reported to them and no lorry had been seen in the square. The rumour began with a social media post that showed the empty plinth on Sunday morning.',
        'Police asked residents to check with the council before sharing such posts, which had been seen by thousands of people. Contractors began taking the statue away on Friday afternoon, a week after the council approved the work.',
      ]),
    });
    const report = await openArticle(browser.context, server.url('harbour-gazette.test', '/lion'));
    const tabs = [report];
    for (const host of ['fact-desk.test', 'check-post.test'])
      tabs.push(await openArticle(browser.context, server.url(host, '/lion')));

    // The report's claim, read first, gained the debunk's verdict: the debunk's own sentence is quoted and
    // the reason says its article as a whole reports the story as false.
    await report.bringToFront();
    await hoverText(report, REPORT_CLAIM);
    const disputed = await waitForTooltip(await ShadowReader.for(report), /Fact Desk/);
    expect(disputed.text).toMatch(/outlets? disputes?/);
    expect(disputed.text).toContain('its article as a whole reports this story as false');
    expect(disputed.text).toContain(DEBUNK_CLAIM);
    writeFileSync(`${OUT}debunk-tooltip.png`, await report.screenshot());
    await report.mouse.move(2, 2);

    // The debunk's statement, listed in its popup (highlighted or among the other statements): disputed
    // by the report, and confirmed by the other debunk in words of its own.
    const openPopup = async (url: string) => {
      const popup = await browser.context.newPage();
      const tabId = await tabIdOf(browser, articleIdFor(url));
      await popup.goto(`chrome-extension://${browser.extensionId}/extension/popup/index.html?tab=${tabId}`);
      return popup;
    };
    const debunkPopup = await openPopup(server.url('fact-desk.test', '/lion'));
    const statement = debunkPopup.locator('li[data-claim-id]').filter({ hasText: DEBUNK_CLAIM });
    await statement.waitFor();
    await expect(statement.locator('.cl-claim-summary').textContent()).resolves.toBe(
      '1 outlet confirms · 1 outlet disputes',
    );
    await statement.locator('summary').click();
    const evidence = (await statement.locator('.cl-claim-details').textContent()) ?? '';
    expect(evidence).toContain('Check Post');
    expect(evidence).toContain('the lion statue theft never happened');
    expect(evidence).toContain('Harbour Gazette');
    // Each article-level verdict reads from the debunk's side: the report it disputes, the debunk that agrees.
    expect(evidence).toContain('its article reports the story this article calls false');
    expect(evidence).toContain('its article as a whole also reports this story as false');
    writeFileSync(`${OUT}debunks-agree-popup.png`, await statement.screenshot());
    await debunkPopup.close();

    // The report's popup names both debunks as such in the story's coverage.
    const popup = await openPopup(server.url('harbour-gazette.test', '/lion'));
    const story = popup.locator('section.cl-story');
    await story.waitFor();
    for (const outlet of ['Fact Desk', 'Check Post'])
      await expect(
        story.locator('ol > li').filter({ hasText: outlet }).locator('.cl-conflict').textContent(),
      ).resolves.toMatch(/reports this story as false/);
    writeFileSync(`${OUT}debunk-story-popup.png`, await popup.screenshot({ fullPage: true }));
    await popup.close();
    for (const tab of tabs) await tab.close();
  });
});
