/**
 * The check-worthiness model's input: one set of binary feature keys per sentence, computed the same
 * way at training time (scripts/train-claims.ts, in Node) and in the service worker, so the committed
 * weights mean the same thing in both places.
 */
import type { Token } from '../nlp/parse.ts';
import type { Attribution, DateMention, EntityMention, NumberMention } from './types.ts';

export interface SentenceFacts {
  attribution: Attribution | null;
  numbers: NumberMention[];
  dates: DateMention[];
  entities: EntityMention[];
  hedges: string[];
}

const WORD_RE = /[\p{L}\p{N}]+(?:['’.,-][\p{L}\p{N}]+)*|[%$€£?!]/gu;

/** Word, part-of-speech and linguistic feature keys of a sentence (no duplicates). */
export function sentenceFeatures(text: string, tokens: readonly Token[], facts: SentenceFacts): string[] {
  const keys = new Set<string>();
  const words = (text.toLowerCase().match(WORD_RE) ?? []).map((w) =>
    /\d/.test(w) ? '<num>' : w.replace(/’/g, "'"),
  );
  let prev = '<s>';
  for (const w of words) {
    keys.add(`w:${w}`);
    keys.add(`b:${prev} ${w}`);
    prev = w;
  }
  keys.add(`b:${prev} </s>`);
  let prevTag = '<s>';
  for (const t of tokens) {
    if (t.pos === 'SPACE') continue;
    keys.add(`p:${t.pos}`);
    keys.add(`pp:${prevTag}_${t.pos}`);
    prevTag = t.pos;
  }
  const n = words.length;
  keys.add(`len:${n < 5 ? 'xs' : n < 10 ? 's' : n < 20 ? 'm' : n < 35 ? 'l' : 'xl'}`);
  if (facts.numbers.length) keys.add('f:number');
  if (facts.numbers.length > 1) keys.add('f:numbers2');
  if (facts.numbers.some((x) => x.unit && x.unit !== 'fraction')) keys.add('f:number-unit');
  if (facts.numbers.some((x) => x.unit === '%')) keys.add('f:percent');
  if (facts.numbers.some((x) => x.unit && /^[$€£¥]$/.test(x.unit))) keys.add('f:money');
  if (facts.numbers.some((x) => x.qualifier !== 'exact')) keys.add('f:number-qualified');
  if (facts.dates.length) keys.add('f:date');
  if (facts.attribution) {
    keys.add('f:attribution');
    keys.add(/^(?:he|she|they|we|i)$/i.test(facts.attribution.source) ? 'f:attr-pronoun' : 'f:attr-named');
    if (facts.attribution.verb === 'according to') keys.add('f:according-to');
  }
  for (const e of facts.entities) keys.add(`e:${e.type}`);
  if (facts.entities.length > 2) keys.add('f:entities3');
  if (facts.hedges.length) keys.add('f:hedge');
  if (/\?\s*["”’]?$/.test(text)) keys.add('f:question');
  if (!/[.!?:"”’)]\s*$/.test(text)) keys.add('f:no-final-punct');
  return [...keys];
}
