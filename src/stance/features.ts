/**
 * Features of a headline (a claim) against a body (an article, or the best-matching sentences of
 * one): TF-IDF cosines over the whole body, its lead and its best sentences, n-gram and name
 * coverage, refuting, hedging and affirming cues near the matching sentences, and polarity. These
 * are the signals the FNC-1 baseline and the top teams combined.
 */
import { type IdfTable, idfOf, type Prepared, prepare } from '../match/features.ts';
import { paraphraseProbability } from '../match/model.ts';
import { quantitiesOf } from '../match/numbers.ts';
import { capitalisedRuns, contentStems, ngrams, roughSentences, stem } from '../match/text.ts';
import { CANNOT_CONFIRM, type CueCounts, cueCounts, STRONG_REFUTATION } from './cues.ts';

interface SentenceRep {
  text: string;
  stems: readonly string[];
  vec: Map<string, number>;
  norm: number;
  cues: CueCounts;
  strongRefute: boolean;
  cannotConfirm: boolean;
}

/** A body prepared once and reused against many headlines. */
export interface BodyRep {
  sentences: SentenceRep[];
  vec: Map<string, number>;
  norm: number;
  leadVec: Map<string, number>;
  leadNorm: number;
  stemSet: Set<string>;
  leadSet: Set<string>;
  bigrams: Set<string>;
  trigrams: Set<string>;
  caps: Set<string>;
  numbers: Set<number>;
  cues: CueCounts;
  words: number;
}

function tfidf(stems: readonly string[], idf: IdfTable): { vec: Map<string, number>; norm: number } {
  const tf = new Map<string, number>();
  for (const s of stems) tf.set(s, (tf.get(s) ?? 0) + 1);
  let norm = 0;
  for (const [s, c] of tf) {
    const w = (1 + Math.log(c)) * idfOf(idf, s);
    tf.set(s, w);
    norm += w * w;
  }
  return { vec: tf, norm: Math.sqrt(norm) };
}

function cosine(a: Map<string, number>, an: number, b: Map<string, number>, bn: number): number {
  if (!an || !bn) return 0;
  let dot = 0;
  const [small, big] = a.size < b.size ? [a, b] : [b, a];
  for (const [s, w] of small) {
    const v = big.get(s);
    if (v) dot += w * v;
  }
  return dot / (an * bn);
}

/** Prepares a body given as text (split into sentences) or as sentences already split. */
export function prepareBody(body: string | readonly string[], idf: IdfTable): BodyRep {
  const texts = typeof body === 'string' ? roughSentences(body) : body;
  const sentences: SentenceRep[] = texts.map((text) => {
    const stems = contentStems(text);
    const { vec, norm } = tfidf(stems, idf);
    return {
      text,
      stems,
      vec,
      norm,
      cues: cueCounts(text),
      strongRefute: STRONG_REFUTATION.test(text),
      cannotConfirm: CANNOT_CONFIRM.test(text),
    };
  });
  const all = sentences.flatMap((s) => s.stems);
  const lead = sentences.slice(0, 2).flatMap((s) => s.stems);
  const whole = tfidf(all, idf);
  const leadT = tfidf(lead, idf);
  const joined = texts.join(' ');
  const cues = cueCounts(joined);
  return {
    sentences,
    vec: whole.vec,
    norm: whole.norm,
    leadVec: leadT.vec,
    leadNorm: leadT.norm,
    stemSet: new Set(all),
    leadSet: new Set(lead),
    bigrams: new Set(sentences.flatMap((s) => ngrams(s.stems, 2))),
    trigrams: new Set(sentences.flatMap((s) => ngrams(s.stems, 3))),
    caps: new Set(texts.flatMap((t) => capitalisedRuns(t).flatMap((r) => r.split(/\s+/).map(stem)))),
    numbers: new Set(texts.flatMap((t) => quantitiesOf(t).map((q) => q.value))),
    cues,
    words: all.length,
  };
}

