import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { describe as describeText } from '../anchor/text-anchor.ts';
import { listOrphans, recordAnchoring } from '../annotations/orphans.ts';
import type { AnnotationRecord } from '../model/annotation.ts';
import { ingestArticle } from '../pipeline/ingest.ts';
import { articleView } from '../pipeline/status.ts';
import { ClaimLensDB } from '../store/db.ts';
import { listTags, queryAnnotations, saveAnnotation, tagClaims } from './annotations.ts';
import { type Effects, handleRequest } from './service.ts';

const A = {
  url: 'https://a.example/story',
  outlet: 'Outlet A',
  title: 'Troops',
  blocks: [
    {
      kind: 'paragraph' as const,
      text: 'Budanov said that 2,600 North Korean soldiers will be deployed to Kursk by Nov. 1.',
    },
    {
      kind: 'paragraph' as const,
      text: 'The defence ministry said 1,500 troops were shipped to Vladivostok in October.',
    },
  ],
};
const B = {
  url: 'https://b.example/news',
  outlet: 'Outlet B',
  title: 'More troops',
  blocks: [
    {
      kind: 'paragraph' as const,
      text: 'Budanov said 2,600 North Korean troops would be sent to Russia’s Kursk region by November 1.',
    },
  ],
};

let db: ClaimLensDB;
let n = 0;
beforeEach(async () => {
  db = new ClaimLensDB(`annotations-bg-${n++}`, { indexedDB, IDBKeyRange });
  await ingestArticle(db, A, 1_000);
  await ingestArticle(db, B, 2_000);
});

const text = A.blocks.map((b) => b.text).join('\n\n');
const selectorsFor = (words: string) => {
  const start = text.indexOf(words);
  return describeText(text, start, start + words.length);
};

describe('saveAnnotation', () => {
  it('fills outlet, title, claim info and cross-outlet links from the store', async () => {
    const view = (await articleView(db, (await db.articles.toArray()).find((a) => a.url === A.url)!.id, 0))!;
    const claim = view.claims.find((c) => c.text.includes('2,600'))!;
    const record = await saveAnnotation(
      db,
      {
        url: A.url,
        kind: 'claim-tag',
        sentenceId: claim.id,
        selectors: selectorsFor(claim.text),
        tags: ['kursk'],
      },
      5_000,
    );
    expect(record).toMatchObject({
      outlet: 'Outlet A',
      title: 'Troops',
      kind: 'claim-tag',
      tags: ['kursk'],
      quote: claim.text,
    });
    expect(record.claim?.numbers?.map((x) => x.value)).toContain(2600);
    expect(record.links?.some((l) => l.otherOutlet === 'Outlet B' && l.stance === 'confirms')).toBe(true);
    // The same claim tagged again updates the one annotation, and its modified time moves on.
    const again = await saveAnnotation(
      db,
      {
        url: A.url,
        kind: 'claim-tag',
        sentenceId: claim.id,
        selectors: selectorsFor(claim.text),
        tags: ['kursk', 'numbers'],
      },
      5_000,
    );
    expect(again.id).toBe(record.id);
    expect(again.created).toBe(record.created);
    expect(again.modified > record.modified).toBe(true);
    expect(await db.annotations.count()).toBe(1);
    // The article view shows the researcher's tags beside the status.
    const after = (await articleView(db, claim.id.split(':')[0], 0))!;
    expect(after.claims.find((c) => c.id === claim.id)?.mine?.tags).toEqual(['kursk', 'numbers']);
  });

  it('refuses a claim annotation without its claim', async () => {
    await expect(
      saveAnnotation(db, { url: A.url, kind: 'pin', selectors: selectorsFor('Budanov'), tags: [] }),
    ).rejects.toThrow(/needs the claim/);
  });
});

describe('not a claim, pins and bulk tags', () => {
  it('hides dismissed claims from the view and keeps pinned ones below the threshold', async () => {
    const articleId = (await db.articles.toArray()).find((a) => a.url === A.url)!.id;
    const all = (await articleView(db, articleId, 0))!.claims;
    const [first, second] = all;
    await saveAnnotation(db, {
      url: A.url,
      kind: 'not-a-claim',
      sentenceId: first.id,
      selectors: selectorsFor(first.text),
      tags: [],
    });
    await saveAnnotation(db, {
      url: A.url,
      kind: 'pin',
      sentenceId: second.id,
      selectors: selectorsFor(second.text),
      tags: [],
    });
    const view = (await articleView(db, articleId, 1.01))!;
    expect(view.claims.map((c) => c.id)).toEqual([second.id]);
    expect(view.claims[0].mine?.pinned).toBe(true);
  });

  it('tags many claims at once, merging with existing tags, and counts tags', async () => {
    const articleId = (await db.articles.toArray()).find((a) => a.url === A.url)!.id;
    const claims = (await articleView(db, articleId, 0))!.claims;
    await tagClaims(db, A.url, [{ sentenceId: claims[0].id }], ['first']);
    const tagged = await tagClaims(
      db,
      A.url,
      claims.map((c) => ({ sentenceId: c.id })),
      ['bulk'],
    );
    expect(tagged).toHaveLength(claims.length);
    expect(tagged[0].tags).toEqual(['first', 'bulk']);
    expect(await listTags(db)).toEqual([
      { tag: 'bulk', count: claims.length },
      { tag: 'first', count: 1 },
    ]);
    expect((await queryAnnotations(db, { tag: 'bulk', text: 'vladivostok' })).map((r) => r.quote)).toEqual([
      'The defence ministry said 1,500 troops were shipped to Vladivostok in October.',
    ]);
  });
});

