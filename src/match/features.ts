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
  sortedOverlapCount,
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
  caps: string[];
  quantities: Quantity[];
  negations: number;
  contentSet: Set<string>;
  /** The token lists the overlap features count, each sorted once (built on first use). */
  bags: Bags;
}

/** Sorted copies of a sentence's token lists: a multiset overlap of two is then one merge. */
export interface Bags {
  words: readonly string[];
  content: readonly string[];
  bigrams: readonly string[];
  trigrams: readonly string[];
  quadgrams: readonly string[];
  char3: readonly string[];
  char4: readonly string[];
  caps: readonly string[];
}

/**
 * Prepares a sentence for pair features. The n-gram lists (`bags`) are built on first use: most
 * candidate pairs are decided on names, numbers and content words alone and never need them.
 */
export function prepare(text: string): Prepared {
  const words = tokens(text);
  const stems = words.map(stem);
  const content = contentStems(text);
  const quantities = quantitiesOf(text);
  const caps = [...new Set(capitalisedRuns(text).flatMap((r) => r.split(/\s+/)))].map(stem);
  const sorted = (xs: readonly string[]) => [...xs].sort();
  let bags: Bags | undefined;
  return {
    text,
    words,
    stems,
    content,
    caps,
    quantities,
    negations: words.filter((w) => NEGATIONS.has(w) || w.endsWith("n't")).length,
    contentSet: new Set(content),
    get bags() {
      bags ??= {
        words: sorted(words),
        content: sorted(content),
        bigrams: ngrams(stems, 2).sort(),
        trigrams: ngrams(stems, 3).sort(),
        quadgrams: ngrams(stems, 4).sort(),
        char3: charNgrams(text, 3).sort(),
        char4: charNgrams(text, 4).sort(),
        caps: sorted(caps),
      };
      return bags;
    },
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
  const o = sortedOverlapCount(a, b);
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

/**
 * The feature vector (order of MATCH_FEATURES) of two prepared sentences. Symmetric in a and b but for
 * the number conflict (`featuresSymmetric`).
 */
export function matchFeatures(a: Prepared, b: Prepared, idf: IdfTable): number[] {
  const x = a.bags;
  const y = b.bags;
  const [u1, u2] = pr(x.words, y.words);
  const [c1, c2] = pr(x.content, y.content);
  const [b1, b2] = pr(x.bigrams, y.bigrams);
  const [t1, t2] = pr(x.trigrams, y.trigrams);
  const [q1, q2] = pr(x.quadgrams, y.quadgrams);
  const [h1, h2] = pr(x.char3, y.char3);
  const [k1, k2] = pr(x.char4, y.char4);
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
  const [p1, p2] = pr(x.caps, y.caps);
  const capsUnmatched = a.caps.length + b.caps.length - 2 * sortedOverlapCount(x.caps, y.caps);

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

/**
 * Whether `matchFeatures(a, b)` equals `matchFeatures(b, a)`: a figure of one side counts as conflicting
 * only when the other side gives no equal figure, so the number conflict alone may differ by order.
 */
export function featuresSymmetric(a: Prepared, b: Prepared): boolean {
  return numberConflict(a.quantities, b.quantities) === numberConflict(b.quantities, a.quantities);
}

function numberConflict(qa: Quantity[], qb: Quantity[]): number {
  const eq = (x: Quantity, y: Quantity) => Math.abs(x.value - y.value) <= 1e-9 * Math.max(1, x.value);
  for (const x of qa)
    for (const y of qb) if (sameScale(x, y) && !compatible(x, y) && !qb.some((z) => eq(x, z))) return 1;
  return 0;
}

function numberAgreement(qa: Quantity[], qb: Quantity[]): { allMatch: number; conflict: number; f1: number } {
  if (!qa.length && !qb.length) return { allMatch: 1, conflict: 0, f1: 1 };
  if (!qa.length || !qb.length) return { allMatch: 0, conflict: 0, f1: 0 };
  const eq = (x: Quantity, y: Quantity) => Math.abs(x.value - y.value) <= 1e-9 * Math.max(1, x.value);
  const ma = qa.filter((x) => qb.some((y) => eq(x, y))).length;
  const mb = qb.filter((y) => qa.some((x) => eq(x, y))).length;
  return {
    allMatch: ma === qa.length && mb === qb.length ? 1 : 0,
    conflict: numberConflict(qa, qb),
    f1: f1(ma / qa.length, mb / qb.length),
  };
}
