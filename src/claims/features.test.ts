import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseText } from '../nlp/parse.ts';
import { sentenceFeatures, sentenceLogit, WORD_RE } from './features.ts';
import { describeSentence } from './index.ts';
import { type ClaimModel, defaultModel, textLogit } from './model.ts';

const DIR = join(import.meta.dirname, '../../test/fixtures/seeds');

function prepare(text: string) {
  const tokens = parseText(text).flatMap((s) => s.tokens);
  return { text, tokens, facts: describeSentence(text, tokens, '2024-10-21') };
}

/** The word keys as first defined: regex matches, numbers folded, curly apostrophes straightened. */
function regexWords(text: string): string[] {
  return (text.toLowerCase().match(WORD_RE) ?? []).map((w) =>
    /\d/.test(w) ? '<num>' : w.replace(/’/g, "'"),
  );
}

const PIECES = [
  'The',
  'the',
  'said',
  'don’t',
  "it's",
  'U.S.',
  '1,000',
  '3.5',
  '11 000',
  '€5bn',
  '%',
  '?',
  '!',
  '$',
  '£',
  'é',
  'ſ',
  'K',
  '𝐀',
  '\ud800',
  '\udc00',
  '٣',
  'Ⅻ',
  '²',
  'ñandú',
  'Kyung-ho',
  ' ',
  '  ',
  '-',
  ',',
  '.',
  '’',
  "'",
  '"',
  '“',
  '”',
  '—',
  '\n',
];
const sentence = fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }).map((xs) => xs.join(''));

describe('sentenceLogit', () => {
  it('scores every seed sentence exactly as the sum over its feature keys', () => {
    for (const file of readdirSync(DIR).filter((f) => f.endsWith('.txt'))) {
      const text = readFileSync(join(DIR, file), 'utf8');
      for (const s of parseText(text)) {
        const { tokens, facts } = prepare(text.slice(s.start, s.end));
        const sliced = text.slice(s.start, s.end);
        expect(sentenceLogit(sliced, tokens, facts)).toBe(textLogit(sentenceFeatures(sliced, tokens, facts)));
      }
    }
  });

  it('counts a repeated key once and ignores unknown keys, like the key set', () => {
    const model: ClaimModel = {
      version: 1,
      bias: 0.1,
      weights: {
        'w:the': 0.5,
        'b:<s> the': 0.25,
        'b:the the': 1,
        "w:it's": 0.125,
        'w:<num>': 2,
        'b:<num> </s>': 3,
        'w:%': 0.75,
        'p:DET': 0.1,
        'pp:<s>_DET': 0.2,
        'len:xs': 0.3,
      },
    };
    for (const text of ['The the the 42', 'It’s 5 %', 'the', '', '??']) {
      const { tokens, facts } = prepare(text);
      expect(sentenceLogit(text, tokens, facts, model)).toBe(
        textLogit(sentenceFeatures(text, tokens, facts), model),
      );
    }
  });

  it('agrees with the key set on arbitrary text', () => {
    fc.assert(
      fc.property(fc.oneof(sentence, fc.string({ unit: 'binary', maxLength: 40 })), (text) => {
        const { tokens, facts } = prepare(text);
        expect(sentenceLogit(text, tokens, facts)).toBe(
          textLogit(sentenceFeatures(text, tokens, facts), defaultModel),
        );
      }),
      { numRuns: 300 },
    );
  });
});

describe('sentenceFeatures', () => {
  it('reads the same words as the word expression', () => {
    fc.assert(
      fc.property(fc.oneof(sentence, fc.string({ unit: 'binary', maxLength: 40 })), (text) => {
        const noFacts = { attribution: null, numbers: [], dates: [], entities: [], hedges: [] };
        const keys = sentenceFeatures(text, [], noFacts);
        const words = regexWords(text);
        const expected = new Set<string>();
        let prev = '<s>';
        for (const w of words) {
          expected.add(`w:${w}`);
          expected.add(`b:${prev} ${w}`);
          prev = w;
        }
        expected.add(`b:${prev} </s>`);
        expect(keys.filter((k) => k.startsWith('w:') || k.startsWith('b:'))).toEqual([...expected]);
      }),
      { numRuns: 1000 },
    );
  });
});