describe('page metadata', () => {
  it('gives claims tagged from the popup the author an in-page annotation of the page recorded', async () => {
    await saveAnnotation(db, {
      url: A.url,
      kind: 'highlight',
      selectors: selectorsFor('Vladivostok'),
      tags: [],
      author: 'Jo Park',
      published: 'not a date',
    });
    const articleId = (await db.articles.toArray()).find((a) => a.url === A.url)!.id;
    const claims = (await articleView(db, articleId, 0))!.claims;
    const tagged = await tagClaims(db, A.url, [{ sentenceId: claims[0].id }], ['bulk']);
    expect(tagged[0].author).toBe('Jo Park');
    // A date the page gave that is no date is not stored.
    expect((await queryAnnotations(db, { url: A.url })).every((r) => r.published === undefined)).toBe(true);
  });
});

describe('what a page visit finds out (orphans and silent edits)', () => {
  const highlight = (words: string, url = A.url) =>
    saveAnnotation(db, { url, kind: 'highlight', selectors: selectorsFor(words), tags: ['t'] }, 5_000);

  it('marks orphans on the record, per page, and clears the mark when the words are found again', async () => {
    const a1 = await highlight('2,600 North Korean soldiers');
    const a2 = await highlight('1,500 troops');
    const b1 = await highlight('North Korean soldiers', B.url);
    await recordAnchoring(db, A.url, { orphanIds: [a1.id, a2.id], anchoredIds: [] }, 10_000);
    // Another page cannot mark them: only the page's own annotations are touched.
    await recordAnchoring(db, B.url, { orphanIds: [a1.id, b1.id], anchoredIds: [] }, 11_000);
    expect((await listOrphans(db)).sort()).toEqual([a1.id, a2.id, b1.id].sort());
    expect((await db.annotations.get(a1.id))?.orphanedAt).toBe(new Date(10_000).toISOString());
    // Missed again later: the mark keeps the time it was first missed.
    await recordAnchoring(db, A.url, { orphanIds: [a1.id], anchoredIds: [a2.id] }, 12_000);
    expect((await db.annotations.get(a1.id))?.orphanedAt).toBe(new Date(10_000).toISOString());
    expect((await db.annotations.get(a2.id))?.orphanedAt).toBeUndefined();
    await recordAnchoring(db, `${A.url}#section`, { orphanIds: [], anchoredIds: [a1.id] }, 13_000);
    expect(await listOrphans(db)).toEqual([b1.id]);
    // None of this is the researcher's edit.
    expect((await db.annotations.get(a1.id))?.modified).toBe(a1.modified);
  });

  it('keeps the quote as tagged and records changed words, when they changed and back', async () => {
    const a = await highlight('2,600 North Korean soldiers');
    const now = describeText('Budanov said that 2,800 North Korean soldiers', 18, 45);
    expect(now.quote.exact).toBe('2,800 North Korean soldiers');
    await recordAnchoring(
      db,
      A.url,
      { orphanIds: [], anchoredIds: [a.id], changed: [{ id: a.id, selectors: now }] },
      20_000,
    );
    let stored = (await db.annotations.get(a.id))!;
    expect(stored.quote).toBe('2,600 North Korean soldiers');
    expect(stored.selectors).toEqual(a.selectors);
    expect(stored.textChange).toEqual({ selectors: now, detectedAt: new Date(20_000).toISOString() });
    expect(stored.modified).toBe(a.modified);
    // Seen again with the same words: the change keeps its first date.
    await recordAnchoring(
      db,
      A.url,
      { orphanIds: [], anchoredIds: [a.id], changed: [{ id: a.id, selectors: now }] },
      30_000,
    );
    expect((await db.annotations.get(a.id))?.textChange?.detectedAt).toBe(new Date(20_000).toISOString());
    // An edit by the researcher keeps the words as tagged and the change.
    const edited = await saveAnnotation(db, {
      id: a.id,
      url: A.url,
      kind: 'highlight',
      selectors: now,
      tags: ['t', 'edited'],
    });
    expect(edited.quote).toBe('2,600 North Korean soldiers');
    expect(edited.textChange?.selectors.quote.exact).toBe('2,800 North Korean soldiers');
    // White space alone is no change; words as tagged again drop the change.
    const reflowed = { ...now, quote: { ...now.quote, exact: ' 2,600  North Korean\nsoldiers' } };
    await recordAnchoring(
      db,
      A.url,
      { orphanIds: [], anchoredIds: [a.id], changed: [{ id: a.id, selectors: reflowed }] },
      40_000,
    );
    stored = (await db.annotations.get(a.id))!;
    expect(stored.textChange).toBeUndefined();
    expect(stored.tags).toEqual(['t', 'edited']);
  });
});

