/**
 * What the background does for each request, independent of the browser APIs that deliver them:
 * the entry point in extension/background wires these to runtime messages, tabs and the badge.
 */

import {
  annotationsToCsv,
  buildAnnotationDocument,
  CSV_MEDIA_TYPE,
  exportFileName,
  serializeAnnotationDocument,
} from '../annotations/index.ts';
import { listOrphans, recordAnchoring } from '../annotations/orphans.ts';
import {
  afterReaderPage,
  type FeedHooks,
  type FeedRequestType,
  handleFeedRequest,
  isFeedRequest,
} from '../feeds/requests.ts';
import { withFeedsAndFactChecks } from '../feeds/view.ts';
import type { AnnotationRecord } from '../model/annotation.ts';
import { ingestArticle } from '../pipeline/ingest.ts';
import { articleView } from '../pipeline/status.ts';
import type { Request, RequestOf, RequestType, Response, Settings } from '../protocol/messages.ts';
import type { ArticleView } from '../protocol/views.ts';
import { getAnnotations, hasAnnotations } from '../store/annotations.ts';
import type { ClaimLensDB } from '../store/db.ts';
import { storeErrorMessage } from '../store/errors.ts';
import { articleIdFor, canonicalUrl } from '../store/ids.ts';
import { clearAll, getSettings, updateSettings } from '../store/settings.ts';
import {
  deleteAnnotations,
  listTags,
  queryAnnotations,
  restoreAnnotations,
  saveAnnotation,
  tagClaims,
} from './annotations.ts';

/**
 * The view as the content script gets it: what it paints, without the lists only the popup shows
 * (`covered`, `remaining`). The content script runs in the page's renderer process and decodes every
 * message on the page's main thread, so it gets no more of the reader's store than it paints.
 */
function forPage(view: ArticleView): ArticleView {
  const { covered: _covered, remaining: _remaining, ...painted } = view;
  return painted;
}

/** Who sent a request, as the entry point established it from the browser's sender object. */
export type Caller = { kind: 'content'; tabId: number; url: string } | { kind: 'extension-page' };

/** Browser effects the service asks the entry point to perform. */
export interface Effects {
  /** Remember which article a tab shows (for the popup) and show its claim count on the badge. */
  tabShowsArticle(tabId: number, articleId: string, claimCount: number): void;
  /** Article id shown in a tab, if any. */
  articleOfTab(tabId: number): Promise<string | undefined>;
  /**
   * Remember which page (canonical URL) a tab shows, article or not: its content script said so. The
   * popup lists the reader's own annotations of that page, and annotation changes reach the tab.
   */
  tabShowsPage(tabId: number, url: string): void;
  /** The page a tab shows, if its content script has reported one. */
  pageOfTab(tabId: number): Promise<string | undefined>;
  /** Tell the tabs showing these articles that their claims' status changed. */
  articlesChanged(articleIds: string[]): void;
  settingsChanged(settings: Settings): void;
  /** Forget every tab's article (after clearing data). */
  forgetTabs(): void;
  /**
   * Tell tabs showing these pages (by article id, articles or not; or every tab) to reload their
   * annotations. `exceptTabId`: the tab whose page made the change and has reloaded itself already.
   */
  annotationsChanged(articleIds: string[] | 'all', exceptTabId?: number): void;
  /** Keeps deleted annotations for a while and returns a token that gets them back (undo). */
  stash(records: AnnotationRecord[]): Promise<string>;
  unstash(token: string): Promise<AnnotationRecord[] | undefined>;
  /** Followed feeds (src/feeds); absent where the background does not fetch feeds. */
  feeds?: FeedHooks;
}

/** Content scripts may touch only their own page's annotations. */
function ownPage(caller: Caller, url: string): boolean {
  return caller.kind === 'extension-page' || canonicalUrl(url) === canonicalUrl(caller.url);
}

/** What a handler gets besides its request. */
interface Context {
  db: ClaimLensDB;
  effects: Effects;
  caller: Caller;
}

