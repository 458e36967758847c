/**
 * What the background tells the pages about claims: the shapes behind the tooltip, the popup and the
 * demo summary. Built from the store by `src/pipeline/status.ts`.
 */

import type { Verdict } from '../model/annotation.ts';
import type { Attribution, NumberMention } from '../model/sentence.ts';
import type { Stance } from '../model/stance.ts';

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

export interface ClaimView {
  id: string;
  /** Page order. */
  index: number;
  text: string;
  /** UTF-16 offsets into the article text (blocks joined by BLOCK_SEPARATOR). */
  start: number;
  end: number;
  score: number;
  attribution: Attribution | null;
  numbers: NumberMention[];
  hedges: string[];
  status: ClaimStatus;
  /** The researcher's tags, note, verdict and pin on this claim. */
  mine?: UserMark;
}

export interface ArticleView {
  articleId: string;
  url: string;
  outlet: string;
  title: string;
  claims: ClaimView[];
  /**
   * The article's other statements (prose sentences that are not furniture) that the reader's setting
   * leaves unhighlighted, in page order: the popup lists them under their own heading.
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