export const STANCE_FEATURES = [
  'cos_body',
  'cos_lead',
  'cos_max',
  'cos_second',
  'cos_top3',
  'cover',
  'cover_idf',
  'cover_bigram',
  'cover_trigram',
  'cover_lead',
  'cover_caps',
  'cover_numbers',
  'head_len',
  'body_len_log',
  'head_refute',
  'body_refute',
  'top_refute',
  'top_strong_refute',
  'body_strong_refute',
  'body_hedge',
  'top_hedge',
  'body_affirm',
  'top_affirm',
  'top_cannot_confirm',
  'body_cannot_confirm',
  'head_neg',
  'top_neg',
  'head_question',
  'head_hedge',
  'best_paraphrase',
  'lead_refute',
] as const;

/** The feature vector (order of STANCE_FEATURES) of a headline against a prepared body. */
export function stanceFeatures(headline: string, body: BodyRep, idf: IdfTable, head?: Prepared): number[] {
  const hStems = contentStems(headline);
  const hSet = new Set(hStems);
  const h = tfidf(hStems, idf);
  const sims = body.sentences.map((s, i) => ({ i, c: cosine(h.vec, h.norm, s.vec, s.norm) }));
  sims.sort((a, b) => b.c - a.c || a.i - b.i);
  const top = sims.slice(0, 3).map((x) => body.sentences[x.i]);
  let covered = 0;
  let coveredIdf = 0;
  let totalIdf = 0;
  let coveredLead = 0;
  for (const s of hSet) {
    const w = idfOf(idf, s);
    totalIdf += w;
    if (body.stemSet.has(s)) {
      covered++;
      coveredIdf += w;
    }
    if (body.leadSet.has(s)) coveredLead++;
  }
  const hBi = ngrams(hStems, 2);
  const hTri = ngrams(hStems, 3);
  const hCaps = [...new Set(capitalisedRuns(headline).flatMap((r) => r.split(/\s+/).map(stem)))];
  const hNums = quantitiesOf(headline).map((q) => q.value);
  const hCues = cueCounts(headline);
  const nSent = Math.max(1, body.sentences.length);
  const sum = (f: (s: SentenceRep) => number) => top.reduce((a, s) => a + f(s), 0);
  const best = top[0];
  const bestParaphrase = best ? paraphraseProbability(head ?? prepare(headline), prepare(best.text)) : 0;
  const frac = (n: number, d: number) => (d ? n / d : 0);
  return [
    cosine(h.vec, h.norm, body.vec, body.norm),
    cosine(h.vec, h.norm, body.leadVec, body.leadNorm),
    sims[0]?.c ?? 0,
    sims[1]?.c ?? 0,
    sims.slice(0, 3).reduce((a, x) => a + x.c, 0) / Math.min(3, Math.max(1, sims.length)),
    frac(covered, hSet.size),
    frac(coveredIdf, totalIdf),
    frac(hBi.filter((b) => body.bigrams.has(b)).length, hBi.length),
    frac(hTri.filter((b) => body.trigrams.has(b)).length, hTri.length),
    frac(coveredLead, hSet.size),
    hCaps.length ? frac(hCaps.filter((c) => body.caps.has(c)).length, hCaps.length) : -1,
    hNums.length ? frac(hNums.filter((v) => body.numbers.has(v)).length, hNums.length) : -1,
    hStems.length,
    Math.log(1 + body.words),
    hCues.refuting,
    body.cues.refuting / nSent,
    sum((s) => s.cues.refuting),
    sum((s) => (s.strongRefute ? 1 : 0)),
    body.sentences.filter((s) => s.strongRefute).length / nSent,
    body.cues.hedging / nSent,
    sum((s) => s.cues.hedging),
    body.cues.affirming / nSent,
    sum((s) => s.cues.affirming),
    sum((s) => (s.cannotConfirm ? 1 : 0)),
    body.sentences.filter((s) => s.cannotConfirm).length / nSent,
    hCues.negations,
    sum((s) => s.cues.negations),
    headline.includes('?') ? 1 : 0,
    hCues.hedging,
    bestParaphrase,
    body.sentences.slice(0, 2).reduce((a, s) => a + s.cues.refuting, 0),
  ];
}
