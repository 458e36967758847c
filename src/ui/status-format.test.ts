import { describe, expect, it } from 'vitest';
import { type ClaimView, type Evidence, emptyStatus } from '../protocol/views.ts';
import { independenceLine } from './status-format.ts';

const evidence = (outlet: string, copyOf?: string): Evidence => ({
  outlet,
  articleId: outlet,
  url: `https://${outlet}.example/a`,
  title: 'A',
  sentenceId: `${outlet}:s1`,
  quote: 'About 11,000 troops.',
  score: 0.8,
  ...(copyOf ? { copyOf } : {}),
});

const claim = (confirms: Evidence[], sources: ClaimView['sources']): ClaimView => ({
  id: 'x:s1',
  index: 0,
  text: 'About 11,000 troops were ready.',
  start: 0,
  end: 31,
  score: 0.9,
  attribution: null,
  numbers: [],
  hedges: [],
  sources,
  status: { ...emptyStatus(), confirms },
});

describe('independenceLine', () => {
  it('names the independent sources behind the confirming outlets', () => {
    const line = independenceLine(
      claim(
        [evidence('a'), evidence('b'), evidence('c', 'a')],
        [
          {
            name: 'Kyrylo Budanov',
            role: "Ukraine's military intelligence chief",
            outlets: ['a', 'b'],
            copies: ['c'],
          },
        ],
      ),
    );
    expect(line).toBe(
      "3 outlets, 1 independent source: Kyrylo Budanov (Ukraine's military intelligence chief)",
    );
  });

  it('says so when the only confirming outlets republish this very article', () => {
    expect(independenceLine(claim([evidence('original')], []))).toBe(
      '1 outlet, no independent source: the same article republished',
    );
  });

  it('says nothing when no outlet confirms', () => {
    expect(independenceLine(claim([], []))).toBeNull();
  });
});
