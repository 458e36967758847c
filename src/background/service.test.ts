import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { SEED_FILES, seedArticle as seed } from '../../test/support/seeds.ts';
import type { ArticleInput } from '../article/types.ts';
import type { AnnotationRecord } from '../model/annotation.ts';
import { evidenceThreshold } from '../model/sentence.ts';
import type { ArticleView } from '../protocol/views.ts';
import { ClaimLensDB } from '../store/db.ts';
import { type Caller, type Effects, handleRequest } from './service.ts';

const seeds = SEED_FILES;

function seedArticle(file: string, outlet: string): ArticleInput {
  return seed(file, { url: `https://${outlet.toLowerCase().replace(/\W+/g, '')}.example/${file}`, outlet });
}

function recordingEffects() {
  const log: { tabs: [number, string, number][]; changed: string[][] } = { tabs: [], changed: [] };
  const tabs = new Map<number, string>();
  const pages = new Map<number, string>();
  const stash = new Map<string, AnnotationRecord[]>();
  const effects: Effects = {
    tabShowsArticle(tabId, articleId, count) {
      tabs.set(tabId, articleId);
      log.tabs.push([tabId, articleId, count]);
    },
    articleOfTab: async (tabId) => tabs.get(tabId),
    tabShowsPage: (tabId, url) => pages.set(tabId, url),
    pageOfTab: async (tabId) => pages.get(tabId),
    articlesChanged: (ids) => log.changed.push(ids),
    settingsChanged: () => {},
    forgetTabs: () => tabs.clear(),
    annotationsChanged: () => {},
    stash: async (records) => {
      const token = `t${stash.size}`;
      stash.set(token, records);
      return token;
    },
    unstash: async (token) => stash.get(token),
  };
  return { effects, log };
}

let db: ClaimLensDB;
let n = 0;
beforeEach(() => {
  db = new ClaimLensDB(`service-test-${n++}`, { indexedDB, IDBKeyRange });
});

const content = (tabId: number, url: string): Caller => ({ kind: 'content', tabId, url });
const page: Caller = { kind: 'extension-page' };

describe('handleRequest', () => {
  it('analyses an article from its own tab, remembers the tab and answers with its claims', async () => {
    const { effects, log } = recordingEffects();
    const article = seedArticle(seeds[4], 'The Korea Herald');
    const answer = await handleRequest(
      db,
      effects,
      { type: 'analyze', article },
      content(3, `${article.url}#top`),
    );
    expect(answer.ok).toBe(true);
    const view = (answer as { view: ArticleView }).view;
    expect(view.claims.length).toBeGreaterThan(5);
    expect(log.tabs).toEqual([[3, view.articleId, view.claims.length]]);
    const popup = await handleRequest(db, effects, { type: 'getTabView', tabId: 3 }, page);
    expect((popup as { view: ArticleView }).view.claims.map((c) => c.id)).toEqual(
      view.claims.map((c) => c.id),
    );
    // The tab moves on to another page of the site (history.pushState): its content script says so
    // first thing, and the article it showed before is not this page's.
    const other = new URL('/about', article.url).href;
    await handleRequest(db, effects, { type: 'getSettings', url: other }, content(3, article.url));
    expect(await handleRequest(db, effects, { type: 'getTabView', tabId: 3 }, page)).toEqual({
      ok: true,
      view: null,
      page: other,
    });
  });

  it('tells earlier articles when a new outlet links to them', async () => {
    const { effects, log } = recordingEffects();
    const first = seedArticle(seeds[4], 'The Korea Herald');
    const second = seedArticle(seeds[0], 'The Kyiv Independent');
    const a = (await handleRequest(
      db,
      effects,
      { type: 'analyze', article: first },
      content(1, first.url),
    )) as {
      view: ArticleView;
    };
    await handleRequest(db, effects, { type: 'analyze', article: second }, content(2, second.url));
    expect(log.changed).toEqual([[a.view.articleId]]);
    const again = (await handleRequest(db, effects, { type: 'getTabView', tabId: 1 }, page)) as {
      view: ArticleView;
    };
    const linked = again.view.claims.filter(
      (c) => c.status.confirms.length + c.status.disputes.length + c.status.unclear.length,
    );
    expect(linked.length).toBeGreaterThan(0);
    for (const c of linked)
      for (const e of [...c.status.confirms, ...c.status.disputes, ...c.status.unclear])
        expect(e.outlet).toBe('The Kyiv Independent');
  });

  it('refuses an article whose URL is not the sending tab, and privileged requests from content scripts', async () => {
    const { effects } = recordingEffects();
    const article = seedArticle(seeds[0], 'The Kyiv Independent');
    const spoofed = await handleRequest(
      db,
      effects,
      { type: 'analyze', article },
      content(1, 'https://other.example/'),
    );
    expect(spoofed).toEqual({ ok: false, error: 'article URL does not match the sending tab' });
    expect(await handleRequest(db, effects, { type: 'clearAll' }, content(1, article.url))).toMatchObject({
      ok: false,
    });
    expect(
      await handleRequest(
        db,
        effects,
        { type: 'setSettings', settings: { enabled: false } },
        content(1, article.url),
      ),
    ).toMatchObject({
      ok: false,
    });
    expect(await handleRequest(db, effects, { type: 'analyze', article }, page)).toMatchObject({ ok: false });
    expect(await db.articles.count()).toBe(0);
  });

  it('applies the threshold setting when reading, and clears everything on request', async () => {
    const { effects } = recordingEffects();
    const article = seedArticle(seeds[4], 'The Korea Herald');
    const low = (await handleRequest(db, effects, { type: 'analyze', article }, content(1, article.url))) as {
      view: ArticleView;
    };
    await handleRequest(db, effects, { type: 'setSettings', settings: { threshold: 0.95 } }, page);
    const high = (await handleRequest(db, effects, { type: 'getTabView', tabId: 1 }, page)) as {
      view: ArticleView;
    };
    expect(high.view.claims.length).toBeLessThan(low.view.claims.length);
    // The threshold's bar, lowered for a statement with a figure or a named source (`claimMask`).
    for (const c of high.view.claims) expect(c.score).toBeGreaterThanOrEqual(evidenceThreshold(0.95));
    // What the setting leaves unhighlighted is listed apart, never with the claims.
    const claimIds = new Set(high.view.claims.map((c) => c.id));
    expect(high.view.remaining?.length).toBeGreaterThan(0);
    for (const r of high.view.remaining ?? []) expect(claimIds.has(r.id)).toBe(false);
    expect(await handleRequest(db, effects, { type: 'clearAll' }, page)).toEqual({ ok: true, cleared: true });
    expect(await db.articles.count()).toBe(0);
    expect(await db.sentences.count()).toBe(0);
    expect(await handleRequest(db, effects, { type: 'getTabView', tabId: 1 }, page)).toEqual({
      ok: true,
      view: null,
    });
  });
});
