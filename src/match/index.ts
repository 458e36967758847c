/**
 * Finding the same fact in other outlets' sentences: discriminative index keys for retrieval
 * (names, numbers, rare content words and pairs of them), and a similarity that blends the
 * MSRP-trained paraphrase model with claim-level evidence (shared names, compatible numbers,
 * coverage of the claim's rare words, same attributed source).
 */
import type { SentenceAnalysis } from '../model/sentence.ts';
import { dayKey } from '../nlp/dates.ts';
import { idfOf, idfOverlap, type Prepared, prepare } from './features.ts';
import { IDF, type ParaphraseMemo, paraphraseProbability } from './model.ts';
import { inCelsius, numberKey } from './numbers.ts';
import { capitalisedRuns, stem } from './text.ts';

/** At most this many single keys per stored sentence. */
const MAX_SINGLE_KEYS = 12;
/** Pair keys built from this many of the rarest names and numbers. */
const PAIR_SOURCES = 3;
/** Names this common (idf below the floor) never become keys: their posting lists would be long. */
const MIN_NAME_IDF = 3.5;
/** Content words need to be rarer still. */
const MIN_WORD_IDF = 4.5;

const CALENDAR = new Set(
  'jan feb mar apr may jun jul aug sep sept oct nov dec january february march april june july august september october november december monday tuesday wednesday thursday friday saturday sunday'
    .split(' ')
    .map(stem),
);

/** Prepared sentences by text, most recently used last; bounded so a long session cannot grow it forever. */
const prepared = new Map<string, Prepared>();
const PREPARED_CACHE = 20_000;

/**
 * The prepared form of a sentence, cached by its text: a stored sentence is fetched anew for every
 * article it is compared with, and preparing it again each time cost more than comparing.
 */
export function preparedOf(sentence: SentenceAnalysis): Prepared {
  let p = prepared.get(sentence.text);
  if (p) {
    prepared.delete(sentence.text);
  } else {
    p = prepare(sentence.text);
    if (prepared.size >= PREPARED_CACHE) prepared.delete(prepared.keys().next().value as string);
  }
  prepared.set(sentence.text, p);
  return p;
}

interface Key {
  key: string;
  weight: number;
  pairable: boolean;
}

function keysOf(sentence: SentenceAnalysis): Key[] {
  const p = preparedOf(sentence);
  const keys = new Map<string, Key>();
  const add = (key: string, weight: number, pairable: boolean) => {
    const cur = keys.get(key);
    if (!cur || cur.weight < weight) keys.set(key, { key, weight, pairable: pairable || !!cur?.pairable });
  };
  // Numbers that are quantities (not dates), rounded to two significant figures so "11,000" and
  // "11000" meet; small counts are too common to be keys.
  for (const q of p.quantities) if (q.value >= 20 && q.unit !== 'fraction') add(numberKey(q.value), 20, true);
  // Names: the analyser's entities when it has them, else capitalised words.
  const names = new Set<string>();
  for (const e of sentence.entities ?? [])
    for (const w of e.text.split(/\s+/)) names.add(stem(w.toLowerCase()));
  for (const r of capitalisedRuns(sentence.text)) for (const w of r.split(/\s+/)) names.add(stem(w));
  for (const n of names) {
    if (n.length < 3 || CALENDAR.has(n) || /\d/.test(n)) continue;
    const idf = idfOf(IDF, n);
    if (idf >= MIN_NAME_IDF) add(n, idf + 4, true);
  }
  // Rare content words.
  for (const s of p.contentSet) {
    if (s.length < 3 || /\d/.test(s) || CALENDAR.has(s)) continue;
    const idf = idfOf(IDF, s);
    if (idf >= MIN_WORD_IDF) add(s, idf, false);
  }
  return [...keys.values()].sort((a, b) => b.weight - a.weight || (a.key < b.key ? -1 : 1));
}

/**
 * Keys under which a sentence is stored in the multi-entry retrieval index: its rarest names,
 * numbers and content words (at most ten) plus pair keys of its three rarest names and numbers,
 * so that a posting list only holds sentences that share something specific.
 */