/** A handler answers its own request type with that type's answer (`ResponseMap`), checked per request. */
type Handler<T extends RequestType> = (request: RequestOf<T>, context: Context) => Promise<Response<T>>;
type Handlers = { [T in Exclude<RequestType, FeedRequestType>]: Handler<T> };

const handlers: Handlers = {
  async analyze(request, { db, effects, caller }) {
    if (caller.kind !== 'content') return { ok: false, error: 'analyze is for content scripts' };
    // Same origin, not same URL: Chromium keeps a sender's URL from document load, so after a
    // single-page navigation (history.pushState, which cannot leave the origin) the page's new URL
    // differs from it. A page still cannot speak for another site.
    if (originOf(request.article.url) !== originOf(caller.url))
      return { ok: false, error: 'article URL does not match the sending tab' };
    const settings = await getSettings(db);
    const result = await ingestArticle(db, request.article);
    const stored = await articleView(db, result.articleId, settings.threshold);
    if (!stored) return { ok: false, error: 'article vanished while it was being stored' };
    await afterReaderPage(
      db,
      effects.feeds,
      { tabId: caller.tabId, url: stored.url, articleId: stored.articleId, outlet: stored.outlet },
      request.page,
    );
    const view = await withFeedsAndFactChecks(db, stored);
    effects.tabShowsArticle(caller.tabId, view.articleId, view.claims.length);
    if (result.affectedArticleIds.length) effects.articlesChanged(result.affectedArticleIds);
    return { ok: true, view: forPage(view) };
  },
  async getArticleView(request, { db, caller }) {
    const settings = await getSettings(db);
    const view = await articleView(db, request.articleId, settings.threshold);
    const full = view && (await withFeedsAndFactChecks(db, view));
    return { ok: true, view: full && caller.kind === 'content' ? forPage(full) : full };
  },
  async getTabView(request, { db, effects }) {
    const [articleId, page] = await Promise.all([
      effects.articleOfTab(request.tabId),
      effects.pageOfTab(request.tabId),
    ]);
    const settings = await getSettings(db);
    // An article the tab showed before it moved on to another page (in the same document) is not
    // this page's.
    const current = articleId && (!page || articleIdFor(page) === articleId) ? articleId : undefined;
    const view: ArticleView | null = current ? await articleView(db, current, settings.threshold) : null;
    return {
      ok: true,
      view: view && (await withFeedsAndFactChecks(db, view)),
      ...(page ? { page } : {}),
    };
  },
  async getSettings(request, { db, effects, caller }) {
    // Every page's content script asks first thing: this is how the background learns which page a
    // tab shows when it is not an article.
    if (caller.kind === 'content' && request.url && originOf(request.url) === originOf(caller.url))
      effects.tabShowsPage(caller.tabId, canonicalUrl(request.url));
    const settings = await getSettings(db);
    if (!request.url || !ownPage(caller, request.url)) return { ok: true, settings };
    const annotated = await hasAnnotations(db, canonicalUrl(request.url));
    return { ok: true, settings, annotated };
  },
  async setSettings(request, { db, effects, caller }) {
    if (caller.kind !== 'extension-page')
      return { ok: false, error: 'settings change only from extension pages' };
    const settings = await updateSettings(db, request.settings);
    effects.settingsChanged(settings);
    return { ok: true, settings };
  },
  async clearAll(_request, { db, effects, caller }) {
    if (caller.kind !== 'extension-page') return { ok: false, error: 'clearing only from extension pages' };
    await clearAll(db);
    effects.forgetTabs();
    return { ok: true, cleared: true };
  },
  async saveAnnotation(request, { db, effects, caller }) {
    if (!ownPage(caller, request.draft.url))
      return { ok: false, error: 'annotations only for the sending page' };
    const annotation = await saveAnnotation(db, request.draft);
    effects.annotationsChanged([articleIdFor(annotation.url)], senderTab(caller));
    return { ok: true, annotation };
  },
  async deleteAnnotations(request, { db, effects, caller }) {
    const records = await getAnnotations(db, request.ids);
    if (records.some((r) => r && !ownPage(caller, r.url)))
      return { ok: false, error: 'annotations only for the sending page' };
    const deleted = await deleteAnnotations(db, request.ids);
    effects.annotationsChanged([...new Set(deleted.map((r) => articleIdFor(r.url)))], senderTab(caller));
    return { ok: true, deleted: deleted.length, undoToken: await effects.stash(deleted) };
  },
  async undoDelete(request, { db, effects, caller }) {
    const records = await effects.unstash(request.token);
    if (!records)
      return { ok: false, error: 'nothing to undo: the deletion is too old or was already undone' };
    if (records.some((r) => !ownPage(caller, r.url)))
      return { ok: false, error: 'annotations only for the sending page' };
    const restored = await restoreAnnotations(db, records);
    effects.annotationsChanged([...new Set(records.map((r) => articleIdFor(r.url)))], senderTab(caller));
    return { ok: true, restored };
  },
  async listAnnotations(request, { db, caller }) {
    if (caller.kind === 'content' && (!request.query.url || !ownPage(caller, request.query.url)))
      return { ok: false, error: 'annotations only for the sending page' };
    return { ok: true, annotations: await queryAnnotations(db, request.query) };
  },
  async listTags(_request, { db }) {
    return { ok: true, tags: await listTags(db) };
  },
  async tagClaims(request, { db, effects, caller }) {
    if (!ownPage(caller, request.url)) return { ok: false, error: 'annotations only for the sending page' };
    const annotations = await tagClaims(db, request.url, request.claims, request.tags);
    effects.annotationsChanged([articleIdFor(request.url)]);
    return { ok: true, annotations };
  },
  async exportAnnotations(request, { db, caller }) {
    if (caller.kind !== 'extension-page') return { ok: false, error: 'export only from extension pages' };
    const annotations = await queryAnnotations(db, request.query);
    if (request.format === 'csv') {
      const json = annotationsToCsv(annotations);
      return {
        ok: true,
        json,
        fileName: exportFileName(new Date(), 'csv'),
        count: annotations.length,
        type: CSV_MEDIA_TYPE,
      };
    }
    const json = serializeAnnotationDocument(buildAnnotationDocument(annotations));
    return {
      ok: true,
      json,
      fileName: exportFileName(),
      count: annotations.length,
      type: 'application/ld+json',
    };
  },
  async reportAnchoring(request, { db, caller }) {
    if (caller.kind !== 'content' || !ownPage(caller, request.url))
      return { ok: false, error: 'anchoring is reported by the page itself' };
    const recorded = await recordAnchoring(db, request.url, request);
    return { ok: true, recorded };
  },
  async listOrphans(_request, { db }) {
    return { ok: true, orphanIds: await listOrphans(db) };
  },
};

