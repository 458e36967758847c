import { describe, expect, it } from 'vitest';
import { type ClaimView, type Evidence, emptyStatus } from '../protocol/views.ts';
import { articleVerdictLine, claimLabel, independenceLine, verdictsByArticle } from './status-format.ts';
import { GLYPHS, STATUS_KIND_LABEL, STATUS_KIND_LEGEND, STATUS_KINDS, statusKind } from './status-glyphs.ts';

const evidence = (outlet: string): Evidence => ({
  outlet,
  articleId: outlet,
  url: `https://${outlet}.example/a`,
  title: 'A',
  sentenceId: `${outlet}:s1`,
  quote: 'About 11,000 troops.',
  score: 0.8,
});

const claimWith = (status: ClaimView['status'], sources: ClaimView['sources'] = []): ClaimView => ({
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
  status,
});

describe('status kinds', () => {
  it('puts disputes first: one dispute among confirmations is what a reader must see', () => {
    const status = emptyStatus();
    expect(statusKind(status)).toBe('none');
    status.unclear.push(evidence('a'));
    expect(statusKind(status)).toBe('unclear');
    status.confirms.push(evidence('b'), evidence('c'));
    expect(statusKind(status)).toBe('confirmed');
    status.disputes.push(evidence('d'));
    expect(statusKind(status)).toBe('disputed');
  });

  it('gives every kind a word and a legend line, and a glyph of a shape of its own to every kind but "no coverage"', () => {
    for (const kind of STATUS_KINDS) {
      expect(STATUS_KIND_LABEL[kind]).toBeTruthy();
      expect(STATUS_KIND_LEGEND[kind].meaning).toBeTruthy();
    }
    const shapes = Object.values(GLYPHS).map((parts) => JSON.stringify(parts[0]));
    expect(new Set(shapes).size).toBe(3);
  });

  it("opens a claim's accessible name with its status", () => {
    const claim = claimWith({ ...emptyStatus(), disputes: [evidence('a')], confirms: [evidence('b')] });
    expect(claimLabel(claim)).toBe(
      'Disputed: About 11,000 troops were ready. 1 outlet confirms · 1 outlet disputes.',
    );
    expect(claimLabel({ ...claim, status: emptyStatus() })).toMatch(/^No coverage: /);
  });
});

describe('independenceLine', () => {
  const confirmed = (...outlets: string[]) => ({ ...emptyStatus(), confirms: outlets.map(evidence) });

  it('names the independent sources behind the confirming outlets', () => {
    const line = independenceLine(
      claimWith(confirmed('a', 'b', 'c'), [
        {
          name: 'Kyrylo Budanov',
          role: "Ukraine's military intelligence chief",
          outlets: ['a', 'b'],
          copies: ['c'],
        },
      ]),
    );
    expect(line).toBe(
      "3 outlets, 1 independent source: Kyrylo Budanov (Ukraine's military intelligence chief)",
    );
  });

  it('says so when the only confirming outlets republish this very article', () => {
    expect(independenceLine(claimWith(confirmed('original'), []))).toBe(
      '1 outlet, no independent source: the same article republished',
    );
  });

  it('says nothing when no outlet confirms', () => {
    expect(independenceLine(claimWith(emptyStatus()))).toBeNull();
  });
});

describe('verdicts by article, for the story list', () => {
  it('counts, per other article, the statements it confirms, disputes or cannot confirm', () => {
    const one = emptyStatus();
    one.confirms.push(evidence('a'), evidence('b'));
    one.disputes.push(evidence('c'));
    const two = emptyStatus();
    two.confirms.push(evidence('a'));
    two.unclear.push(evidence('c'));
    const counts = verdictsByArticle([claimWith(one), claimWith(two), claimWith(emptyStatus())]);
    expect(counts.get('a')).toEqual({ confirms: 2, disputes: 0, unclear: 0 });
    expect(counts.get('c')).toEqual({ confirms: 0, disputes: 1, unclear: 1 });
    expect(articleVerdictLine(counts.get('a'))).toBe("confirms 2 of this article's statements");
    expect(articleVerdictLine(counts.get('c'))).toBe(
      "disputes 1 · cannot confirm 1 of this article's statements",
    );
    expect(articleVerdictLine(counts.get('z'))).toBeNull();
  });
});
