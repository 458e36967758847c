/**
 * Pair features of two sentences for the paraphrase model: word, n-gram and character overlap,
 * longest common subsequence, length, numbers, capitalised names and negation — the lexical
 * signals that classic MSRP systems rely on, computed identically at training time and in the
 * browser.
 */
import { compatible, type Quantity, quantitiesOf, sameScale } from './numbers.ts';
import {
  capitalisedRuns,
  charNgrams,
  contentStems,
  editDistance,
  lcsLength,
  NEGATIONS,
  ngrams,
  overlapCount,
  stem,
  tokens,
} from './text.ts';

/** Document frequencies used to weight words by rarity. */
export interface IdfTable {
  /** Number of documents counted. */
  n: number;
  /** Document frequency per stem (rare stems pruned: they get `n`'s maximum idf). */
  df: Record<string, number>;
}

/** Per table, the idf of every stem seen so far: the same stems recur in every pair. */
const idfCache = new WeakMap<IdfTable, Map<string, number>>();

/** Inverse document frequency of a stem. */
export function idfOf(table: IdfTable, s: string): number {
  let cache = idfCache.get(table);
  if (!cache) {
    cache = new Map();
    idfCache.set(table, cache);
  }
  let w = cache.get(s);
  if (w === undefined) {
    const df = Object.hasOwn(table.df, s) ? table.df[s] : 0;
    w = Math.log((table.n + 1) / (df + 1));
    if (cache.size < 200_000) cache.set(s, w);
  }
  return w;
}

/** Everything the features need from one sentence, computed once per sentence. */
export interface Prepared {
  text: string;
  words: readonly string[];
  stems: string[];
  content: readonly string[];
  bigrams: string[];
  trigrams: string[];
  quadgrams: string[];
  char3: string[];
  char4: string[];
  caps: string[];
  quantities: Quantity[];
  negations: number;
  contentSet: Set<string>;
}

/**
 * Prepares a sentence for pair features. The n-gram lists are built on first use: most candidate
 * pairs are decided on names, numbers and content words alone and never need them.
 */
export function prepare(text: string): Prepared {
  const words = tokens(text);
  const stems = words.map(stem);
  const content = contentStems(text);
  const quantities = quantitiesOf(text);
  const lazy = <T>(make: () => T) => {
    let value: T | undefined;
    return () => {
      value ??= make();
      return value;
    };
  };
  const bigrams = lazy(() => ngrams(stems, 2));
  const trigrams = lazy(() => ngrams(stems, 3));
  const quadgrams = lazy(() => ngrams(stems, 4));
  const char3 = lazy(() => charNgrams(text, 3));
  const char4 = lazy(() => charNgrams(text, 4));
  return {
    text,
    words,
    stems,
    content,
    get bigrams() {
      return bigrams();
    },
    get trigrams() {
      return trigrams();
    },
    get quadgrams() {
      return quadgrams();
    },
    get char3() {
      return char3();
    },
    get char4() {
      return char4();
    },
    caps: [...new Set(capitalisedRuns(text).flatMap((r) => r.split(/\s+/)))].map(stem),
    quantities,
    negations: words.filter((w) => NEGATIONS.has(w) || w.endsWith("n't")).length,
    contentSet: new Set(content),
  };
}

export const MATCH_FEATURES = [
  'uni_min',
  'uni_max',
  'uni_f1',
  'content_min',
  'content_max',
  'content_f1',
  'bi_min',
  'bi_max',
  'tri_min',
  'tri_max',
  'quad_f1',
  'char3_f1',
  'char4_min',
  'char4_max',
  'lcs_min',
  'lcs_max',
  'edit_norm',
  'len_diff',
  'len_min',
  'len_ratio',
  'idf_cos',
  'idf_cover_min',
  'idf_cover_max',
  'unmatched_min',
  'unmatched_max',
  'unmatched_idf_max',
  'num_a_or_b',
  'num_all_match',
  'num_conflict',
  'num_f1',
  'caps_f1',
  'caps_unmatched',
  'neg_mismatch',
] as const;

function pr(a: readonly string[], b: readonly string[]): [number, number] {
  const o = overlapCount(a, b);
  return [a.length ? o / a.length : 0, b.length ? o / b.length : 0];
}

function f1(p: number, r: number): number {
  return p + r > 0 ? (2 * p * r) / (p + r) : 0;
}

/** IDF-weighted overlap of two sentences' content stems, shared by the pair features and the matcher. */
export interface IdfOverlap {
  /** Cosine of the idf-weighted stem vectors. */
  cos: number;
  /** Share of each side's idf mass found on the other side. */
  covA: number;
  covB: number;
  /** Highest idf among each side's stems missing from the other. */
  unmatchedIdfA: number;
  unmatchedIdfB: number;
}

