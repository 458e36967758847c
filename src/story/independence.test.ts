import { describe, expect, it } from 'vitest';
import { independentSources, originKey } from './independence.ts';

describe('originKey', () => {
  // Pairs that name one source, and pairs that must stay apart.
  const same: [string, string][] = [
    ['Kyrylo Budanov', 'Budanov'],
    ['the Pentagon', 'Pentagon'],
    ['Volodymyr Zelensky', 'Volodymyr Zelenskyy'],
    ['President Zelenskiy', 'Zelensky'],
    ['Zelenski', 'Zelenskyy'],
    ['Muammar Gaddafi', 'Gadafi'],
    ['Recep Tayyip Erdoğan', 'Erdogan'],
    ["Ukraine's military intelligence", 'military intelligence'],
  ];
  const apart: [string, string][] = [
    ['Kyrylo Budanov', 'Dmitry Peskov'],
    ['Pat Ryder', 'Lloyd Austin'],
    ['Putin', 'Patton'],
    ['Rutte', 'Root'],
    ['Amy', 'Ams'],
  ];
  it.each(same)('"%s" and "%s" are one source', (a, b) => expect(originKey(a)).toBe(originKey(b)));
  it.each(apart)('"%s" and "%s" are two sources', (a, b) => expect(originKey(a)).not.toBe(originKey(b)));
});

describe('independentSources', () => {
  it('counts outlets quoting one person under two spellings, and a copy, as one source', () => {
    const sources = independentSources([
      { outlet: 'a.test', articleId: 'a', origin: 'Volodymyr Zelensky', role: 'President' },
      { outlet: 'b.test', articleId: 'b', origin: 'Volodymyr Zelenskyy' },
      { outlet: 'c.test', articleId: 'c', copyOf: 'a' },
      { outlet: 'd.test', articleId: 'd' },
    ]);
    expect(sources).toEqual([
      { name: 'Volodymyr Zelensky', role: 'President', outlets: ['a.test', 'b.test'], copies: ['c.test'] },
      { name: 'd.test', outlets: ['d.test'], copies: [] },
    ]);
  });

  it("leaves out the claim's own article again: a copy of it, the original it copies, and that original's copies", () => {
    const confirmations = [
      { outlet: 'copy.test', articleId: 'copy', copyOf: 'mine' },
      { outlet: 'copy-of-copy.test', articleId: 'copy2', copyOf: 'copy' },
      { outlet: 'other.test', articleId: 'other', origin: 'Kyrylo Budanov' },
    ];
    expect(independentSources(confirmations, { articleId: 'mine' }).map((s) => s.name)).toEqual([
      'Kyrylo Budanov',
    ]);
    // Read from the copy's side: the original and its other copies are the same article.
    expect(
      independentSources(
        [
          { outlet: 'mine.test', articleId: 'mine' },
          { outlet: 'copy-of-copy.test', articleId: 'copy2', copyOf: 'copy' },
          { outlet: 'other.test', articleId: 'other' },
        ],
        { articleId: 'copy', copyOf: 'mine' },
      ).map((s) => s.name),
    ).toEqual(['other.test']);
  });
});
