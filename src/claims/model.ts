/**
 * The learned part of check-worthiness: a logistic regression over word, part-of-speech and
 * linguistic features plus the idf-weighted mean of the sentence's word vectors, blended with a
 * regression over hashed character n-grams (chars.ts); trained by `npm run train:claims` and
 * committed as models/claims.json.
 */
import weights from '../../models/claims.json';
import type { Token } from '../nlp/parse.ts';
import type { CharModel } from './chars.ts';

export interface ClaimModel {
  version: number;
  /** Logit offset; training shifts it so that 0.5 is the best operating point in cross-validation. */
  bias: number;
  /** Feature key -> weight. */
  weights: Record<string, number>;
  /**
   * Word (lower case, as wink tokenises it) -> its word vector's projection on the model's learned
   * direction. The regression weighs the mean of a sentence's word vectors; a weighted mean is the
   * mean of the projections, so one number per word carries it and the 100-dimensional vectors stay
   * out of the extension. Words the vectors know but training never saw still count: that is what
   * the vectors add over the word features.
   */
  lexicon?: Record<string, number>;
  /**
   * Weights of the mean over the lexicon: a word's inverse document frequency in the training
   * sentences, so that "the" and "," count for less than "unemployment". Words absent here weigh
   * `lexiconIdfDefault` (the idf of a word training never saw); without either, a plain mean.
   */
  lexiconIdf?: Record<string, number>;
  lexiconIdfDefault?: number;
  /** The character n-gram regression, its log-odds added to the rest. */
  chars?: CharModel;
  meta?: Record<string, unknown>;
}

/** The committed model. */
export const defaultModel = weights as ClaimModel;

/** Weights as a Map, built once per model: a Map lookup is several times cheaper than a big object's. */
const weightMaps = new WeakMap<ClaimModel, Map<string, number>>();

function weightMap(model: ClaimModel): Map<string, number> {
  let map = weightMaps.get(model);
  if (!map) {
    map = new Map(Object.entries(model.weights));
    weightMaps.set(model, map);
  }
  return map;
}

/** Raw log-odds of check-worthiness for a sentence's feature keys. */
export function textLogit(features: readonly string[], model: ClaimModel = defaultModel): number {
  const weights = weightMap(model);
  let z = model.bias;
  for (const f of features) z += weights.get(f) ?? 0;
  return z;
}

interface LexiconLookup {
  /** Lower-cased word -> its index in `table`. */
  words: Map<string, number>;
  /** `2i`: word i's idf times its projection, `2i + 1`: its idf (side by side: one cache line per word). */
  table: Float64Array;
  /**
   * Token text as written -> its index, -1 when the lexicon lacks it. Token texts repeat across
   * sentences and articles, so remembering them spares a lower-casing and a lookup of a new string per
   * token; bounded because a long-lived service worker meets ever new words.
   */
  seen: Map<string, number>;
}

const lexiconLookups = new WeakMap<ClaimModel, LexiconLookup>();
const MAX_SEEN_TOKENS = 50_000;

function lexiconLookup(model: ClaimModel, lexicon: Record<string, number>): LexiconLookup {
  let lookup = lexiconLookups.get(model);
  if (!lookup) {
    const idfs = new Map(Object.entries(model.lexiconIdf ?? {}));
    const fallback = model.lexiconIdfDefault ?? 1;
    const words = new Map<string, number>();
    const entries = Object.entries(lexicon);
    const table = new Float64Array(entries.length * 2);
    entries.forEach(([w, u], i) => {
      const idf = idfs.get(w) ?? fallback;
      words.set(w, i);
      table[2 * i] = idf * u;
      table[2 * i + 1] = idf;
    });
    lookup = { words, table, seen: new Map() };
    lexiconLookups.set(model, lookup);
  }
  return lookup;
}

/**
 * The word-vector part of the log-odds: the idf-weighted mean projection of the sentence's words
 * found in the model's lexicon (0 when none is, or the model has no lexicon).
 */
export function lexiconLogit(tokens: readonly Token[], model: ClaimModel = defaultModel): number {
  if (!model.lexicon) return 0;
  const { words, table, seen } = lexiconLookup(model, model.lexicon);
  let sum = 0;
  let weight = 0;
  for (const t of tokens) {
    if (t.pos === 'SPACE') continue;
    let i = seen.get(t.text);
    if (i === undefined) {
      if (seen.size >= MAX_SEEN_TOKENS) seen.clear();
      i = words.get(t.text.toLowerCase()) ?? -1;
      seen.set(t.text, i);
    }
    if (i < 0) continue;
    sum += table[2 * i];
    weight += table[2 * i + 1];
  }
  return weight > 0 ? sum / weight : 0;
}

export function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}
