/**
 * Records of the followed feeds and of the fact-checks read from ClaimReview markup (schema version 7).
 * Kept apart from schema.ts, which the cross-outlet pipeline changes, so both can evolve without
 * stepping on each other; schema.ts re-exports them.
 */
import type { Rating } from '../model/fact-check.ts';
import type { SentenceAnalysis } from '../model/sentence.ts';

/** A feed the reader follows (RSS 2.0, Atom or JSON Feed). */
export interface FeedRecord {
  /** `f` + hash of the URL. */
  id: string;
  /** The feed's address, as subscribed; only this host is ever contacted for it. */
  url: string;
  /**
   * Lower-case host names ClaimLens may request for this feed: the feed's own, and any the reader
   * allowed later for its items' pages. The allow-list of every request is the union over feeds.
   */
  hosts: string[];
  /** A fact-checker's feed: each item's page is read for its ClaimReview markup. */
  factChecker?: boolean;
  /** The outlet its items are articles of (the page's site name, else the feed's title). */
  outlet: string;
  /** The feed's own title, as it last said. */
  title: string;
  addedAt: number;
  /** Last attempt, last success (ms since epoch). */
  lastFetchAt?: number;
  lastOkAt?: number;
  /** When the next fetch is due; later after each failure (back-off). */
  nextFetchAt: number;
  /** Validators of the last response, sent back for a conditional request. */
  etag?: string;
  lastModified?: string;
  /** Failures in a row (drives the back-off); 0 after a success. */
  failures: number;
  /** What went wrong the last time, in words for the reader; absent after a success. */
  error?: string;
  /**
   * Items that could not be read (a page that was not an article, ...), in words for the reader; kept
   * while the feed still lists the item.
   */
  itemErrors?: { url: string; message: string }[];
  /** Items stored from this feed since it was added. */
  itemsTotal: number;
  /** The day (yyyy-mm-dd, UTC) `dayCount` counts items of: the per-day cap. */
  day: string;
  dayCount: number;
  /** Item URLs already handled (stored, or refused for good), newest last, bounded. */
  seen: string[];
}

/** One reviewed claim of a fact-check page (schema.org ClaimReview). */
export interface FactCheckRecord {
  /** `k` + hash of the review URL and the claim. */
  id: string;
  /** The article (the fact-check page) it was read from, when that page is stored. */
  articleId?: string;
  /** The review's URL (the fact-check page). */
  url: string;
  factChecker: string;
  claimReviewed: string;
  rating: Rating;
  /** The rating as given: its words, and its numbers on the reviewer's scale. */
  ratingText?: string;
  ratingValue?: number;
  bestRating?: number;
  worstRating?: number;
  datePublished?: string;
  /** Where the claim appeared (the reviewed claim's `appearance` / `itemReviewed.url`), when given. */
  appearance?: string[];
  /** The reviewed claim as the claim analyser reads it, for the matcher's similarity. */
  analysis: SentenceAnalysis;
  /** Retrieval keys of the claim (`indexTerms`), so a reader's claim finds the reviews that may match. */
  terms: string[];
  storedAt: number;
}
