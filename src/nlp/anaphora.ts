/**
 * Sentences that lean on the one before them for what they are about. News prose names its subject
 * once and then goes on with "they", "these soldiers" or a bare figure ("The first 1,500 were shipped",
 * "Budanov warned 11,000 were already there"), so such a sentence, read alone, is about nothing a
 * denial or a "cannot confirm" elsewhere could name. Read with the sentence it leans on, it is.
 */
import type { SentenceAnalysis } from '../model/sentence.ts';

/** A sentence (or a reported clause) whose subject is a plural pronoun or a demonstrative. */
const PRONOUN_SUBJECT =
  /^(?:(?:but|and|now|so|yet|still|however|meanwhile|instead)\b,?\s+)?(?:they|these|those)\b|\b(?:that|said|says|warned|believes?|believed)\s+(?:they|these|those)\b/i;
/** A part of something said before: "around a quarter of them", "most of these". */
const PART_OF = /^(?:\S+\s+){0,4}?of\s+(?:them|these|those)\b/i;
/** A verb right after a figure with nothing counted: the figure stands for a noun said before. */
const VERB_AFTER =
  /^\s+(?:(?:have|has|had)\s+)?(?:already\s+|now\s+|also\s+)?(?:were|was|are|is|have|had|has|will|would|could|may|might|remain(?:ed)?)\b/i;

/**
 * Whether a sentence leans on the one before it: its subject is "they", "these …" or "some of them",
 * or a figure counts nothing of its own ("11,000 were already there").
 */
export function leansOnPrevious(s: Pick<SentenceAnalysis, 'text' | 'numbers'>): boolean {
  if (PRONOUN_SUBJECT.test(s.text) || PART_OF.test(s.text)) return true;
  return s.numbers.some((n) => !n.unit && VERB_AFTER.test(s.text.slice(n.end, n.end + 30)));
}

/** How far back a sentence's context reaches: the sentence it leans on may lean on the one before. */
const MAX_HOPS = 2;

/**
 * The sentences a sentence leans on, nearest first (none when it stands alone); `sentences` in the
 * article's order.
 */
export function antecedentsOf(
  sentences: readonly Pick<SentenceAnalysis, 'text' | 'numbers'>[],
  i: number,
): number[] {
  const out: number[] = [];
  for (let k = i; k > 0 && out.length < MAX_HOPS && leansOnPrevious(sentences[k]); k--) out.push(k - 1);
  return out;
}