/** Computes `IdfOverlap` in one pass over each side. */
export function idfOverlap(a: ReadonlySet<string>, b: ReadonlySet<string>, idf: IdfTable): IdfOverlap {
  let dot = 0;
  let na = 0;
  let nb = 0;
  let coverA = 0;
  let totalA = 0;
  let coverB = 0;
  let totalB = 0;
  let unmatchedIdfA = 0;
  let unmatchedIdfB = 0;
  for (const s of a) {
    const w = idfOf(idf, s);
    na += w * w;
    totalA += w;
    if (b.has(s)) {
      dot += w * w;
      coverA += w;
    } else unmatchedIdfA = Math.max(unmatchedIdfA, w);
  }
  for (const s of b) {
    const w = idfOf(idf, s);
    nb += w * w;
    totalB += w;
    if (a.has(s)) coverB += w;
    else unmatchedIdfB = Math.max(unmatchedIdfB, w);
  }
  return {
    cos: na && nb ? dot / Math.sqrt(na * nb) : 0,
    covA: totalA ? coverA / totalA : 0,
    covB: totalB ? coverB / totalB : 0,
    unmatchedIdfA,
    unmatchedIdfB,
  };
}

/** The feature vector (order of MATCH_FEATURES) of two prepared sentences; symmetric in a and b. */
export function matchFeatures(a: Prepared, b: Prepared, idf: IdfTable): number[] {
  const [u1, u2] = pr(a.words, b.words);
  const [c1, c2] = pr(a.content, b.content);
  const [b1, b2] = pr(a.bigrams, b.bigrams);
  const [t1, t2] = pr(a.trigrams, b.trigrams);
  const [q1, q2] = pr(a.quadgrams, b.quadgrams);
  const [h1, h2] = pr(a.char3, b.char3);
  const [k1, k2] = pr(a.char4, b.char4);
  const lcs = lcsLength(a.stems, b.stems);
  const la = a.words.length;
  const lb = b.words.length;
  const minLen = Math.max(1, Math.min(la, lb));
  const maxLen = Math.max(1, la, lb);

  const { cos, covA, covB, unmatchedIdfA, unmatchedIdfB } = idfOverlap(a.contentSet, b.contentSet, idf);
  let unA = 0;
  for (const s of a.contentSet) if (!b.contentSet.has(s)) unA++;
  let unB = 0;
  for (const s of b.contentSet) if (!a.contentSet.has(s)) unB++;

  const qa = a.quantities;
  const qb = b.quantities;
  const numbers = numberAgreement(qa, qb);
  const [p1, p2] = pr(a.caps, b.caps);
  const capsUnmatched = a.caps.length + b.caps.length - 2 * overlapCount(a.caps, b.caps);

  return [
    Math.min(u1, u2),
    Math.max(u1, u2),
    f1(u1, u2),
    Math.min(c1, c2),
    Math.max(c1, c2),
    f1(c1, c2),
    Math.min(b1, b2),
    Math.max(b1, b2),
    Math.min(t1, t2),
    Math.max(t1, t2),
    f1(q1, q2),
    f1(h1, h2),
    Math.min(k1, k2),
    Math.max(k1, k2),
    lcs / minLen,
    lcs / maxLen,
    editDistance(a.stems, b.stems) / maxLen,
    Math.abs(la - lb),
    minLen,
    minLen / maxLen,
    cos,
    Math.min(covA, covB),
    Math.max(covA, covB),
    Math.min(unA, unB),
    Math.max(unA, unB),
    Math.max(unmatchedIdfA, unmatchedIdfB),
    qa.length + qb.length > 0 ? 1 : 0,
    numbers.allMatch,
    numbers.conflict,
    numbers.f1,
    a.caps.length + b.caps.length ? f1(p1, p2) : 1,
    capsUnmatched,
    a.negations % 2 !== b.negations % 2 ? 1 : 0,
  ];
}

function numberAgreement(qa: Quantity[], qb: Quantity[]): { allMatch: number; conflict: number; f1: number } {
  if (!qa.length && !qb.length) return { allMatch: 1, conflict: 0, f1: 1 };
  if (!qa.length || !qb.length) return { allMatch: 0, conflict: 0, f1: 0 };
  const eq = (x: Quantity, y: Quantity) => Math.abs(x.value - y.value) <= 1e-9 * Math.max(1, x.value);
  const ma = qa.filter((x) => qb.some((y) => eq(x, y))).length;
  const mb = qb.filter((y) => qa.some((x) => eq(x, y))).length;
  let conflict = 0;
  for (const x of qa)
    for (const y of qb) if (sameScale(x, y) && !compatible(x, y) && !qb.some((z) => eq(x, z))) conflict = 1;
  return {
    allMatch: ma === qa.length && mb === qb.length ? 1 : 0,
    conflict,
    f1: f1(ma / qa.length, mb / qb.length),
  };
}
