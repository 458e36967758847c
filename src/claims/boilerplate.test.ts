import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boilerplateBlock, countWords, isDateLine } from './boilerplate.ts';

/** The definition `countWords` stands for: white-space-separated runs holding a letter or a digit. */
function regexCount(t: string): number {
  return t.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

describe('countWords', () => {
  it('counts what splitting on \\s and testing each run for a letter or digit counts', () => {
    for (const t of [
      '',
      'Hello',
      'Kyiv, Oct. 21 — “We will win,” he said.',
      'a\u00a0b\u2003c\u3000d\ufeffe',
      '— – · 12 %',
      'Ἀθῆναι 𝐀𝐁 😀 ٣',
    ]) {
      expect(countWords(t.trim())).toBe(regexCount(t.trim()));
      expect(countWords(t.trim(), 3)).toBe(Math.min(3, regexCount(t.trim())));
    }
  });

  it('agrees with the definition around every character of the Basic Multilingual Plane', () => {
    const differing: string[] = [];
    for (let c = 0; c < 0x10000; c++) {
      const t = `a${String.fromCharCode(c)}b`;
      if (countWords(t) !== regexCount(t)) differing.push(c.toString(16));
    }
    expect(differing).toEqual([]);
  });

  it('agrees with the definition on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const t = s.trim();
        expect(countWords(t)).toBe(regexCount(t));
        expect(countWords(t, 2)).toBe(Math.min(2, regexCount(t)));
      }),
      { numRuns: 2000 },
    );
  });
});

/** Lines seen on news pages that date, time or republish an article and say nothing to check. */
const DATELINES = [
  'Published 1 day ago',
  'PUBLISHED: 10:48, Tue, Nov 19, 2019 | UPDATED: 19:11, Tue, Nov 19, 2019',
  'Updated: 18 Nov 2019, 19:11',
  '5:45 AM PST 11/19/2019 by',
  'Oct 18, 2019 · 8 min read',
  'Posted by Jane Doe on 9:55am Wed 2 Jan 08',
  'Originally published at www.courtneykirchoff.com on November 18, 2011.',
  'Originally published at example.org/blog on 2 March 2020',
];

/** Sentences with dates, names or web addresses that are statements, not datelines. */
const STATEMENTS = [
  'The story was first published on November 18, 2011 by the Times.',
  'Floods forced 12,000 people from their homes on Tuesday.',
  'The site www.example.com was taken down on November 18, 2011 after 3 complaints.',
  'Originally published at a loss of 40 million dollars.',
];

describe('isDateLine', () => {
  it.each(DATELINES)('reads "%s" as a dateline', (line) => {
    expect(isDateLine(line)).toBe(true);
  });
  it.each(STATEMENTS)('reads "%s" as a statement', (line) => {
    expect(isDateLine(line)).toBe(false);
  });
});

describe('boilerplateBlock', () => {
  it.each([
    'Your video will play in 00:25',
    'Para poder comentar tenés que ingresar con tu usuario de LA NACION.',
    'Connectez-vous pour réagir à cet article.',
    'Melden Sie sich an, um zu kommentieren.',
  ])('reads the notice "%s" as furniture', (line) => {
    expect(boilerplateBlock(line)).toBe('notice');
  });
  it.each([
    'The video will play a part in the trial, the prosecutor said on Monday.',
    'A strike by 4,000 dock workers halted grain exports on Monday.',
  ])('reads "%s" as prose', (line) => {
    expect(boilerplateBlock(line)).toBeNull();
  });
  it('folds case as Unicode does, also where that differs from the ASCII folding that reads most blocks', () => {
    // Long s folds to "s" and the Kelvin sign to "k" only under Unicode case folding.
    expect(boilerplateBlock('Please \u017fubscribe to our list')).toBe('notice');
    expect(boilerplateBlock('We use coo\u212aies on this site')).toBe('notice');
    expect(boilerplateBlock('Please SUBSCRIBE to our list')).toBe('notice');
  });
});
