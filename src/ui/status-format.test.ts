import { describe, expect, it } from 'vitest';
import type { Evidence } from '../protocol/views.ts';
import { attributionLine, quoteClass, reasonLine } from './status-format.ts';

const evidence = (extra: Partial<Evidence>): Evidence => ({
  outlet: 'Fact Desk',
  articleId: 'a',
  url: 'https://fact-desk.example/a',
  title: 'No, it was not stolen',
  sentenceId: 'a:1',
  quote: 'Reports that the statue was stolen are false.',
  score: 0.7,
  ...extra,
});

describe('reasonLine: an article-level verdict reads from where the reader stands', () => {
  it('says the other article calls the story false when it is the debunk that disputes a report', () => {
    expect(reasonLine(evidence({ basis: 'debunk', side: 'debunk' }), 'disputes')).toBe(
      'its article as a whole reports this story as false',
    );
  });

  it('says the other article is the report, on a debunk it disputes', () => {
    expect(reasonLine(evidence({ basis: 'debunk', side: 'report' }), 'disputes')).toBe(
      'its article reports the story this article calls false',
    );
  });

  it('says another debunk agrees, on a debunk it confirms', () => {
    expect(reasonLine(evidence({ basis: 'debunk', side: 'debunk' }), 'confirms')).toBe(
      'its article as a whole also reports this story as false',
    );
  });

  it('puts conflicting numbers first, and says nothing of a plain confirmation', () => {
    expect(
      reasonLine(
        evidence({ basis: 'numbers', numberConflict: { ours: '10,000', theirs: '11,000' } }),
        'disputes',
      ),
    ).toBe('numbers differ: 11,000 vs 10,000');
    // A denial of our figure that gives none instead.
    expect(
      reasonLine(
        evidence({ basis: 'numbers', numberConflict: { ours: '300', theirs: 'not 300' } }),
        'disputes',
      ),
    ).toBe('denies the figure 300');
    // Two days an event happens on.
    expect(
      reasonLine(
        evidence({ basis: 'numbers', numberConflict: { ours: 'January 1, 2027', theirs: 'March 1, 2027' } }),
        'disputes',
      ),
    ).toBe('dates differ: March 1, 2027 vs January 1, 2027');
    expect(
      reasonLine(
        evidence({ basis: 'numbers', numberConflict: { ours: 'Monday', theirs: 'Sunday' } }),
        'disputes',
      ),
    ).toBe('dates differ: Sunday vs Monday');
    expect(
      reasonLine(evidence({ basis: 'numbers', numberConflict: { ours: 'May', theirs: 'June' } }), 'disputes'),
    ).toBe('dates differ: June vs May');
    expect(
      reasonLine(
        evidence({ basis: 'numbers', numberConflict: { ours: '10:15 p.m.', theirs: '11:40 p.m.' } }),
        'disputes',
      ),
    ).toBe('times differ: 11:40 p.m. vs 10:15 p.m.');
    // Two speakers of the same quoted words.
    expect(
      reasonLine(
        evidence({ basis: 'numbers', numberConflict: { ours: 'Dana Ortiz', theirs: 'Mark Hellman' } }),
        'disputes',
      ),
    ).toBe('speakers differ: Mark Hellman vs Dana Ortiz');
    // Two states of one thing; a figure in words is still a number.
    expect(
      reasonLine(
        evidence({ basis: 'numbers', numberConflict: { ours: 'remains closed', theirs: 'reopened' } }),
        'disputes',
      ),
    ).toBe('accounts differ: reopened vs remains closed');
    expect(
      reasonLine(
        evidence({ basis: 'numbers', numberConflict: { ours: 'two', theirs: 'Three' } }),
        'disputes',
      ),
    ).toBe('numbers differ: Three vs two');
    expect(reasonLine(evidence({ basis: 'same-fact' }), 'confirms')).toBeNull();
  });
});

describe('attributionLine', () => {
  it('reads right for one speaker and for many', () => {
    expect(attributionLine({ source: 'local residents', verb: 'said' })).toBe('According to local residents');
    expect(
      attributionLine({
        source: 'Kyrylo Budanov',
        role: "Ukraine's military intelligence chief",
        verb: 'said',
      }),
    ).toBe("According to Kyrylo Budanov (Ukraine's military intelligence chief)");
    expect(attributionLine(null)).toBeNull();
  });
});

describe('quoteClass: one opening mark for a quote that opens with its own', () => {
  it('keeps the marks of a sentence that opens with a quote, and adds marks to one that does not', () => {
    expect(quoteClass('"We are throwing everything at it," the chief said.')).toBe('cl-quote cl-quote-own');
    expect(quoteClass('“It was a classic slab,” she said.')).toBe('cl-quote cl-quote-own');
    expect(quoteClass('The fire started on Monday afternoon.')).toBe('cl-quote');
  });
});
