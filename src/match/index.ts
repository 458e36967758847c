/**
 * Finding the same fact in other outlets' sentences. First cut (issue 4 replaces the scorer):
 * index keys are content stems and numbers; similarity is weighted word overlap.
 */
import type { SentenceAnalysis } from '../claims/types.ts';
import { contentStems } from '../nlp/tokens.ts';

/** Keys under which a sentence is stored in the multi-entry retrieval index. */
export function indexTerms(sentence: SentenceAnalysis): string[] {
  const terms = new Set(contentStems(sentence.text).filter((t) => t.length > 2));
  for (const n of sentence.numbers) terms.add(`#${n.value}`);
  return [...terms];
}

/** Similarity in 0..1 of two sentences as statements of the same fact. */
export function similarity(a: SentenceAnalysis, b: SentenceAnalysis): number {
  const x = new Set(contentStems(a.text));
  const y = new Set(contentStems(b.text));
  let shared = 0;
  for (const t of x) if (y.has(t)) shared++;
  return shared / Math.max(1, Math.min(x.size, y.size));
}