export function indexTerms(sentence: SentenceAnalysis): string[] {
  const cached = termsCache.get(sentence.text);
  if (cached) return [...cached];
  const keys = keysOf(sentence).slice(0, MAX_SINGLE_KEYS);
  const out = keys.map((k) => k.key);
  const pairable = keys
    .filter((k) => k.pairable)
    .slice(0, PAIR_SOURCES)
    .map((k) => k.key)
    .sort();
  for (let i = 0; i < pairable.length; i++)
    for (let j = i + 1; j < pairable.length; j++) out.push(`${pairable[i]}&${pairable[j]}`);
  if (termsCache.size >= PREPARED_CACHE) termsCache.clear();
  termsCache.set(sentence.text, out);
  return out;
}

/** Index terms by sentence text: storing a sentence and querying with it need the same keys. */
const termsCache = new Map<string, string[]>();

/**
 * Keys to look a sentence up with: the same design as `indexTerms` but only the `limit` rarest
 * single keys plus the pair keys. The pipeline should call
 * `db.sentences.where('terms').anyOf(queryTerms(s)).primaryKeys()` and rank candidates by how many
 * keys they share (pair keys count as extra evidence). Sentences with no keys need no query.
 */
export function queryTerms(sentence: SentenceAnalysis, limit = 10): string[] {
  const all = indexTerms(sentence);
  const singles = all.filter((t) => !t.includes('&')).slice(0, limit);
  const pairs = all.filter((t) => t.includes('&'));
  return [...singles, ...pairs];
}

/** Evidence beyond the paraphrase model that two sentences report the same fact. */
export interface MatchEvidence {
  /** MSRP paraphrase probability. */
  paraphrase: number;
  /** IDF-weighted cosine of content words. */
  cosine: number;
  /** Share of the rarer sentence's rare-word mass found in the other (the smaller of the two directions). */
  coverMin: number;
  /** The larger of the two directions. */
  coverMax: number;
  /** Shared names (stems of capitalised words). */
  sharedNames: number;
  /** Same attributed source, when both name one. */
  sameSource: boolean;
  /** Quantities (not dates) of one sentence that the other states with a compatible value. */
  sharedNumbers: number;
  /** Both sentences give quantities but none of them agree. */
  numbersDisjoint: boolean;
  /**
   * Days (a date, or a range of days) both sentences state, resolved to the calendar: "from October 8
   * to 13" and "from Oct. 8-13", "on Saturday" and "Oct. 19" in articles of Oct. 20. As specific a
   * detail two outlets share as a figure.
   */
  sharedDays: number;
}

/**
 * Names and numbers two sentences share: the cheap first test of whether they can be about the same
 * fact at all, run before anything that costs more.
 */
export function sharedAnchors(
  a: SentenceAnalysis,
  b: SentenceAnalysis,
): { sharedNames: number; sharedNumbers: number } {
  const pa = preparedOf(a);
  const pb = preparedOf(b);
  let sharedNames = 0;
  const seen = new Set<string>();
  for (const c of pa.caps) {
    if (!seen.has(c) && !CALENDAR.has(c) && pb.caps.includes(c)) sharedNames++;
    seen.add(c);
  }
  // A speaker the text names only as "he" still counts: the claim analyser resolved who it is.
  if (!sharedNames && sameSpeaker(a, b)) sharedNames = 1;
  let sharedNumbers = 0;
  for (const q of pa.quantities) {
    const x = inCelsius(q);
    if (pb.quantities.some((r) => Math.abs(x.value - inCelsius(r).value) <= 0.07 * x.value)) sharedNumbers++;
  }
  return { sharedNames, sharedNumbers };
}

/** True when both sentences are attributed to the same named person or body (a shared name word). */
export function sameSpeaker(a: SentenceAnalysis, b: SentenceAnalysis): boolean {
  const srcA = a.attribution?.source?.toLowerCase();
  const srcB = b.attribution?.source?.toLowerCase();
  if (!srcA || !srcB) return false;
  const wordsA = srcA.split(/\s+/);
  const wordsB = srcB.split(/\s+/);
  // Two people named in full are one only by their last names: "Dylan Maxwell" is not "Dylan Thomas".
  if (fullName(a.attribution?.source) && fullName(b.attribution?.source))
    return wordsA.at(-1) === wordsB.at(-1);
  return wordsA.some((w) => w.length > 2 && /^[a-z]/.test(w) && wordsB.includes(w));
}

