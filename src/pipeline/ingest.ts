/**
 * The background's main job, also run by the CLI: an article comes in, its sentences are scored and
 * stored, it joins the story it tells (or begins one), and it is judged against the other outlets'
 * articles of that story, with links written both ways so that articles read earlier gain the new
 * outlet's verdict too.
 */
import { type ArticleBlock, type ArticleInput, BLOCK_SEPARATOR, joinBlocks } from '../article/types.ts';
import { analyzeSentences } from '../claims/index.ts';
import { indexTerms, queryTerms } from '../match/index.ts';
import { claimMask, DEFAULT_CLAIM_THRESHOLD, type SentenceAnalysis } from '../model/sentence.ts';
import type { StanceDetail } from '../model/stance.ts';
import type { ArticleSide } from '../model/story.ts';
import { datelineFiler } from '../nlp/attribution.ts';
import { type ArticleReading, judgeBoth, type PairJudgement } from '../stance/pair.ts';
import { getArticle, putArticle, updateArticle } from '../store/articles.ts';
import { type ClaimLensDB, transact } from '../store/db.ts';
import { articleIdFor, canonicalUrl, sentenceIdFor } from '../store/ids.ts';
import { deleteLinksOfArticle, linksFromArticle, putLinks } from '../store/links.ts';
import { getProfiles, membersOfStories, putProfile, putProfiles, storyMembers } from '../store/profiles.ts';
import {
  type ArticleRecord,
  type LinkRecord,
  POSTINGS_LIMIT,
  type ProfileRecord,
  type SentenceRecord,
  type TermRecord,
} from '../store/schema.ts';
import {
  deleteSentencesOfArticle,
  putSentences,
  sentenceIdsWithTerm,
  sentencesOfArticle,
  sentencesOfArticles,
} from '../store/sentences.ts';
import { countTerms, getTerms } from '../store/terms.ts';
import { laterOf, RETOLD, retoldShare } from '../story/copies.ts';
import { chooseStory, membersToCompare, raiseNearest, shareTheirStory } from '../story/group.ts';
import { cosine } from '../story/vector.ts';
import { buildProfile } from './profile.ts';

export interface IngestResult {
  articleId: string;
  /** False when the stored copy had the same text and nothing was recomputed. */
  changed: boolean;
  /** Other articles whose claims gained or lost links. */
  affectedArticleIds: string[];
}

/** Articles retrieval hands to the story choice at most (those sharing the most keys). */
const MAX_CANDIDATE_ARTICLES = 40;
/**
 * Sentences of one article that take part in judging, at most: the most check-worthy ones. Bounds the
 * pairwise work for a hostile or enormous page; every sentence is still stored.
 */
const MAX_JUDGED_SENTENCES = 300;
/** Sentences of one article that are stored at most (the rest of an enormous page is not). */
const MAX_SENTENCES = 3_000;
/**
 * Characters of one article that are analysed at most: a page of a million characters (the protocol
 * allows two) would hold the service worker for seconds. The article's whole text is still stored.
 */
export const MAX_ANALYSED_CHARS = 60_000;

/** The article's blocks up to MAX_ANALYSED_CHARS (the last one cut at a space). */
export function analysedBlocks(blocks: readonly ArticleBlock[]): ArticleBlock[] {
  const out: ArticleBlock[] = [];
  let used = 0;
  for (const b of blocks) {
    if (used + b.text.length <= MAX_ANALYSED_CHARS) {
      out.push(b);
      used += b.text.length + BLOCK_SEPARATOR.length;
      continue;
    }
    const room = MAX_ANALYSED_CHARS - used;
    if (room > 0) {
      const cut = b.text.lastIndexOf(' ', room);
      out.push({ ...b, text: b.text.slice(0, cut > 0 ? cut : room) });
    }
    break;
  }
  return out;
}

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

