/**
 * Text primitives for the matcher and the stance model. They are frozen here (not shared with
 * src/nlp) on purpose: trained weights depend on exactly how words are split and stemmed, so a
 * change elsewhere must not silently shift the features the models were trained on.
 */
import porter2 from 'wink-porter2-stemmer';

const STOPWORD_LIST =
  'a an the and or but if then than that this these those there their theirs they them he she it its his her hers him ' +
  'we us our ours you your yours i me my mine of to in on at by for from with as is are was were be been being am has ' +
  'have had having do does did doing so such too very can could would should will shall may might must also just ' +
  'into over under about after before between through during up down out off again further once here when where why ' +
  'how all any both each few more most other some own same what which who whom whose s t who’s it’s that’s ' +
  "it's that's what's there's he's she's 's said says say told tell";

const STOPWORDS = new Set(STOPWORD_LIST.split(' '));

/** Negation words: kept out of the stopword list because they flip a statement. */
export const NEGATIONS = new Set([
  'not',
  'no',
  'never',
  'none',
  'nobody',
  'nothing',
  'neither',
  'nor',
  'without',
  "n't",
  'cannot',
  "can't",
  "don't",
  "doesn't",
  "didn't",
  "isn't",
  "aren't",
  "wasn't",
  "weren't",
  "won't",
  "couldn't",
  "wouldn't",
  "shouldn't",
  "hasn't",
  "haven't",
  "hadn't",
]);

/** True for function words that carry no topic. */
export function isStopword(word: string): boolean {
  return STOPWORDS.has(word);
}

/**
 * Sentences whose tokens and content stems are remembered: judging two articles asks for the same
 * sentence's words once per pair of sentences (negations, counted words, scopes). Longer texts (a
 * whole article for its vector) are read once and not kept.
 */
const REMEMBERED_LENGTH = 600;
const REMEMBERED = 20_000;
const tokensByText = new Map<string, readonly string[]>();
const stemsByText = new Map<string, readonly string[]>();

function remembered(
  cache: Map<string, readonly string[]>,
  text: string,
  make: (text: string) => readonly string[],
): readonly string[] {
  if (text.length > REMEMBERED_LENGTH) return make(text);
  let found = cache.get(text);
  if (!found) {
    // Frozen: a caller that modified a shared list would change every later reading of the sentence.
    found = Object.freeze(make(text));
    if (cache.size >= REMEMBERED) cache.clear();
    cache.set(text, found);
  }
  return found;
}

/** Lower-cased word and number tokens; curly apostrophes become straight ones. Shared: do not modify. */
export function tokens(text: string): readonly string[] {
  return remembered(tokensByText, text, readTokens);
}

