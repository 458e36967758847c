import { expect, it, describe as suite } from 'vitest';
import { codePointToUtf16, utf16ToCodePoint } from './code-points.ts';
import { anchor, describe, maxFuzzyErrors } from './text-anchor.ts';

const PARAGRAPHS = [
  'More than 10,000 North Korean troops are in Russia, the Pentagon said on Monday.',
  'Officials in Seoul said the soldiers had been training in the far east for weeks.',
  'Ukraine’s military intelligence chief claimed the first units reached Kursk on Wednesday.',
  'The Kremlin did not confirm the figure and called the reports a provocation.',
];
const PAGE = PARAGRAPHS.join('\n\n');

function spanOf(text: string, words: string): [number, number] {
  const start = text.indexOf(words);
  if (start < 0) throw new Error(`missing ${words}`);
  return [start, start + words.length];
}

suite('describe', () => {
  it('keeps the exact words, 32 characters of context and both offset units', () => {
    const [s, e] = spanOf(PAGE, 'had been training in the far east');
    const sel = describe(PAGE, s, e);
    expect(sel.quote.exact).toBe('had been training in the far east');
    expect(sel.quote.prefix).toBe(PAGE.slice(s - 32, s));
    expect(sel.quote.suffix).toBe(PAGE.slice(e, e + 32));
    expect(sel.position).toEqual({ type: 'TextPositionSelector', start: s, end: e });
    expect(sel.codePoints).toEqual({ start: s, end: e });
  });

  it('counts code points after emoji and never splits a surrogate pair', () => {
    const text = '😀😀 rise of 5% 👍 here';
    const s = text.indexOf('rise');
    const sel = describe(text, s, s + 4);
    expect(sel.codePoints).toEqual({ start: s - 2, end: s + 2 });
    const thumb = text.indexOf('👍');
    const split = describe(text, thumb + 1, thumb + 2);
    expect(split.quote.exact).toBe('👍');
    expect(split.codePoints.end - split.codePoints.start).toBe(1);
    expect(codePointToUtf16(text, utf16ToCodePoint(text, thumb))).toBe(thumb);
  });

  it('rejects empty or out-of-range spans', () => {
    expect(() => describe(PAGE, 5, 5)).toThrow(RangeError);
    expect(() => describe(PAGE, -1, 3)).toThrow(RangeError);
    expect(() => describe(PAGE, 0, PAGE.length + 1)).toThrow(RangeError);
  });
});

suite('anchor', () => {
  const words = 'the first units reached Kursk on Wednesday';
  const [s, e] = spanOf(PAGE, words);
  const selectors = describe(PAGE, s, e);

  it('re-anchors an unchanged page exactly by position', () => {
    expect(anchor(PAGE, selectors)).toEqual({ start: s, end: e, method: 'position', score: 1 });
  });

  it('falls back to the exact quote when words were added before it', () => {
    const changed = `Breaking update, added later by the editors. ${PAGE}`;
    const found = anchor(changed, selectors);
    expect(found?.method).toBe('quote');
    expect(changed.slice(found!.start, found!.end)).toBe(words);
  });

  it('finds the quote approximately when a typo inside it was fixed', () => {
    const typoPage = PAGE.replace('reached Kursk', 'reachd Kursk');
    const [ts, te] = spanOf(typoPage, 'the first units reachd Kursk on Wednesday');
    const typoSelectors = describe(typoPage, ts, te);
    const fixed = `A new opening sentence. ${PAGE}`;
    const found = anchor(fixed, typoSelectors);
    expect(found?.method).toBe('fuzzy');
    expect(fixed.slice(found!.start, found!.end)).toBe(words);
  });

  it('picks the right one of two identical quotes by their context', () => {
    const repeated =
      'In Seoul, officials said troops are in Russia, according to the spy agency. ' +
      'In Washington, the Pentagon said troops are in Russia, citing satellite images.';
    const second = repeated.lastIndexOf('troops are in Russia');
    const sel = describe(repeated, second, second + 'troops are in Russia'.length);
    // Move text around so the stored position no longer points at the quote.
    const edited = `Update: ${repeated.replace('In Seoul, officials', 'In Seoul, South Korean officials')}`;
    const found = anchor(edited, sel);
    expect(found?.method).toBe('quote');
    expect(found!.start).toBe(edited.lastIndexOf('troops are in Russia'));
    // And the first one when its context is the first one's.
    const first = repeated.indexOf('troops are in Russia');
    const firstSel = describe(repeated, first, first + 20);
    expect(anchor(edited, firstSel)!.start).toBe(edited.indexOf('troops are in Russia'));
  });

  it('prefers context over stored position when they disagree', () => {
    const a = 'The defence ministry in Kyiv said troops crossed the border near the river crossing.';
    const b = 'A spokesman for the allied command said troops crossed the border without any warning.';
    const text = `${a} ${b}`;
    const at = text.lastIndexOf('said troops crossed the border');
    const sel = describe(text, at, at + 30);
    const swapped = `${b} ${a}`;
    const found = anchor(swapped, sel);
    expect(found?.method).toBe('quote');
    expect(found!.start).toBe(swapped.indexOf('said troops crossed the border'));
  });

  it('returns null (an orphan) when the paragraph was removed', () => {
    const without = PARAGRAPHS.filter((p) => !p.includes('Kursk')).join('\n\n');
    expect(anchor(without, selectors)).toBeNull();
  });

  it('bounds fuzzy errors to a quarter of the quote, at most 32', () => {
    expect(maxFuzzyErrors(3)).toBe(0);
    expect(maxFuzzyErrors(40)).toBe(10);
    expect(maxFuzzyErrors(1000)).toBe(32);
    const sel = describe('abcdefghijklmnop', 0, 16);
    expect(anchor('abXdXfXhXjXlXnXp', sel)).toBeNull();
    expect(anchor('zz abcdefghijklmnXp', sel)?.method).toBe('fuzzy');
  });
});