/** Stores an article, places it in its story and links it with the other outlets of that story, in one transaction. */
export async function ingestArticle(
  db: ClaimLensDB,
  input: ArticleInput,
  now = Date.now(),
): Promise<IngestResult> {
  const url = canonicalUrl(input.url);
  const articleId = articleIdFor(url);
  const { text, spans } = joinBlocks(input.blocks);
  const analyses = analyzeSentences(analysedBlocks(input.blocks), input.publishedAt).slice(0, MAX_SENTENCES);
  const sentences = toRecords(articleId, input.outlet, analyses);
  const profile = buildProfile(
    { id: articleId, outlet: input.outlet, title: input.title, publishedAt: input.publishedAt },
    sentences,
    articleId,
    now,
  );

  return transact(db, 'rw', ['articles', 'sentences', 'links', 'terms', 'profiles'], async () => {
    const previous = await getArticle(db, articleId);
    if (previous && previous.text === text && previous.outlet === input.outlet) {
      await updateArticle(db, articleId, { readAt: now, title: input.title });
      return { articleId, changed: false, affectedArticleIds: [] };
    }
    const affected = new Set<string>();
    if (previous) {
      const old = await linksFromArticle(db, articleId);
      for (const link of old) affected.add(link.articleId);
      await deleteLinksOfArticle(db, articleId);
      const stale = await sentencesOfArticle(db, articleId);
      await countTerms(db, stale, -1);
      await deleteSentencesOfArticle(db, articleId);
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
    const candidates = await candidateArticles(db, sentences, articleId, keys);
    const candidateProfiles = await profilesOf(db, candidates);
    const story = chooseStory(profile.vector, candidateProfiles, articleId);
    profile.storyId = story.storyId;
    // Written before the story's links are: those rewrite the profiles of articles a merge moves.
    await putProfiles(db, raiseNearest(profile, candidateProfiles));
    recordTiming('claimlens:retrieve', matchStart);
    const stanceStart = performance.now();
    const links = await linkWithinStory(db, article, sentences, profile, story.merge, now);
    recordTiming('claimlens:stance', stanceStart);
    recordTiming('claimlens:match', matchStart);
    await putArticle(db, article);
    await putSentences(db, sentences);
    await countTerms(db, sentences, 1, keys);
    await putProfile(db, profile);
    await putLinks(db, links);
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

/** The article a stored sentence belongs to: its id is `${articleId}:…`. */
function articleOfSentence(sentenceId: string): string {
  return sentenceId.slice(0, sentenceId.indexOf(':'));
}

/**
 * Articles that share retrieval keys with ours, those sharing the most first: candidates for the story
 * choice. Keys come from the key records (an inverted index kept in Dexie; never a scan). `keys`
 * receives the key records read, for `countTerms` in the same transaction.
 */
async function candidateArticles(
  db: ClaimLensDB,
  ours: readonly SentenceRecord[],
  articleId: string,
  keys: Map<string, TermRecord | undefined>,
): Promise<string[]> {
  // One `get` per distinct key of the article, all in one batch: the key record says how many stored
  // sentences carry the key and, when they are few, which. A query of the multi-entry index costs
  // about a millisecond in IndexedDB (found or not) and a `get` a few hundredths, so the posting lists
  // are read from the records; the index is queried only for a list the record no longer holds. Keys
  // carried by more than POSTINGS_LIMIT sentences are left out, so the cost stays bounded whatever the
  // size of the store: such keys are too common to say which story an article tells.
  const union = [...new Set(ours.flatMap((s) => queryTerms(s)))];
  const rows = await getTerms(db, union);
  for (let i = 0; i < union.length; i++) keys.set(union[i], rows[i]);
  const usable = union.filter((t) => {
    const n = keys.get(t)?.df ?? 0;
    return n > 0 && n <= POSTINGS_LIMIT;
  });
  const shared = new Map<string, number>();
  await Promise.all(
    usable.map(async (term) => {
      let ids = keys.get(term)?.ids;
      if (!ids) {
        // The limit bounds the read even if a count is behind (e.g. another tab is writing).
        const found = await sentenceIdsWithTerm(db, term, POSTINGS_LIMIT + 1);
        if (found.length > POSTINGS_LIMIT) return;
        ids = found;
      }
      // Pair keys (a name and a number together) say more than a single word.
      const weight = term.includes('&') ? 2 : 1;
      for (const article of new Set(ids.map(articleOfSentence)))
        if (article !== articleId) shared.set(article, (shared.get(article) ?? 0) + weight);
    }),
  );
  return [...shared]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, MAX_CANDIDATE_ARTICLES)
    .map(([id]) => id);
}

/**
 * Profiles of stored articles; an article stored before profiles existed gets one now (a story of its
 * own), from its stored sentences.
 */
async function profilesOf(db: ClaimLensDB, ids: readonly string[]): Promise<ProfileRecord[]> {
  const found = await getProfiles(db, ids);
  const missing = ids.filter((_, i) => !found[i]);
  if (!missing.length) return found as ProfileRecord[];
  const made: ProfileRecord[] = [];
  for (const id of missing) {
    const article = await getArticle(db, id);
    if (!article) continue;
    const sentences = (await sentencesOfArticle(db, id)).sort((a, b) => a.index - b.index);
    made.push(buildProfile(article, sentences, id, article.firstReadAt));
  }
  await putProfiles(db, made);
  return [...(found.filter(Boolean) as ProfileRecord[]), ...made];
}

/** The sentences of an article that take part in judging: all of them, or the most check-worthy of an enormous one. */
function judged(sentences: readonly SentenceRecord[]): SentenceRecord[] {
  if (sentences.length <= MAX_JUDGED_SENTENCES) return [...sentences];
  return [...sentences]
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .slice(0, MAX_JUDGED_SENTENCES)
    .sort((a, b) => a.index - b.index);
}

/** Pairs of articles judged at most when two stories turn out to be one (the most similar pairs first). */
const MAX_MERGE_PAIRS = 24;

/**
 * Judges the article against the other outlets' articles of its story (the most similar ones), both
 * ways: their verdict on our claims and ours on theirs. When the article shows that other stories are
 * the same story, their articles join ours and the most similar pairs across them are judged too.
 */
async function linkWithinStory(
  db: ClaimLensDB,
  article: ArticleRecord,
  sentences: readonly SentenceRecord[],
  profile: ProfileRecord,
  merge: readonly string[],
  now: number,
): Promise<LinkRecord[]> {
  const story = (await storyMembers(db, profile.storyId)).filter((m) => m.articleId !== article.id);
  const pairs: [ProfileRecord, ProfileRecord][] = [];
  let joined: ProfileRecord[] = [];
  if (merge.length) {
    joined = (await membersOfStories(db, merge)).filter((m) => m.articleId !== article.id);
    for (const m of joined) m.storyId = profile.storyId;
    await putProfiles(db, joined);
    const across: { pair: [ProfileRecord, ProfileRecord]; sim: number }[] = [];
    for (const x of story)
      for (const y of joined)
        if (x.outlet !== y.outlet) across.push({ pair: [x, y], sim: cosine(x.vector, y.vector) });
    across.sort((a, b) => b.sim - a.sim);
    for (const { pair } of across.slice(0, MAX_MERGE_PAIRS)) pairs.push(pair);
  }
  const members = membersToCompare(
    profile.vector,
    [...story, ...joined].filter((m) => m.outlet !== article.outlet),
    article.id,
  );
  for (const m of members) pairs.push([profile, m]);
  if (!pairs.length) return [];
  const wanted = new Set(pairs.flat().map((p) => p.articleId));
  wanted.delete(article.id);
  const byArticle = new Map<string, SentenceRecord[]>([[article.id, judged(sentences)]]);
  const stored = await sentencesOfArticles(db, [...wanted]);
  const grouped = new Map<string, SentenceRecord[]>();
  for (const s of stored) {
    const list = grouped.get(s.articleId) ?? [];
    list.push(s);
    grouped.set(s.articleId, list);
  }
  for (const [id, list] of grouped) byArticle.set(id, judged(list.sort((a, b) => a.index - b.index)));
  const links: LinkRecord[] = [];
  const copies: ProfileRecord[] = [];
  for (const [x, y] of pairs) {
    const a = reading(byArticle.get(x.articleId) ?? [], x.side, x.publishedAt);
    const b = reading(byArticle.get(y.articleId) ?? [], y.side, y.publishedAt);
    if (!a.sentences.length || !b.sentences.length) continue;
    const story = { shared: shareTheirStory(x.vector, y.vector) };
    const { ab, ba } = judgeBoth(a, b, story);
    for (const j of ab) links.push(link(a.sentences[j.ours], b.sentences[j.theirs], j.detail, now));
    for (const j of ba) links.push(link(b.sentences[j.ours], a.sentences[j.theirs], j.detail, now));
    if (x === profile) {
      const copy = copyBetween(x, a.sentences, ab, y, b.sentences, ba);
      if (copy && !copies.includes(copy)) copies.push(copy);
    }
  }
  // Only other articles' profiles are written here; the new article's is written with it.
  await putProfiles(
    db,
    copies.filter((c) => c !== profile),
  );
  return links;
}

/**
 * When one of two articles retells the other (a syndicated copy or a rewrite), marks the later one as a
 * copy of the earlier and returns it; otherwise returns nothing.
 */
/** Whether an article's first sentences open with a wire dateline naming its own outlet. */
function filedBy(sentences: readonly SentenceRecord[], outlet: string): boolean {
  const letters = (t: string) => t.toLowerCase().replace(/[^\p{L}]+/gu, '');
  const own = letters(outlet);
  return sentences.slice(0, 2).some((s) => {
    const agency = datelineFiler(s.text);
    const name = agency ? letters(agency) : '';
    return name.length >= 3 && own.length >= 3 && (own.includes(name) || name.includes(own));
  });
}

function copyBetween(
  x: ProfileRecord,
  xs: readonly SentenceRecord[],
  xy: readonly PairJudgement[],
  y: ProfileRecord,
  ys: readonly SentenceRecord[],
  yx: readonly PairJudgement[],
): ProfileRecord | undefined {
  const retold = (own: readonly SentenceRecord[], judged: readonly PairJudgement[]) =>
    retoldShare(
      own.filter((s) => s.score >= DEFAULT_CLAIM_THRESHOLD).length,
      judged
        .filter((j) => j.detail.basis === 'same-fact' && own[j.ours].score >= DEFAULT_CLAIM_THRESHOLD)
        .map((j) => ({ ours: own[j.ours].index, theirs: j.theirs, similarity: j.detail.score })),
    );
  const xShare = retold(xs, xy);
  const yShare = retold(ys, yx);
  if (!xShare && !yShare) return undefined;
  // A copy does not contradict a sentence it retells: two outlets that tell one release in its order but
  // dispute a figure of one of its sentences ("net profit fell 18 percent", "up 18 percent") each read
  // it themselves. (A rewrite may still set one source's estimate against another's.)
  if (xy.some(contradicts) || yx.some(contradicts)) return undefined;
  // The copy is the later one when the pages say when each was published; else the one more of whose
  // claims retell the other's (`retoldShare`): the other tells more than it (a wire story and its
  // shortened rewrite), whichever the reader opened first.
  const dated = !!x.publishedAt && !!y.publishedAt && Date.parse(x.publishedAt) !== Date.parse(y.publishedAt);
  // Undated, a wire story that files itself ("BRENNOCK, March 9 (Meridian Press) - ") is the original of
  // the outlet that reprints it.
  const filer = dated ? undefined : [x, y].find((p, k) => filedBy(k ? ys : xs, p.outlet));
  const later = filer
    ? filer === x
      ? y
      : x
    : !dated && Math.abs(xShare - yShare) >= SHARE_APART
      ? xShare > yShare
        ? x
        : y
      : laterOf({ ...x, firstReadAt: x.joinedAt }, { ...y, firstReadAt: y.joinedAt }).articleId ===
          x.articleId
        ? x
        : y;
  const original = later === x ? y : x;
  if (original.copyOf === later.articleId) return undefined;
  later.copyOf = original.articleId;
  return later;
}

/** How far apart two articles' retold shares must be for the lower to tell more than the other. */
const SHARE_APART = 0.1;

/** A dispute between two sentences alike enough that one retells the other (`RETOLD`). */
function contradicts(j: PairJudgement): boolean {
  return j.detail.stance === 'disputes' && j.detail.score >= RETOLD;
}

/** An article as the pair judgement reads it: its judged sentences, its side, which of them are highlighted. */
function reading(
  sentences: SentenceRecord[],
  side: ArticleSide,
  publishedAt?: string,
): ArticleReading & { sentences: SentenceRecord[] } {
  const mask = claimMask(sentences, DEFAULT_CLAIM_THRESHOLD);
  const claims = new Set<number>();
  mask.forEach((on, i) => {
    if (on) claims.add(i);
  });
  return { sentences, side, claims, ...(publishedAt ? { publishedAt } : {}) };
}

/** The stored link: `other` stands toward `sentence` as `detail` says. */
function link(
  sentence: SentenceRecord,
  other: SentenceRecord,
  detail: StanceDetail,
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
    basis: detail.basis,
    ...(detail.numberConflict ? { numberConflict: detail.numberConflict } : {}),
    createdAt: now,
  };
}