/** A person's first and last name, capitalised, as a speaker is named: "Dylan Maxwell", not "Dylan". */
function fullName(source: string | undefined): boolean {
  return !!source && /^\p{Lu}\p{Ll}+(?:\s+\p{Lu}\.?)*\s+\p{Lu}\p{Ll}+(?:[-'’]\p{Lu}\p{Ll}+)?$/u.test(source);
}

/** Day keys by sentence: a claim is judged against many sentences, its dates read once. */
const dayKeysOf = new WeakMap<SentenceAnalysis, readonly string[]>();

/** The days a sentence names (`dayKey`). */
function dayKeys(s: SentenceAnalysis): readonly string[] {
  let keys = dayKeysOf.get(s);
  if (!keys) {
    keys = (s.dates ?? []).map(dayKey).filter((k): k is string => !!k);
    dayKeysOf.set(s, keys);
  }
  return keys;
}

/** How many of one sentence's days the other states too. */
function sharedDaysOf(a: SentenceAnalysis, b: SentenceAnalysis): number {
  const x = dayKeys(a);
  if (!x.length) return 0;
  const y = new Set(dayKeys(b));
  return x.filter((k) => y.has(k)).length;
}

/**
 * Computes the evidence used by `similarity` and by the stance rules; `memo` keeps the paraphrase
 * model's answers over one comparison of two articles.
 */
export function matchEvidence(
  a: SentenceAnalysis,
  b: SentenceAnalysis,
  memo?: ParaphraseMemo,
): MatchEvidence {
  const pa = preparedOf(a);
  const pb = preparedOf(b);
  const { cos, covA, covB } = idfOverlap(pa.contentSet, pb.contentSet, IDF);
  const { sharedNames, sharedNumbers } = sharedAnchors(a, b);
  const sameSource = sameSpeaker(a, b);
  const qa = pa.quantities;
  const qb = pb.quantities;
  // The paraphrase model is the expensive part: computed only when something reads it.
  let paraphrase: number | undefined;
  return {
    sharedNumbers,
    numbersDisjoint: qa.length > 0 && qb.length > 0 && sharedNumbers === 0,
    sharedDays: sharedDaysOf(a, b),
    get paraphrase() {
      paraphrase ??= memo ? memo.probability(pa, pb) : paraphraseProbability(pa, pb);
      return paraphrase;
    },
    cosine: cos,
    coverMin: Math.min(covA, covB),
    coverMax: Math.max(covA, covB),
    sharedNames,
    sameSource,
  };
}

/**
 * Similarity in 0..1 of two sentences as statements of the same fact. The MSRP model alone
 * under-rates news sentences of very different length that share one fact, so the blend also
 * credits IDF cosine, how much of the shorter sentence's rare content the longer one covers,
 * shared names and a shared source.
 */
export function similarity(a: SentenceAnalysis, b: SentenceAnalysis): number {
  return similarityFrom(matchEvidence(a, b));
}

function lexicalOf(e: MatchEvidence): number {
  const names = Math.min(1, e.sharedNames / 3);
  return (
    0.45 * e.cosine +
    0.35 * e.coverMax +
    0.2 * names +
    (e.sameSource ? 0.1 : 0) +
    (e.sharedNumbers || e.sharedDays ? 0.15 : 0) -
    (e.numbersDisjoint ? 0.1 : 0)
  );
}

/** The similarity blend from precomputed evidence. */
export function similarityFrom(e: MatchEvidence): number {
  return Math.max(0, Math.min(1, Math.max(e.paraphrase, 0.75 * lexicalOf(e) + 0.25 * e.paraphrase)));
}

/**
 * A lower bound of `similarityFrom` that skips the paraphrase model (the costly part): when it already
 * clears a bar, the model cannot change the decision.
 */
export function similarityAtLeast(e: MatchEvidence): number {
  return Math.max(0, Math.min(1, 0.75 * lexicalOf(e)));
}
