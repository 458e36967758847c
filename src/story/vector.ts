/**
 * The whole-article representation that decides whether two articles tell the same story: a TF-IDF
 * vector over the article's content stems and its numbers, kept compact (the heaviest
 * terms only) so it can live in the article's store record and be compared in microseconds.
 */
import { idfOf } from '../match/features.ts';
import { IDF } from '../match/model.ts';
import { numberKey, type Quantity } from '../match/numbers.ts';
import { contentStems } from '../match/text.ts';
import type { ArticleVector } from '../model/story.ts';

export type { ArticleVector };

/** Terms kept per article: enough that the dropped tail changes cosines by a few thousandths only. */
const MAX_TERMS = 80;
/** The headline (first block) states what the story is; its words count double. */
const HEADLINE_BOOST = 2;
/** A number key is as specific as a rare word. */
const NUMBER_IDF = 6;

/** What the vector is built from: the article's headline and its text, and the quantities found in it. */
export interface VectorInput {
  headline: string;
  text: string;
  quantities: readonly Quantity[];
  /** The names its sentences give (entities other than sentence-initial words of no kind). */
  names?: readonly string[];
  /** How many of its sentences tell each name (lower case). */
  told?: ReadonlyMap<string, number>;
}

/** Names kept per article: a story's own names come up early and often. */
const MAX_NAMES = 40;

/** Builds the article's vector. */
export function articleVector(input: VectorInput): ArticleVector {
  const tf = new Map<string, number>();
  const add = (term: string, n: number) => tf.set(term, (tf.get(term) ?? 0) + n);
  for (const s of contentStems(withHyphenParts(input.headline))) add(s, HEADLINE_BOOST);
  for (const s of contentStems(withHyphenParts(input.text))) add(s, 1);
  const numbers = new Set<string>();
  for (const q of input.quantities)
    if (q.value >= 20 && q.unit !== 'fraction') numbers.add(numberKey(q.value));
  const weighted: [string, number][] = [];
  for (const [term, n] of tf) {
    if (term.length < 2 || /^\d/.test(term)) continue;
    weighted.push([term, (1 + Math.log(n)) * idfOf(IDF, term)]);
  }
  for (const key of numbers) weighted.push([key, NUMBER_IDF]);
  weighted.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const kept = weighted.slice(0, MAX_TERMS).sort((a, b) => (a[0] < b[0] ? -1 : 1));
  const norm = Math.sqrt(kept.reduce((s, [, w]) => s + w * w, 0)) || 1;
  const vector: ArticleVector = {
    terms: kept.map(([t]) => t),
    weights: kept.map(([, w]) => round(w / norm)),
  };
  if (input.names) {
    const names = [...new Set(input.names.map((n) => n.trim().toLowerCase()).filter(Boolean))];
    const text = `${input.headline}\n${input.text}`;
    vector.names = properNames(names, text).slice(0, MAX_NAMES).sort();
    // Its main names: those it tells in the most sentences, twice at least.
    const told = vector.names.map((n) => input.told?.get(n) ?? 0);
    const most = Math.max(...told);
    if (most >= 2) vector.main = vector.names.filter((_, k) => told[k] === most);
  }
  return vector;
}

/** Words written in lower case: a word an article writes so is a common word there. */
const LOWER_WORD = /(?<![\p{L}\p{N}])\p{Ll}[\p{L}-]*/gu;

/**
 * The names that tell which story an article is of: those with a word the article never writes in lower
 * case ("Kessler", "Lakeport City Council"). A name of common words only ("the Union", "City Council",
 * "Social Security") is named in every story of its kind ("the union said", "the council voted").
 */
function properNames(names: readonly string[], text: string): string[] {
  const lower = new Set(text.match(LOWER_WORD) ?? []);
  return names.filter((n) => n.split(/\s+/).some((w) => /^\p{L}{2}/u.test(w) && !lower.has(w)));
}

/** A hyphenated compound: words of letters joined by hyphens ("pumpkin-spice", "eggnog-chugging"). */
const COMPOUND = /\p{L}+(?:-\p{L}+)+/gu;
/** Parts shorter than this ("al" of "al-Qaeda") are too common across stories to count. */
const MIN_PART = 3;

/**
 * The text with the parts of its hyphenated compounds added after it: "pumpkin-spice condoms" and
 * "pumpkin spice condoms" tell one story, yet the tokenizer keeps the compound as one word. The
 * compound itself stays, so two texts that both hyphenate it share it whole too.
 */
function withHyphenParts(text: string): string {
  const parts = (text.match(COMPOUND) ?? []).flatMap((w) => w.split('-').filter((p) => p.length >= MIN_PART));
  return parts.length ? `${text}\n${parts.join(' ')}` : text;
}

/** Cosine of two vectors (both normalised): a merge of two sorted term lists. */
export function cosine(a: ArticleVector, b: ArticleVector): number {
  let i = 0;
  let j = 0;
  let sum = 0;
  while (i < a.terms.length && j < b.terms.length) {
    const x = a.terms[i];
    const y = b.terms[j];
    if (x === y) sum += a.weights[i++] * b.weights[j++];
    else if (x < y) i++;
    else j++;
  }
  return sum;
}

/** Four decimals: a stored vector (or a stored cosine) stays small and loses nothing that matters. */
export function round(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}
