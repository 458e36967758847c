import { describe, expect, it } from 'vitest';
import {
  claimMask,
  claimShare,
  DEFAULT_CLAIM_THRESHOLD,
  evidenceThreshold,
  HIGHLIGHT_LEVELS,
  isCoveredStatement,
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

  it('ranks a figure with a named source first, then a figure or a source, then the rest, each by score', () => {
    const both = (score: number): Rankable => ({
      ...figure(score),
      attribution: { source: 'NIS', verb: 'said' },
    });
    const sentences = [
      plain(0.99),
      figure(0.2),
      sourced(0.13),
      both(0.3),
      sourced(0.9, 'he'),
      figure(0.1),
      plain(0.6),
      plain(0.7),
      plain(0.8),
      plain(0.3),
    ];
    // Ten statements but one (0.1, furniture): a budget of 3. The pronoun is no named source.
    expect(claimMask(sentences, DEFAULT_CLAIM_THRESHOLD)).toEqual([
      false,
      true,
      true,
      true,
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
    // An article of one statement still gets its claim; below a quarter of the threshold, none.
    expect(claimMask([plain(0.99), plain(0.05)], DEFAULT_CLAIM_THRESHOLD)).toEqual([true, false]);
    expect(claimMask([figure(0.12)], DEFAULT_CLAIM_THRESHOLD)).toEqual([false]);
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

  it('adds the statements other outlets speak to, past the highlight budget, when they clear the evidence bar', () => {
    const a = [0.9, 0.8, 0.7, 0.6, 0.55, 0.3, 0.11, 0.05].map((s, i) => ({ ...plain(s), articleId: 'a', i }));
    const covered = (s: { i: number }) => s.i >= 3;
    const lit = selectClaims(a, DEFAULT_CLAIM_THRESHOLD);
    const all = selectClaims(a, DEFAULT_CLAIM_THRESHOLD, covered);
    // Seven statements: 40 % of them highlighted.
    expect([...lit].map((s) => s.i)).toEqual([0, 1]);
    // 0.7 clears the threshold but no outlet speaks to it; 0.11 is a statement but under the bar a
    // figure or a source must clear; 0.05 is furniture.
    expect([...all].map((s) => s.i).sort()).toEqual([0, 1, 3, 4, 5]);
    expect(isCoveredStatement(plain(0.3), DEFAULT_CLAIM_THRESHOLD)).toBe(true);
    expect(isCoveredStatement(plain(evidenceThreshold(DEFAULT_CLAIM_THRESHOLD) - 0.01), 0.5)).toBe(false);
    // "Fewer" raises the bar with the threshold; at 0 every sentence is a claim anyway.
    expect(isCoveredStatement(plain(0.3), 0.95)).toBe(false);
    expect(isCoveredStatement(plain(0.3), 0)).toBe(false);
  });

  it('names the level of any threshold by the nearest of the three', () => {
    expect(levelOf(0.5)).toBe('default');
    expect(levelOf(0.05)).toBe('all');
    expect(levelOf(0.85)).toBe('fewer');
  });
});
