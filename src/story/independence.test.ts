import { describe, expect, it } from 'vitest';
import { independentSources } from './independence.ts';

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

  it('counts an outlet that confirms by two sentences, one citing a source, as that source only', () => {
    const sources = independentSources([
      { outlet: 'ledger.test', articleId: 'l', origin: 'Castlegate Building Society' },
      { outlet: 'wire.test', articleId: 'w', origin: 'Castlegate Building Society' },
      { outlet: 'wire.test', articleId: 'w' },
      { outlet: 'post.test', articleId: 'p' },
    ]);
    expect(sources).toEqual([
      { name: 'Castlegate Building Society', outlets: ['ledger.test', 'wire.test'], copies: [] },
      { name: 'post.test', outlets: ['post.test'], copies: [] },
    ]);
  });

  it('counts an outlet citing a role only as the person another outlet names in that role', () => {
    const budanov = { origin: 'Kyrylo Budanov', role: "Ukraine's military intelligence chief" };
    const sources = independentSources([
      { outlet: 'a.test', articleId: 'a', ...budanov },
      { outlet: 'b.test', articleId: 'b', origin: "Ukraine's military intelligence chief" },
      { outlet: 'c.test', articleId: 'c', origin: 'Dmitry Peskov' },
    ]);
    expect(sources).toEqual([
      { name: 'Kyrylo Budanov', role: budanov.role, outlets: ['a.test', 'b.test'], copies: [] },
      { name: 'Dmitry Peskov', outlets: ['c.test'], copies: [] },
    ]);
    // Two people named in one role: the outlet citing the role alone cites neither for sure.
    const two = independentSources([
      { outlet: 'a.test', articleId: 'a', ...budanov },
      { outlet: 'd.test', articleId: 'd', origin: 'Vadym Skibitsky', role: budanov.role },
      { outlet: 'b.test', articleId: 'b', origin: "Ukraine's military intelligence chief" },
    ]);
    expect(two.map((s) => s.name)).toEqual([
      'Kyrylo Budanov',
      'Vadym Skibitsky',
      "Ukraine's military intelligence chief",
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
