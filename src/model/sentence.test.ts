import { describe, expect, it } from 'vitest';
import {
  claimMask,
  claimShare,
  DEFAULT_CLAIM_THRESHOLD,
  evidenceThreshold,
  HIGHLIGHT_LEVELS,
  levelOf,
  type Rankable,
  selectClaims,
} from './sentence.ts';

const plain = (score: number): Rankable => ({ score, numbers: [], attribution: null, dates: [] });
const figure = (score: number): Rankable => ({
  score,
  numbers: [{ raw: '11,000', value: 11_000, qualifier: 'exact', start: 0, end: 6 }],
  attribution: null,
  dates: [],
});
const sourced = (score: number, source = 'Kyrylo Budanov'): Rankable => ({
  score,
  numbers: [],
  attribution: { source, verb: 'said' },
  dates: [],
});

describe('claimMask, the one rule for which stored sentences are claims', () => {
  it('at 0 makes every sentence a claim, furniture included', () => {
    const sentences = [plain(0.01), plain(0.3), figure(0.05), plain(0.99)];
    expect(claimMask(sentences, 0)).toEqual([true, true, true, true]);
  });

  it('at the default keeps at most 40 % of an article of plain statements, the most check-worthy first', () => {
    const scores = [0.6, 0.9, 0.55, 0.95, 0.7, 0.8, 0.65, 0.75, 0.85, 0.52];
    const mask = claimMask(scores.map(plain), DEFAULT_CLAIM_THRESHOLD);
    expect(mask.filter(Boolean).length).toBe(4);
    expect(scores.filter((_, i) => mask[i]).sort()).toEqual([0.8, 0.85, 0.9, 0.95]);
  });

  it('keeps every statement with a figure or a named source above a quarter of the threshold', () => {
    const sentences = [figure(0.2), sourced(0.13), sourced(0.13, 'he'), figure(0.1), plain(0.99)];
    const mask = claimMask(sentences, DEFAULT_CLAIM_THRESHOLD);
    // The unresolved pronoun is no named source; furniture (0.1) stays out; the plain statement has no
    // room left under the share once the evidence is in, but the article gets at least one claim.
    expect(mask).toEqual([true, true, false, false, false]);
    expect(claimMask([plain(0.99), plain(0.2)], DEFAULT_CLAIM_THRESHOLD)).toEqual([true, false]);
  });

  it('shows fewer at "fewer" and more at "all" than at the default', () => {
    const sentences = [
      ...[0.3, 0.6, 0.9, 0.95].map(figure),
      ...[0.4, 0.55, 0.72, 0.8, 0.9, 0.97, 0.2, 0.1].map(plain),
    ];
    const count = (t: number) => claimMask(sentences, t).filter(Boolean).length;
    expect(count(HIGHLIGHT_LEVELS.fewer)).toBeLessThan(count(HIGHLIGHT_LEVELS.default));
    expect(count(HIGHLIGHT_LEVELS.default)).toBeLessThan(count(HIGHLIGHT_LEVELS.all));
    expect(claimShare(HIGHLIGHT_LEVELS.default)).toBeCloseTo(0.4);
    expect(evidenceThreshold(1)).toBeCloseTo(1);
  });

  it('ranks each article of a corpus against itself only', () => {
    const a = [0.9, 0.8, 0.7, 0.6, 0.55].map((s) => ({ ...plain(s), articleId: 'a' }));
    const b = [0.51, 0.52].map((s) => ({ ...plain(s), articleId: 'b' }));
    const claims = selectClaims([...a, ...b], DEFAULT_CLAIM_THRESHOLD);
    expect([...claims].filter((s) => s.articleId === 'a').map((s) => s.score)).toEqual([0.9, 0.8]);
    expect([...claims].filter((s) => s.articleId === 'b').map((s) => s.score)).toEqual([0.52]);
  });

  it('names the level of any threshold by the nearest of the three', () => {
    expect(levelOf(0.5)).toBe('default');
    expect(levelOf(0.05)).toBe('all');
    expect(levelOf(0.85)).toBe('fewer');
  });
});
