/**
 * The background's main job, also run by the CLI: an article comes in, its sentences are scored and
 * stored, matched against other outlets' sentences already in the store, and links are written both
 * ways so that articles read earlier gain the new outlet's stance too.
 */
import { type ArticleInput, joinBlocks } from '../article/types.ts';
import { analyzeSentences } from '../claims/index.ts';
import { indexTerms, queryTerms } from '../match/index.ts';
import type { SentenceAnalysis } from '../model/sentence.ts';
import { compareWithArticle } from '../stance/index.ts';
import { type ClaimLensDB, countTerms } from '../store/db.ts';
import { articleIdFor, canonicalUrl, sentenceIdFor } from '../store/ids.ts';
import {
  type ArticleRecord,
  type LinkRecord,
  POSTINGS_LIMIT,
  type SentenceRecord,
  type TermRecord,
} from '../store/schema.ts';

export interface IngestResult {
  articleId: string;
  /** False when the stored copy had the same text and nothing was recomputed. */
  changed: boolean;
  /** Other articles whose claims gained or lost links. */
  affectedArticleIds: string[];
}

/** How many candidate sentences retrieval hands to the stance model per sentence, at most. */
const MAX_CANDIDATES = 60;

/**
 * Keeps the latest duration of a pipeline step as a User Timing measure, so benchmarks can read it from
 * outside (the service worker's `performance` timeline); only the latest one is kept.
 */
function recordTiming(name: string, start: number): void {
  try {
    performance.clearMeasures(name);
    performance.measure(name, { start, end: performance.now() });
  } catch {
    /* User Timing is missing or restricted: timings are only for benchmarks */
  }
}

/** Stores an article and links its sentences with other outlets' sentences, in one transaction. */
export async function ingestArticle(
  db: ClaimLensDB,
  input: ArticleInput,
  now = Date.now(),
): Promise<IngestResult> {
  const url = canonicalUrl(input.url);
  const articleId = articleIdFor(url);
  const { text, spans } = joinBlocks(input.blocks);
  const analyses = analyzeSentences(input.blocks, input.publishedAt);
  const sentences = toRecords(articleId, input.outlet, analyses);

  return db.transaction('rw', [db.articles, db.sentences, db.links, db.terms], async () => {
    const previous = await db.articles.get(articleId);
    if (previous && previous.text === text && previous.outlet === input.outlet) {
      await db.articles.update(articleId, { readAt: now, title: input.title });
      return { articleId, changed: false, affectedArticleIds: [] };
    }
    const affected = new Set<string>();
    if (previous) {
      const old = await db.links.where('otherArticleId').equals(articleId).toArray();
      for (const link of old) affected.add(link.articleId);
      await db.links.where('articleId').equals(articleId).delete();
      await db.links.where('otherArticleId').equals(articleId).delete();
      const stale = await db.sentences.where('articleId').equals(articleId).toArray();
      await countTerms(db, stale, -1);
      await db.sentences.where('articleId').equals(articleId).delete();
    }
    const article: ArticleRecord = {
      id: articleId,
      url,
      outlet: input.outlet,
      title: input.title,
      text,
      blocks: input.blocks.map((b, i) => ({ kind: b.kind, start: spans[i].start, end: spans[i].end })),
      publishedAt: input.publishedAt,
      firstReadAt: previous?.firstReadAt ?? now,
      readAt: now,
    };
    const matchStart = performance.now();
    const keys = new Map<string, TermRecord | undefined>();
    const links = await linkAgainstStore(db, sentences, input.outlet, now, keys);
    recordTiming('claimlens:match', matchStart);
    await db.articles.put(article);
    await db.sentences.bulkPut(sentences);
    await countTerms(db, sentences, 1, keys);
    await db.links.bulkPut(links);
    for (const link of links) if (link.articleId !== articleId) affected.add(link.articleId);
    affected.delete(articleId);
    return { articleId, changed: true, affectedArticleIds: [...affected] };
  });
}

function toRecords(articleId: string, outlet: string, analyses: SentenceAnalysis[]): SentenceRecord[] {
  const seen = new Map<string, number>();
  return analyses.map((a, index) => {
    const occurrence = seen.get(a.text) ?? 0;
    seen.set(a.text, occurrence + 1);
    return {
      ...a,
      id: sentenceIdFor(articleId, a.text, occurrence),
      articleId,
      outlet,
      index,
      terms: indexTerms(a),
    };
  });
}

/**
 * Retrieves candidates through the key records (an inverted index kept in Dexie; never a scan), groups
 * them by article and lets the stance model judge each of our sentences against each other article, in
 * both directions. `keys` receives the key records read, for `countTerms` in the same transaction.
 */
