import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseText } from '../nlp/parse.ts';
import { type CharModel, charCounts, charLogit } from './chars.ts';
import { sentenceLogit, WORD_RE } from './features.ts';
import { describeSentence, textModelLogit } from './index.ts';
import { type ClaimModel, defaultModel, lexiconLogit } from './model.ts';

/** The n-grams as defined: 3- and 4-grams of each WORD_RE match padded with spaces, ’ read as '. */
function regexNgrams(text: string, min: number, max: number): string[] {
  const out: string[] = [];
  for (const w of text.toLowerCase().match(WORD_RE) ?? []) {
    const p = ` ${w.replace(/’/g, "'")} `;
    for (let i = 0; i < p.length; i++)
      for (let n = min; n <= max && i + n <= p.length; n++) out.push(p.slice(i, i + n));
  }
  return out;
}

/** A small model with random weights over 2^6 buckets. */
function smallModel(seed: number): CharModel {
  const weights: number[] = [];
  const idf: number[] = [];
  let x = seed;
  for (let b = 0; b < 64; b++) {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    weights.push((x / 2 ** 31) * 2 - 1);
    idf.push(1 + ((x >> 8) % 50) / 10);
  }
  return { bits: 6, min: 3, max: 4, weights, idf };
}

describe('character n-grams', () => {
  it('counts as many n-grams as the words have, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (text) => {
        const counted = charCounts(text, 13, 3, 4).reduce((a, [, c]) => a + c, 0);
        expect(counted).toBe(regexNgrams(text, 3, 4).length);
      }),
    );
  });

  it('reads a curly apostrophe as a straight one and ignores case', () => {
    expect(charCounts('Don’t', 13, 3, 4)).toEqual(charCounts("don't", 13, 3, 4));
  });

  it('scores the normalised tf-idf dot product the training script fits (to float32 weights)', () => {
    const model = smallModel(7);
    for (const text of [
      'Unemployment fell to 4.1 % in 2019, the lowest since 1969.',
      'Thank you.',
      'a a a a',
    ]) {
      const counts = charCounts(text, model.bits, model.min, model.max);
      let dot = 0;
      let norm = 0;
      for (const [b, c] of counts) {
        const x = Math.log1p(c) * model.idf[b];
        norm += x * x;
        dot += Math.log1p(c) * model.weights[b];
      }
      // The product keeps weights and idf as float32 (half the cache lines); the committed values
      // have three significant decimals, far above float32's precision.
      expect(charLogit(text, model)).toBeCloseTo(dot / Math.sqrt(norm), 6);
    }
  });

  it('gives 0 to a sentence without words, and does not carry counts over to the next sentence', () => {
    const model = smallModel(3);
    expect(charLogit('— …', model)).toBe(0);
    const alone = charLogit('Taxes rose.', model);
    charLogit('Taxes taxes taxes rose rose.', model);
    expect(charLogit('Taxes rose.', model)).toBe(alone);
  });

  it("counts the same from the word features' walk as from its own scan", () => {
    const lines = readFileSync(
      join(import.meta.dirname, '../../test/fixtures/seeds/000_799c6ea46024f210.txt'),
      'utf8',
    )
      .split('\n')
      .filter((l) => l.trim());
    for (const text of lines) {
      const tokens = parseText(text).flatMap((s) => s.tokens);
      const facts = describeSentence(text, tokens, '2024-10-21');
      const chars = defaultModel.chars;
      if (!chars) throw new Error('the committed model has a character part');
      expect(textModelLogit(text, tokens, facts)).toBe(
        sentenceLogit(text, tokens, facts) + lexiconLogit(tokens) + charLogit(text, chars),
      );
    }
  });

  it('is part of the committed model', () => {
    expect(defaultModel.chars?.weights.length).toBe(2 ** (defaultModel.chars?.bits ?? 0));
    expect(defaultModel.chars?.idf.length).toBe(defaultModel.chars?.weights.length);
  });
});

describe('lexiconLogit', () => {
  const tokens = parseText('The deficit tripled.').flatMap((s) => s.tokens);
  const model: ClaimModel = {
    version: 3,
    bias: 0,
    weights: {},
    lexicon: { the: 1, deficit: 3, tripled: -1 },
    lexiconIdf: { the: 1, deficit: 4 },
    lexiconIdfDefault: 2,
  };

  it('weighs each known word by its idf, unseen words by the default', () => {
    // the 1·1, deficit 4·3, tripled 2·(-1); "." is not in the lexicon.
    expect(lexiconLogit(tokens, model)).toBeCloseTo((1 + 12 - 2) / (1 + 4 + 2), 12);
  });

  it('is the plain mean without idf weights', () => {
    const plain: ClaimModel = { ...model, lexiconIdf: undefined, lexiconIdfDefault: undefined };
    expect(lexiconLogit(tokens, plain)).toBeCloseTo((1 + 3 - 1) / 3, 12);
  });
});