describe('through the service', () => {
  const stash = new Map<string, AnnotationRecord[]>();
  const changed: (string[] | 'all')[] = [];
  const effects: Effects = {
    tabShowsArticle() {},
    articleOfTab: async () => undefined,
    tabShowsPage() {},
    pageOfTab: async () => undefined,
    articlesChanged() {},
    settingsChanged() {},
    forgetTabs() {},
    annotationsChanged: (ids) => changed.push(ids),
    stash: async (records) => {
      stash.set('t', records);
      return 't';
    },
    unstash: async (token) => stash.get(token),
  };

  it('lets a page touch only its own annotations, and undoes deletes', async () => {
    const draft = {
      url: A.url,
      kind: 'highlight' as const,
      selectors: selectorsFor('North Korean soldiers'),
      tags: ['x'],
    };
    const fromB = await handleRequest(
      db,
      effects,
      { type: 'saveAnnotation', draft },
      { kind: 'content', tabId: 1, url: B.url },
    );
    expect(fromB).toEqual({ ok: false, error: 'annotations only for the sending page' });
    const saved = await handleRequest(
      db,
      effects,
      { type: 'saveAnnotation', draft },
      { kind: 'content', tabId: 1, url: A.url },
    );
    expect(saved.ok).toBe(true);
    const id = (saved as { annotation: AnnotationRecord }).annotation.id;
    const spy = await handleRequest(
      db,
      effects,
      { type: 'listAnnotations', query: {} },
      { kind: 'content', tabId: 1, url: B.url },
    );
    expect(spy.ok).toBe(false);
    const stolen = await handleRequest(
      db,
      effects,
      { type: 'deleteAnnotations', ids: [id] },
      { kind: 'content', tabId: 1, url: B.url },
    );
    expect(stolen.ok).toBe(false);
    const deleted = await handleRequest(
      db,
      effects,
      { type: 'deleteAnnotations', ids: [id] },
      { kind: 'extension-page' },
    );
    expect(deleted).toEqual({ ok: true, deleted: 1, undoToken: 't' });
    expect(await db.annotations.count()).toBe(0);
    await handleRequest(db, effects, { type: 'undoDelete', token: 't' }, { kind: 'extension-page' });
    expect((await db.annotations.get(id))?.tags).toEqual(['x']);
    const exported = await handleRequest(
      db,
      effects,
      { type: 'exportAnnotations', query: {} },
      { kind: 'extension-page' },
    );
    expect(exported).toMatchObject({ ok: true, count: 1 });
    expect(JSON.parse((exported as { json: string }).json).type).toBe('AnnotationCollection');
    const csv = await handleRequest(
      db,
      effects,
      { type: 'exportAnnotations', query: {}, format: 'csv' },
      { kind: 'extension-page' },
    );
    expect(csv).toMatchObject({ ok: true, count: 1, type: 'text/csv;charset=utf-8' });
    expect((csv as { fileName: string }).fileName).toMatch(/\.csv$/);
    expect((csv as { json: string }).json.startsWith('\uFEFF"quote","tags"')).toBe(true);
  });

  it("writes the researcher name as creator and the page metadata, and knows a tab's page", async () => {
    const pages = new Map<number, string>();
    const withPages: Effects = {
      ...effects,
      tabShowsPage: (tabId, url) => pages.set(tabId, url),
      pageOfTab: async (tabId) => pages.get(tabId),
    };
    await handleRequest(
      db,
      withPages,
      { type: 'setSettings', settings: { researcherName: '  Ana Lima ' } },
      { kind: 'extension-page' },
    );
    const page = 'https://blog.example/about#team';
    await handleRequest(
      db,
      withPages,
      { type: 'getSettings', url: page },
      { kind: 'content', tabId: 7, url: page },
    );
    expect(
      await handleRequest(db, withPages, { type: 'getTabView', tabId: 7 }, { kind: 'extension-page' }),
    ).toEqual({ ok: true, view: null, page: 'https://blog.example/about' });
    const saved = await handleRequest(
      db,
      withPages,
      {
        type: 'saveAnnotation',
        draft: {
          url: page,
          kind: 'highlight',
          selectors: selectorsFor('North Korean soldiers'),
          tags: [],
          title: 'About us',
          outlet: 'Blog',
          author: 'Jo Park',
          published: '2024-10-20T08:00:00+02:00',
        },
      },
      { kind: 'content', tabId: 7, url: page },
    );
    expect((saved as { annotation: AnnotationRecord }).annotation).toMatchObject({
      url: 'https://blog.example/about',
      creator: 'Ana Lima',
      author: 'Jo Park',
      published: '2024-10-20T06:00:00.000Z',
      title: 'About us',
      outlet: 'Blog',
    });
  });
});