async function linkAgainstStore(
  db: ClaimLensDB,
  ours: SentenceRecord[],
  outlet: string,
  now: number,
  keys: Map<string, TermRecord | undefined>,
): Promise<LinkRecord[]> {
  const retrieveStart = performance.now();
  // One `get` per distinct key of the article, all in one batch: the key record says how many stored
  // sentences carry the key and, when they are few, which. A query of the multi-entry index costs
  // about a millisecond in IndexedDB (found or not) and a `get` a few hundredths, so the posting lists
  // are read from the records; the index is queried only for a list the record no longer holds. Keys
  // carried by more than POSTINGS_LIMIT sentences are left out, so the cost stays bounded whatever the
  // size of the store: such keys are too common to say two sentences state one fact.
  const wanted = ours.map((s) => queryTerms(s));
  const union = [...new Set(wanted.flat())];
  const rows = await db.terms.bulkGet(union);
  for (let i = 0; i < union.length; i++) keys.set(union[i], rows[i]);
  const usable = (t: string) => {
    const n = keys.get(t)?.df ?? 0;
    return n > 0 && n <= POSTINGS_LIMIT;
  };
  const queries = wanted.map((terms) => terms.filter(usable));
  const postings = new Map<string, string[]>();
  await Promise.all(
    [...new Set(queries.flat())].map(async (term) => {
      const held = keys.get(term)?.ids;
      if (held) {
        postings.set(term, held);
        return;
      }
      // The limit bounds the read even if a count is behind (e.g. another tab is writing).
      const ids = (await db.sentences
        .where('terms')
        .equals(term)
        .limit(POSTINGS_LIMIT + 1)
        .primaryKeys()) as string[];
      if (ids.length <= POSTINGS_LIMIT) postings.set(term, ids);
    }),
  );
  const candidateIds = new Map<string, Set<string>>();
  ours.forEach((s, i) => {
    const counts = new Map<string, number>();
    for (const term of queries[i])
      for (const id of postings.get(term) ?? []) counts.set(id, (counts.get(id) ?? 0) + 1);
    // A stance needs at least two shared names or numbers, so a candidate sharing a single key is kept
    // only when that key is a name-and-number pair (`&`), which already is two anchors.
    const pairs = new Set(queries[i].filter((t) => t.includes('&')));
    const best = [...counts.entries()]
      .filter(([id, n]) => n >= 2 || queries[i].some((t) => pairs.has(t) && postings.get(t)?.includes(id)))
      .sort((a, b) => b[1] - a[1])
      .slice(0, MAX_CANDIDATES);
    if (best.length) candidateIds.set(s.id, new Set(best.map(([id]) => id)));
  });
  const allIds = new Set<string>();
  for (const ids of candidateIds.values()) for (const id of ids) allIds.add(id);
  const fetched = await db.sentences.bulkGet([...allIds]);
  const byId = new Map<string, SentenceRecord>();
  for (const s of fetched) if (s && s.outlet !== outlet) byId.set(s.id, s);
  recordTiming('claimlens:retrieve', retrieveStart);

  const stanceStart = performance.now();
  const links: LinkRecord[] = [];
  for (const s of ours) {
    const byArticle = new Map<string, SentenceRecord[]>();
    for (const id of candidateIds.get(s.id) ?? []) {
      const other = byId.get(id);
      if (!other) continue;
      const group = byArticle.get(other.articleId) ?? [];
      group.push(other);
      byArticle.set(other.articleId, group);
    }
    for (const group of byArticle.values()) {
      for (const j of compareWithArticle(s, group)) links.push(link(s, group[j.index], j.detail, now));
      for (const other of group) {
        for (const j of compareWithArticle(other, [s])) links.push(link(other, s, j.detail, now));
      }
    }
  }
  recordTiming('claimlens:stance', stanceStart);
  return links;
}

function link(
  sentence: SentenceRecord,
  other: SentenceRecord,
  detail: { stance: LinkRecord['stance']; score: number; numberConflict?: LinkRecord['numberConflict'] },
  now: number,
): LinkRecord {
  return {
    id: `${sentence.id}>${other.id}`,
    sentenceId: sentence.id,
    articleId: sentence.articleId,
    otherSentenceId: other.id,
    otherArticleId: other.articleId,
    stance: detail.stance,
    score: detail.score,
    ...(detail.numberConflict ? { numberConflict: detail.numberConflict } : {}),
    createdAt: now,
  };
}
