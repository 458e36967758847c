/**
 * The check-worthiness model's input: one set of binary feature keys per sentence, computed the same
 * way at training time (scripts/train-claims.ts, in Node) and in the service worker, so the committed
 * weights mean the same thing in both places.
 *
 * The keys are produced by one walk over the sentence (`walkFeatures`). Training and evaluation read
 * them as strings (`sentenceFeatures`); scoring an article sums their weights straight from a compiled
 * form of the model (`sentenceLogit`) without building a single key string, which is most of the cost
 * of scoring. Both go through the same walk, in the same order, so the sums are bit-for-bit equal.
 */

import type { Attribution, DateMention, EntityMention, NumberMention } from '../model/sentence.ts';
import { codePointLength, letterOrDigitAt } from '../nlp/chars.ts';
import type { Token } from '../nlp/parse.ts';
import { type ClaimModel, defaultModel } from './model.ts';

export interface SentenceFacts {
  attribution: Attribution | null;
  numbers: NumberMention[];
  dates: DateMention[];
  entities: EntityMention[];
  hedges: string[];
}

/**
 * The words of the features are the matches of this expression, numbers (anything with a digit)
 * folded to "<num>" and ’ written as '. `scanWords` finds the same matches without the regex.
 */
export const WORD_RE = /[\p{L}\p{N}]+(?:['’.,-][\p{L}\p{N}]+)*|[%$€£?!]/gu;
const CURLY_APOSTROPHE = /’/g;

/**
 * Hands the words of `s` (matches of WORD_RE) to the sink as ranges of `s` and returns how many there
 * were. A hand-written scan because the Unicode regex was the largest single cost of scoring. Exported
 * so that the character n-grams (chars.ts) read the same words.
 */
export function scanWords(s: string, sink: Pick<FeatureSink, 'word'>): number {
  let count = 0;
  let i = 0;
  while (i < s.length) {
    let len = letterOrDigitAt(s, i);
    if (len === 0) {
      const code = s.charCodeAt(i);
      // % $ ? ! € £ are words of their own.
      if (code === 37 || code === 36 || code === 63 || code === 33 || code === 0x20ac || code === 0xa3) {
        sink.word(s, i, i + 1, false);
        count++;
      }
      // A failed match moves on by one code point, as a Unicode regex does.
      i += codePointLength(s, i);
      continue;
    }
    const start = i;
    let digit = false;
    for (;;) {
      // A run of letters and digits.
      do {
        const c = s.charCodeAt(i);
        if (c >= 48 && c <= 57) digit = true;
        i += len;
        len = letterOrDigitAt(s, i);
      } while (len > 0);
      // Joined to the next run by one apostrophe, period, comma or hyphen.
      const c = s.charCodeAt(i);
      if (c !== 39 && c !== 0x2019 && c !== 46 && c !== 44 && c !== 45) break;
      len = letterOrDigitAt(s, i + 1);
      if (len === 0) break;
      i++;
    }
    sink.word(s, start, i, digit);
    count++;
  }
  return count;
}

const PRONOUN_SOURCE = /^(?:he|she|they|we|i)$/i;
const CURRENCY = /^[$€£¥]$/;
const QUESTION_END = /\?\s*["”’]?$/;
const FINAL_PUNCT = /[.!?:"”’)]\s*$/;

/**
 * Receives a sentence's features in key order. Each word stands for its own key and the pair key it
 * makes with the word before it ("<s>" before the first); `endWords` stands for the pair of the last
 * word and "</s>". A word is the range `start`..`end` of the lower-cased sentence `s`, read with ’
 * as ', or "<num>" when it has a digit. `other` gets every key that is not about words or tags.
 */
interface FeatureSink {
  word(s: string, start: number, end: number, number: boolean): void;
  endWords(): void;
  pos(tag: string): void;
  posPair(prevTag: string, tag: string): void;
  other(key: string): void;
}

/**
 * The one definition of the features: words (numbers folded to `<num>`), word bigrams, POS tags and
 * tag bigrams, length bucket and the linguistic facts, in a fixed order.
 */
function walkFeatures(text: string, tokens: readonly Token[], facts: SentenceFacts, sink: FeatureSink): void {
  const n = scanWords(text.toLowerCase(), sink);
  sink.endWords();
  let prevTag = '<s>';
  for (const t of tokens) {
    if (t.pos === 'SPACE') continue;
    sink.pos(t.pos);
    sink.posPair(prevTag, t.pos);
    prevTag = t.pos;
  }
  sink.other(n < 5 ? 'len:xs' : n < 10 ? 'len:s' : n < 20 ? 'len:m' : n < 35 ? 'len:l' : 'len:xl');
  const numbers = facts.numbers;
  if (numbers.length) sink.other('f:number');
  if (numbers.length > 1) sink.other('f:numbers2');
  if (numbers.some((x) => x.unit && x.unit !== 'fraction')) sink.other('f:number-unit');
  if (numbers.some((x) => x.unit === '%')) sink.other('f:percent');
  if (numbers.some((x) => x.unit && CURRENCY.test(x.unit))) sink.other('f:money');
  if (numbers.some((x) => x.qualifier !== 'exact')) sink.other('f:number-qualified');
  if (facts.dates.length) sink.other('f:date');
  if (facts.attribution) {
    sink.other('f:attribution');
    sink.other(PRONOUN_SOURCE.test(facts.attribution.source) ? 'f:attr-pronoun' : 'f:attr-named');
    if (facts.attribution.verb === 'according to') sink.other('f:according-to');
  }
  for (const e of facts.entities) sink.other(`e:${e.type}`);
  if (facts.entities.length > 2) sink.other('f:entities3');
  if (facts.hedges.length) sink.other('f:hedge');
  if (QUESTION_END.test(text)) sink.other('f:question');
  if (!FINAL_PUNCT.test(text)) sink.other('f:no-final-punct');
}

/** Collects the keys as strings, first occurrence first. */
class KeySink implements FeatureSink {
  readonly keys = new Set<string>();
  private prev = '<s>';
  word(s: string, start: number, end: number, number: boolean): void {
    const w = number ? '<num>' : s.slice(start, end).replace(CURLY_APOSTROPHE, "'");
    this.keys.add(`w:${w}`);
    this.keys.add(`b:${this.prev} ${w}`);
    this.prev = w;
  }
  endWords(): void {
    this.keys.add(`b:${this.prev} </s>`);
  }
  pos(tag: string): void {
    this.keys.add(`p:${tag}`);
  }
  posPair(prevTag: string, tag: string): void {
    this.keys.add(`pp:${prevTag}_${tag}`);
  }
  other(key: string): void {
    this.keys.add(key);
  }
}

/** Word, part-of-speech and linguistic feature keys of a sentence (no duplicates). */
export function sentenceFeatures(text: string, tokens: readonly Token[], facts: SentenceFacts): string[] {
  const sink = new KeySink();
  walkFeatures(text, tokens, facts, sink);
  return [...sink.keys];
}

/**
 * A model's weights laid out for scoring without building key strings, and compactly, because
 * scoring runs between wink-nlp passes that push everything else out of the processor's caches.
 * Every word of a word or pair key gets a number and a slot in an open-addressing table (found by a
 * hash of the word's UTF-16 units, checked against the word's units in `pool`); pair keys are listed
 * by first word, sorted by second. Each key has an id, so a key seen twice in a sentence counts once,
 * as in the key set.
 */
interface CompiledModel {
  weights: Float64Array;
  /** Per key id, the stamp of the last sentence that counted it (stamps cycle through 1..255). */
  stamps: Uint8Array;
  stamp: number;
  /** 4 int32 per slot: hash, word number + 1 (0: empty slot), id of the word's own key or -1, offset in `pool`. */
  slots: Int32Array;
  mask: number;
  /** The words' UTF-16 units, each word followed by 0xffff (never part of a word of the text). */
  pool: Uint16Array;
  /** Pairs with first word a: `pairs[2k]` second word and `pairs[2k + 1]` key id, k from pairStart[a] to pairStart[a + 1]. */
  pairStart: Int32Array;
  pairs: Int32Array;
  /** Slots of "<num>" and word numbers of "<s>" and "</s>" (-1 when no key has them). */
  numSlot: number;
  start: number;
  end: number;
  tags: Map<string, number>;
  tagPairs: Map<string, Map<string, number>>;
  others: Map<string, number>;
}

const compiledModels = new WeakMap<ClaimModel, CompiledModel>();

/** FNV-1a over UTF-16 units, the ’ of the text read as '. */
function hashRange(s: string, start: number, end: number): number {
  let h = 0x811c9dc5 | 0;
  for (let k = start; k < end; k++) {
    const c = s.charCodeAt(k);
    h = Math.imul(h ^ (c === 0x2019 ? 39 : c), 0x01000193);
  }
  return h;
}

/** The slot (index into `slots`) of word `s[start..end)`, or -1. */
function findSlot(m: CompiledModel, s: string, start: number, end: number): number {
  const h = hashRange(s, start, end);
  const { slots, pool, mask } = m;
  for (let j = h & mask; ; j = (j + 1) & mask) {
    const at = j << 2;
    if (slots[at + 1] === 0) return -1;
    if (slots[at] !== h) continue;
    let p = slots[at + 3];
    let k = start;
    for (; k < end; k++, p++) {
      const c = s.charCodeAt(k);
      if (pool[p] !== (c === 0x2019 ? 39 : c)) break;
    }
    if (k === end && pool[p] === 0xffff) return at;
  }
}

function compile(model: ClaimModel): CompiledModel {
  const cached = compiledModels.get(model);
  if (cached) return cached;
  const entries = Object.entries(model.weights);
  const vocab = new Map<string, number>();
  const number = (w: string): number => {
    let n = vocab.get(w);
    if (n === undefined) {
      n = vocab.size;
      vocab.set(w, n);
    }
    return n;
  };
  const own = new Map<number, number>();
  const pairList: [number, number, number][] = [];
  const tags = new Map<string, number>();
  const tagPairs = new Map<string, Map<string, number>>();
  const others = new Map<string, number>();
  entries.forEach(([key], id) => {
    // Words and tags never contain a space or an underscore, so the first one splits a pair key.
    const space = key.indexOf(' ');
    const underscore = key.indexOf('_');
    if (key.startsWith('w:')) own.set(number(key.slice(2)), id);
    else if (key.startsWith('b:') && space > 0)
      pairList.push([number(key.slice(2, space)), number(key.slice(space + 1)), id]);
    else if (key.startsWith('p:')) tags.set(key.slice(2), id);
    else if (key.startsWith('pp:') && underscore > 0) {
      const first = key.slice(3, underscore);
      let inner = tagPairs.get(first);
      if (!inner) {
        inner = new Map();
        tagPairs.set(first, inner);
      }
      inner.set(key.slice(underscore + 1), id);
    } else others.set(key, id);
  });
  let size = 16;
  while (size < vocab.size * 2) size *= 2;
  const slots = new Int32Array(size * 4);
  let poolLength = 0;
  for (const w of vocab.keys()) poolLength += w.length + 1;
  const pool = new Uint16Array(poolLength);
  let offset = 0;
  const slotOf = new Map<number, number>();
  for (const [w, n] of vocab) {
    const h = hashRange(w, 0, w.length);
    let j = h & (size - 1);
    while (slots[(j << 2) + 1] !== 0) j = (j + 1) & (size - 1);
    const at = j << 2;
    slots[at] = h;
    slots[at + 1] = n + 1;
    slots[at + 2] = own.get(n) ?? -1;
    slots[at + 3] = offset;
    slotOf.set(n, at);
    for (let k = 0; k < w.length; k++) pool[offset++] = w.charCodeAt(k);
    pool[offset++] = 0xffff;
  }
  pairList.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  const pairStart = new Int32Array(vocab.size + 1);
  const pairs = new Int32Array(pairList.length * 2);
  pairList.forEach(([a, b, id], k) => {
    pairStart[a + 1]++;
    pairs[2 * k] = b;
    pairs[2 * k + 1] = id;
  });
  for (let a = 0; a < vocab.size; a++) pairStart[a + 1] += pairStart[a];
  const numbered = (w: string) => vocab.get(w) ?? -1;
  const compiled: CompiledModel = {
    weights: Float64Array.from(entries, ([, w]) => w),
    stamps: new Uint8Array(entries.length),
    stamp: 0,
    slots,
    mask: size - 1,
    pool,
    pairStart,
    pairs,
    numSlot: slotOf.get(numbered('<num>')) ?? -1,
    start: numbered('<s>'),
    end: numbered('</s>'),
    tags,
    tagPairs,
    others,
  };
  compiledModels.set(model, compiled);
  return compiled;
}

/** Adds the weight of each key of the model once, in the order the walk meets them. */
class LogitSink implements FeatureSink {
  z = 0;
  private readonly stamp: number;
  /** Word number of the previous word (-1 when no key of the model has it). */
  private prev: number;
  constructor(
    private readonly m: CompiledModel,
    private readonly words?: WordListener,
  ) {
    m.stamp = (m.stamp + 1) & 0xff;
    if (m.stamp === 0) {
      m.stamps.fill(0);
      m.stamp = 1;
    }
    this.stamp = m.stamp;
    this.prev = m.start;
  }
  private add(id: number): void {
    if (id < 0 || this.m.stamps[id] === this.stamp) return;
    this.m.stamps[id] = this.stamp;
    this.z += this.m.weights[id];
  }
  word(s: string, start: number, end: number, number: boolean): void {
    this.words?.word(s, start, end, number);
    const at = number ? this.m.numSlot : findSlot(this.m, s, start, end);
    if (at < 0) {
      this.prev = -1;
      return;
    }
    this.add(this.m.slots[at + 2]);
    this.pair(this.m.slots[at + 1] - 1);
  }
  endWords(): void {
    this.pair(this.m.end);
  }
  /** Counts the key of the previous word and word `n`, then makes `n` the previous word. */
  private pair(n: number): void {
    const a = this.prev;
    this.prev = n;
    if (a < 0 || n < 0) return;
    const pairs = this.m.pairs;
    let lo = this.m.pairStart[a];
    let hi = this.m.pairStart[a + 1] - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const b = pairs[2 * mid];
      if (b === n) {
        this.add(pairs[2 * mid + 1]);
        return;
      }
      if (b < n) lo = mid + 1;
      else hi = mid - 1;
    }
  }
  pos(tag: string): void {
    this.add(this.m.tags.get(tag) ?? -1);
  }
  posPair(prevTag: string, tag: string): void {
    this.add(this.m.tagPairs.get(prevTag)?.get(tag) ?? -1);
  }
  other(key: string): void {
    this.add(this.m.others.get(key) ?? -1);
  }
}

/** Also hears each word of the walk (the character n-grams read the same words, chars.ts). */
export type WordListener = Pick<FeatureSink, 'word'>;

/**
 * Raw log-odds of check-worthiness of a sentence: exactly `textLogit(sentenceFeatures(...), model)`
 * (same keys, same order of addition, so the same floating-point result), several times faster
 * because no key strings are built or hashed. Keys the model does not know add nothing in both.
 * `words`, when given, hears every word of the sentence as the walk reads it.
 */
export function sentenceLogit(
  text: string,
  tokens: readonly Token[],
  facts: SentenceFacts,
  model: ClaimModel = defaultModel,
  words?: WordListener,
): number {
  const sink = new LogitSink(compile(model), words);
  sink.z = model.bias;
  walkFeatures(text, tokens, facts, sink);
  return sink.z;
}