function readTokens(text: string): readonly string[] {
  return (
    text
      .toLowerCase()
      .replace(/[’‘]/g, "'")
      .match(/[\p{L}\p{N}]+(?:['.,-][\p{L}\p{N}]+)*/gu) ?? []
  );
}

const stems = new Map<string, string>();
const STEM_CACHE = 100_000;

/**
 * The Porter2 (Snowball English) stem of a lower-cased word, with one addition of ours: a place and its
 * demonym meet ("russia"/"russian", "korea"/"korean", "ukraine"/"ukrainian"), which Porter2 keeps apart
 * and which news reports use interchangeably. Cached: the same words recur in every sentence pair.
 */
export function stem(word: string): string {
  const cached = stems.get(word);
  if (cached !== undefined) return cached;
  let s: string;
  const w = word.replace(/['’]s$/, '').replace(/['’]$/, '');
  if (w.length <= 3 || /\d/.test(w)) s = w;
  else if (w.length >= 6 && /(?:ian|ean)s?$/.test(w)) s = porter2(w.replace(/s$/, '').slice(0, -3));
  else if (w.length >= 5 && /(?:ia|ea)$/.test(w)) s = porter2(w.slice(0, -2));
  else s = porter2(w);
  if (stems.size >= STEM_CACHE) stems.clear();
  stems.set(word, s);
  return s;
}

/** Stemmed content words in order (stopwords and negations dropped). Shared: do not modify. */
export function contentStems(text: string): readonly string[] {
  return remembered(stemsByText, text, readContentStems);
}

function readContentStems(text: string): readonly string[] {
  const out: string[] = [];
  for (const t of tokens(text)) if (!STOPWORDS.has(t) && !NEGATIONS.has(t)) out.push(stem(t));
  return out;
}

/** Word n-grams joined by a space. */
export function ngrams(words: readonly string[], n: number): string[] {
  const out: string[] = [];
  for (let i = 0; i + n <= words.length; i++) out.push(words.slice(i, i + n).join(' '));
  return out;
}

/** Character n-grams of the lower-cased text with runs of space collapsed. */
export function charNgrams(text: string, n: number): string[] {
  const s = ` ${text.toLowerCase().replace(/\s+/g, ' ').trim()} `;
  const out: string[] = [];
  for (let i = 0; i + n <= s.length; i++) out.push(s.slice(i, i + n));
  return out;
}

/**
 * Capitalised word runs not at the very start of the text: a cheap stand-in for named entities
 * that works whatever the claim analyser returns.
 */
export function capitalisedRuns(text: string): string[] {
  const out: string[] = [];
  const re = /(?:[A-Z][\p{L}'’.-]*\s?){1,4}/gu;
  for (const m of text.matchAll(re)) {
    const run = m[0]
      .trim()
      .replace(/['’]s$/, '')
      .replace(/[.'’-]+$/, '');
    if (!run || run.length < 2) continue;
    const words = run.split(/\s+/);
    // A lone capitalised word at the start of a sentence (or after a quote) is usually just a sentence start.
    if (words.length === 1 && /^[\s"“‘'(]*$/.test(text.slice(0, m.index))) continue;
    out.push(run.toLowerCase().replace(/[’]/g, "'"));
  }
  return out;
}

/**
 * Multiset overlap size of two token lists, both sorted in code-unit order (`Array.prototype.sort`):
 * one merge and no allocation. The paraphrase features take it for every pair a
 * story's articles align, so each sentence's lists are sorted once (`Prepared.bags`).
 */
export function sortedOverlapCount(a: readonly string[], b: readonly string[]): number {
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    const x = a[i];
    const y = b[j];
    if (x === y) {
      n++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return n;
}

/** Length of the longest common subsequence of two token lists. */
export function lcsLength(a: readonly string[], b: readonly string[]): number {
  if (!a.length || !b.length) return 0;
  let prev = new Uint16Array(b.length + 1);
  let cur = new Uint16Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      cur[j] = a[i - 1] === b[j - 1] ? prev[j - 1] + 1 : Math.max(prev[j], cur[j - 1]);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[b.length];
}

/** Token-level edit distance (insert, delete, substitute). */
export function editDistance(a: readonly string[], b: readonly string[]): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length];
}

/**
 * Simple sentence splitter for long bodies (training data and CLI), not for page text. Kept beside
 * wink's splitter (src/nlp/parse.ts, which cuts every page's sentences) on purpose: the stance model's
 * body features (`prepareBody` for FNC-1 bodies) and the match model's word rarities (train-match's IDF
 * over FNC-1 bodies) were trained on the sentences this splitter cuts, so cutting them another way
 * would change both models' inputs and call for retraining and new evals; and wink tags parts of speech
 * as it splits, work that tens of thousands of training bodies would pay for without using it.
 */
export function roughSentences(text: string): string[] {
  return text
    .split(/(?<=[.!?]["”’')\]]*)\s+(?=["“‘(]?[\p{Lu}\d])|\n+/u)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/**
 * A few common news synonyms folded onto one concept ("soldiers", "troops", "infantrymen",
 * "forces"; "combat", "fight", "battle"), so that a denial in one outlet's words reaches a
 * claim in another's. Generic vocabulary, not tied to any story. A hand list rather than a thesaurus
 * library: WordNet and its packages weigh tens of megabytes, which the service worker would load to
 * fold ten groups of words, and a thesaurus's looser synonyms ("fight" ~ "quarrel", "strike" ~
 * "walkout") would link sentences about different events.
 */
const CONCEPT_CLASSES = [
  'troop soldier infantrymen infantryman force personnel servicemen serviceman recruit fighter',
  'fight combat battle',
  'kill slay',
  'die dead death',
  'buy purchase acquire',
  'rise increase grow climb jump soar',
  'fall decrease drop decline plunge slump',
  'begin start launch',
  'arrest detain',
  'attack strike assault',
  'quake earthquake',
];
const CONCEPTS = new Map<string, string>();
for (const line of CONCEPT_CLASSES) {
  const words = line.split(' ').map(stem);
  for (const w of words) CONCEPTS.set(w, words[0]);
}

/** The concept of a content stem (the stem itself when it has no listed synonyms). */
export function concept(s: string): string {
  return CONCEPTS.get(s) ?? s;
}
