/**
 * What the background tells the pages about claims: the shapes behind the tooltip, the popup and the
 * demo summary. Built from the store by `src/pipeline/status.ts`.
 */

import type { Verdict } from '../model/annotation.ts';
import type { FactCheckEvidence } from '../model/fact-check.ts';
import type { SentenceAnalysis } from '../model/sentence.ts';
import type { Stance, StanceBasis } from '../model/stance.ts';
import type { ArticleSide } from '../model/story.ts';

/** One other outlet's sentence that stands toward a claim. */
export interface Evidence {
  outlet: string;
  articleId: string;
  url: string;
  title: string;
  sentenceId: string;
  quote: string;
  score: number;
  numberConflict?: { ours: string; theirs: string };
  /**
   * Why the other outlet stands so: the same fact, a conflicting number, a denial, its whole article
   * framed as a debunk of the story, or a "cannot confirm" (absent on links made before it was kept).
   */
  basis?: StanceBasis;
  /** Whom the other outlet attributes the fact to, as written ("Kyrylo Budanov"), when it does. */
  origin?: string;
  /**
   * The side the other article takes on the story, for an article-level verdict (`basis` "debunk"):
   * whether it is the debunk that disputes this claim, the report this debunk disputes, or a debunk
   * that agrees with this one.
   */
  side?: ArticleSide;
  /** The other article republishes or rewrites this article (by id), when it does. */
  copyOf?: string;
  /** The other article came from a followed feed (the reader has not opened it). */
  fromFeed?: boolean;
}

/** One independent source behind a claim's confirmations, with the outlets that carry it. */
export interface SourceView {
  /** The origin as written ("Kyrylo Budanov"), or the outlet when it cites no one. */
  name: string;
  role?: string;
  /** Outlets carrying it as originals, and outlets that copy or rewrite one of them. */
  outlets: string[];
  copies: string[];
}

/** Per stance, one entry per other outlet (its best sentence for that stance). */
export type ClaimStatus = Record<Stance, Evidence[]>;

/** What the researcher said about an automatic claim, shown beside (never instead of) its status. */
export interface UserMark {
  /** The claim-tag annotation holding tags, note and verdict, if any. */
  annotationId?: string;
  tags: string[];
  note?: string;
  verdict?: Verdict;
  pinned: boolean;
}

/**
 * A claim as the popup and the tooltip show it: the sentence's own reading (its offsets are into the
 * article text, blocks joined by BLOCK_SEPARATOR), with its status and the reader's marks.
 */
export interface ClaimView
  extends Pick<SentenceAnalysis, 'text' | 'start' | 'end' | 'score' | 'attribution' | 'numbers' | 'hedges'> {
  id: string;
  /** Page order. */
  index: number;
  status: ClaimStatus;
  /** The researcher's tags, note, verdict and pin on this claim. */
  mine?: UserMark;
  /** Fact-checkers' ratings of matching claims (src/factcheck), closest first. */
  factChecks?: FactCheckEvidence[];
  /** The confirmations with copies and shared origins collapsed: one entry per independent source. */
  sources: SourceView[];
}

/** Another article of the story, for the popup's coverage list. */
export interface StoryArticleView {
  articleId: string;
  outlet: string;
  title: string;
  url: string;
  /** Publication time as the page states it (ISO 8601), when it does. */
  publishedAt?: string;
  /** When the reader (or a feed) first brought it in (ms since epoch). */
  firstReadAt: number;
  side: ArticleSide;
  /** The article it republishes or rewrites, when it does. */
  copyOf?: string;
  fromFeed?: boolean;
}

/** The story an article tells, and the other articles of it in the store. */
export interface StoryView {
  storyId: string;
  /** Where this article stands on the story as a whole. */
  side: ArticleSide;
  /** This article republishes or rewrites another (by id), when it does. */
  copyOf?: string;
  /** The other articles, earliest published (or read) first. */
  others: StoryArticleView[];
}

/** How many other outlets covered the article's story, and how many of them only through followed feeds. */
export interface Coverage {
  outlets: number;
  fromFeeds: number;
}

export interface ArticleView {
  articleId: string;
  url: string;
  outlet: string;
  title: string;
  claims: ClaimView[];
  /** The story the article belongs to, once the pipeline has placed it. */
  story?: StoryView;
  /** Set by src/feeds when the view is built for the reader. */
  coverage?: Coverage;
  /**
   * Statements the reader's setting leaves unhighlighted that other outlets confirm, dispute or cannot
   * confirm, in page order, with their status: claims the popup lists but the page never shows
   * highlighted (src/model/sentence.ts `isCoveredStatement` says why).
   */
  covered?: ClaimView[];
  /**
   * The article's other statements (prose sentences that are not furniture) that the reader's setting
   * leaves unhighlighted and no other outlet speaks to, in page order: the popup lists them under
   * their own heading.
   */
  remaining?: StatementView[];
}

/** A statement of the article that is not highlighted at the reader's setting. */
export interface StatementView {
  id: string;
  index: number;
  text: string;
  score: number;
}

/** Empty status, for claims no other outlet has spoken to yet. */
export function emptyStatus(): ClaimStatus {
  return { disputes: [], confirms: [], unclear: [] };
}