/** Handles one validated request. Errors become `{ ok: false, error }` answers, never throws. */
export async function handleRequest<T extends RequestType>(
  db: ClaimLensDB,
  effects: Effects,
  request: RequestOf<T>,
  caller: Caller,
): Promise<Response<T>> {
  try {
    // The one place a request meets its handler: TypeScript cannot follow a union through a table
    // lookup, so the answer's type is asserted here; every handler is checked against its own request
    // and answer (`Handlers`, and `feedHandlers` in src/feeds/requests.ts).
    const received = request as Request;
    if (isFeedRequest(received))
      return (await handleFeedRequest(
        db,
        effects.feeds,
        received,
        caller.kind === 'extension-page',
      )) as Response<T>;
    const handler = handlers[received.type] as Handler<typeof received.type>;
    return (await handler(received as never, { db, effects, caller })) as Response<T>;
  } catch (error) {
    return { ok: false, error: describeError(error) };
  }
}

/** The tab a content script speaks for (it has updated itself; others showing its page must hear). */
function senderTab(caller: Caller): number | undefined {
  return caller.kind === 'content' ? caller.tabId : undefined;
}

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
}

/** A message a user can act on, including the storage-quota case. */
export function describeError(error: unknown): string {
  return storeErrorMessage(error, 'ClaimLens could not save this article');
}
