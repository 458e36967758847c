/**
 * Stance of another article's sentences toward a claim. First cut (issue 4 replaces it):
 * the best-matching sentences decide, with cue words for denial and for "cannot confirm".
 */
import type { SentenceAnalysis } from '../claims/types.ts';
import { similarity } from '../match/index.ts';
import type { StanceDetail } from './types.ts';

export interface SentenceJudgement {
  /** Index into the other article's sentences. */
  index: number;
  detail: StanceDetail;
}

const DENIAL = /\b(hoax|no evidence|denied|denies|deny|false|fake|untrue|dismissed)\b/i;
const UNSURE = /\b(can['’]?t|cannot|could not|couldn['’]t|unable to|not able to)\s+(?:\w+\s+)?(confirm|verify)\b/i;

/** Judges a claim against every sentence of one other article; only related sentences are returned. */
export function compareWithArticle(claim: SentenceAnalysis, others: readonly SentenceAnalysis[]): SentenceJudgement[] {
  const out: SentenceJudgement[] = [];
  others.forEach((other, index) => {
    const sim = similarity(claim, other);
    if (UNSURE.test(other.text) && sim >= 0.15) out.push({ index, detail: { stance: 'unclear', score: sim } });
    else if (DENIAL.test(other.text) && sim >= 0.15) out.push({ index, detail: { stance: 'disputes', score: sim } });
    else if (sim >= 0.4) out.push({ index, detail: { stance: 'confirms', score: sim } });
  });
  return out;
}
