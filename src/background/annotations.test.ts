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

describe('orphans', () => {
  it('remembers which annotations did not anchor, per page', async () => {
    await recordAnchoring(db, A.url, ['urn:uuid:1', 'urn:uuid:2']);
    await recordAnchoring(db, B.url, ['urn:uuid:3']);
    expect((await listOrphans(db)).sort()).toEqual(['urn:uuid:1', 'urn:uuid:2', 'urn:uuid:3']);
    await recordAnchoring(db, `${A.url}#section`, []);
    expect(await listOrphans(db)).toEqual(['urn:uuid:3']);
  });
});

describe('through the service', () => {
  const stash = new Map<string, AnnotationRecord[]>();
  const changed: (string[] | 'all')[] = [];
  const effects: Effects = {
    tabShowsArticle() {},
    articleOfTab: async () => undefined,
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
  });
});
