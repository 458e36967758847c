/**
 * The character part of check-worthiness: a logistic regression over hashed character n-grams of a
 * sentence's words (tf-idf weighted, L2-normalised). Word and pair keys miss the inflections and
 * spellings a sentence shares with the training sentences ("cut", "cuts", "cutting"; "$1.3", "$1.4");
 * the n-grams see them, and their errors differ enough from the word model's that the two together
 * rank check-worthy sentences better than either (chosen by cross-validation, scripts/train-claims.ts).
 * Computed the same way at training time and in the service worker.
 */
import { scanWords, type WordListener } from './features.ts';

/** The character model as models/claims.json keeps it. */
export interface CharModel {
  /** log2 of the number of hash buckets. */
  bits: number;
  /** Shortest and longest n-gram, in UTF-16 units of the word padded with a space on each side. */
  min: number;
  max: number;
  /** Per bucket: the regression weight times the bucket's idf (already scaled by the blend weight). */
  weights: number[];
  /** Per bucket: its inverse document frequency, for the L2 norm of the tf-idf vector. */
  idf: number[];
}

/** Code units of the word being hashed, padded: reused across words. */
let padded = new Int32Array(64);

/**
 * Hashes the n-grams of each word the scan hands it (FNV-1a over UTF-16 units, ’ read as ') and counts
 * them: `counts` per bucket, the buckets seen first listed in `touched`.
 */
class NgramCounter {
  /** Per bucket, the sentence's count (saturating: no sentence repeats an n-gram 65,535 times). */
  readonly counts: Uint16Array;
  touched = new Int32Array(1024);
  size = 0;
  private readonly mask: number;
  constructor(
    bits: number,
    private readonly min: number,
    private readonly max: number,
  ) {
    this.mask = (1 << bits) - 1;
    this.counts = new Uint16Array(1 << bits);
  }
  word(s: string, start: number, end: number): void {
    const length = end - start + 2;
    if (length > padded.length) padded = new Int32Array(length * 2);
    padded[0] = 32;
    for (let k = start; k < end; k++) {
      const c = s.charCodeAt(k);
      padded[k - start + 1] = c === 0x2019 ? 39 : c;
    }
    padded[length - 1] = 32;
    const { min, max, mask, counts } = this;
    let { touched, size } = this;
    for (let i = 0; i < length; i++) {
      let h = 0x811c9dc5 | 0;
      const stop = i + max < length ? i + max : length;
      for (let k = i; k < stop; k++) {
        h = Math.imul(h ^ padded[k], 0x01000193);
        if (k - i + 1 < min) continue;
        const b = (h ^ (h >>> 15)) & mask;
        const n = counts[b];
        if (n !== 0) {
          if (n !== 0xffff) counts[b] = n + 1;
          continue;
        }
        counts[b] = 1;
        if (size === touched.length) {
          const grown = new Int32Array(size * 2);
          grown.set(touched);
          touched = grown;
          this.touched = grown;
        }
        touched[size++] = b;
      }
    }
    this.size = size;
  }
  /** Empties the counts for the next sentence. */
  reset(): void {
    for (let k = 0; k < this.size; k++) this.counts[this.touched[k]] = 0;
    this.size = 0;
  }
}

/**
 * The n-gram counts of a sentence as (bucket, count) pairs, sorted by bucket: the training script's
 * input, the same n-grams `charLogit` weighs (words as the word features read them, lower-cased, each
 * padded with a space on each side).
 */
export function charCounts(text: string, bits: number, min: number, max: number): [number, number][] {
  const counter = new NgramCounter(bits, min, max);
  scanWords(text.toLowerCase(), counter);
  const out: [number, number][] = [];
  for (let k = 0; k < counter.size; k++) out.push([counter.touched[k], counter.counts[counter.touched[k]]]);
  return out.sort((a, b) => a[0] - b[0]);
}

/**
 * A character model laid out for scoring: per bucket its weight and idf side by side in one small
 * array (scoring runs between wink-nlp passes that evict the processor's caches, so the fewer lines a
 * bucket costs, the better), and the counter for the sentence being scored.
 */
interface CompiledChars {
  /** `2b`: bucket b's weight, `2b + 1`: its idf. */
  table: Float32Array;
  counter: NgramCounter;
}

const compiledChars = new WeakMap<CharModel, CompiledChars>();

/** log(1 + n) for the small counts nearly every n-gram has. */
const LOG1P = Float64Array.from({ length: 64 }, (_, n) => Math.log1p(n));

function compileChars(model: CharModel): CompiledChars {
  let m = compiledChars.get(model);
  if (!m) {
    const table = new Float32Array(model.weights.length * 2);
    model.weights.forEach((w, b) => {
      table[2 * b] = w;
      table[2 * b + 1] = model.idf[b];
    });
    m = { table, counter: new NgramCounter(model.bits, model.min, model.max) };
    compiledChars.set(model, m);
  }
  return m;
}

/**
 * The character model's part of the log-odds: Σ w·idf·log(1 + count) / ‖idf·log(1 + count)‖ over the
 * sentence's buckets (0 for a sentence without words).
 */
export function charLogit(text: string, model: CharModel): number {
  const scorer = charScorer(model);
  scanWords(text.toLowerCase(), scorer.words);
  return scorer.logit();
}

/**
 * `charLogit` in two steps, for a caller that already walks the sentence's lower-cased words (the word
 * features do, `sentenceLogit`): hand `words` each word, then read `logit()`. Scoring an article reads
 * its words once instead of twice.
 */
export function charScorer(model: CharModel): { words: WordListener; logit: () => number } {
  const compiled = compileChars(model);
  compiled.counter.reset();
  return { words: compiled.counter, logit: () => finish(compiled) };
}

function finish({ table, counter }: CompiledChars): number {
  const { counts, touched } = counter;
  let dot = 0;
  let norm = 0;
  for (let k = 0; k < counter.size; k++) {
    const b = touched[k];
    const n = counts[b];
    const tf = n < 64 ? LOG1P[n] : Math.log1p(n);
    const x = tf * table[2 * b + 1];
    norm += x * x;
    dot += tf * table[2 * b];
  }
  return norm > 0 ? dot / Math.sqrt(norm) : 0;
}
