/**
 * The store's records: the single definition used by the background, the CLI, the exporter
 * and the tests. Dexie index strings live next to the shapes they index.
 */
import type { BlockKind } from '../article/types.ts';
import type { SentenceAnalysis } from '../model/sentence.ts';
import type { Stance, StanceBasis } from '../model/stance.ts';
import type { ArticleProfile } from '../model/story.ts';

export type { AnnotationRecord } from '../model/annotation.ts';
export type { FactCheckRecord, FeedRecord } from './feed-records.ts';

export const DB_NAME = 'claimlens';

export interface ArticleRecord {
  /** Stable id derived from the canonical URL, so re-reading a page updates it in place. */
  id: string;
  url: string;
  outlet: string;
  title: string;
  text: string;
  /** Block kinds and offsets in `text`, so offsets can be mapped back to the page's blocks. */
  blocks: { kind: BlockKind; start: number; end: number }[];
  publishedAt?: string;
  /** First and latest time the article was read (ms since epoch); for a feed article, when it was fetched. */
  firstReadAt: number;
  readAt: number;
  /** Set on articles that came from a followed feed: the reader has not opened them (src/feeds). */
  via?: 'feed';
  /** The feed an article came from (with `via`). */
  feedId?: string;
}

/** Every prose sentence is stored with its score; the claim threshold is applied when reading. */
export interface SentenceRecord extends SentenceAnalysis {
  /** `${articleId}:${hash of text}`, stable across re-reads of an unchanged sentence. */
  id: string;
  articleId: string;
  outlet: string;
  /** Position in the article (page order). */
  index: number;
  /** Retrieval keys (multi-entry index). */
  terms: string[];
}

/** A directed link: `otherSentenceId` (from another outlet) stands toward `sentenceId` with `stance`. */
export interface LinkRecord {
  /** `${sentenceId}>${otherSentenceId}` */
  id: string;
  sentenceId: string;
  articleId: string;
  otherSentenceId: string;
  otherArticleId: string;
  stance: Stance;
  score: number;
  /** Why (absent on links made before schema version 5). */
  basis?: StanceBasis;
  numberConflict?: { ours: string; theirs: string };
  createdAt: number;
}

/** An article's whole-article vector, article-level stance and story (table `profiles`, schema version 5). */
export type ProfileRecord = ArticleProfile;

/** Posting lists longer than this are not kept: such keys are too common to retrieve by. */
export const POSTINGS_LIMIT = 60;

/**
 * A retrieval key: how many stored sentences carry it and, while they are at most `POSTINGS_LIMIT`,
 * which ones (sorted ids). Retrieval reads a key's candidates with one `get` of this record instead of
 * a query of the sentences' multi-entry index; `ids` is absent when the list grew past the limit (and
 * stays absent if it shrinks again: the index answers then).
 */
export interface TermRecord {
  term: string;
  df: number;
  ids?: string[];
}

export interface SettingRecord {
  key: string;
  value: unknown;
}

const V1_STORES = {
  articles: 'id, &url, outlet, readAt',
  sentences: 'id, articleId, *terms',
  links: 'id, sentenceId, articleId, otherSentenceId, otherArticleId',
  settings: 'key',
};
// Version 2 adds the researchers' annotations (src/annotations/types.ts).
const V2_STORES = {
  ...V1_STORES,
  annotations: 'id, url, articleId, sentenceId, *tags, outlet, modified, kind, verdict',
};
// Version 3 counts how many sentences carry each retrieval key (document frequency), so that retrieval
// can leave out keys whose posting lists would grow with the store.
const V3_STORES = { ...V2_STORES, terms: 'term' };
// Version 4 keeps the (short) posting lists in the key records themselves: same tables and indexes,
// rebuilt records.
const V4_STORES = V3_STORES;

// Version 5 groups articles into stories: one profile per article (its whole-article vector, whether it
// debunks its story, and the story it belongs to), indexed by story.
const V5_STORES = { ...V4_STORES, profiles: 'articleId, storyId' };

// Version 7 (src/feeds): followed feeds, fact-checks read from ClaimReview markup (with their claims'
// retrieval keys), and feed articles by feed and fetch time, for the options page's counts and for
// retention. Versions 5 and 6 are the pipeline's.
const V7_STORES = {
  ...V5_STORES,
  articles: `${V5_STORES.articles}, [feedId+readAt]`,
  feeds: 'id, &url, *hosts',
  factChecks: 'id, articleId, url, *terms',
};

/** Dexie schema versions, oldest first; each repeats the one before and adds to it. */
export const SCHEMA_VERSIONS: { version: number; stores: Record<string, string> }[] = [
  { version: 1, stores: V1_STORES },
  { version: 2, stores: V2_STORES },
  { version: 3, stores: V3_STORES },
  { version: 4, stores: V4_STORES },
  { version: 5, stores: V5_STORES },
  // Version 6 changes no table or index (so it names none: Dexie keeps every table of the versions
  // before it). Its upgrade (db.ts) moves the orphan marks out of the per-page settings rows into the
  // annotation records (`orphanedAt`), where they travel with export and import.
  { version: 6, stores: {} },
  { version: 7, stores: V7_STORES },
];

/** Settings rows (`orphans:<articleId>` → ids) that held orphan marks before schema version 6. */
export const LEGACY_ORPHANS_PREFIX = 'orphans:';
