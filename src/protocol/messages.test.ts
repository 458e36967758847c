import { describe, expect, it } from 'vitest';
import type { ArticleInput } from '../article/types.ts';
import { parseRequest, parseTabEvent } from './messages.ts';
import { packArticle } from './packed-article.ts';

const article: ArticleInput = {
  url: 'https://news.example/a',
  outlet: 'Example News',
  title: 'A title',
  blocks: [{ kind: 'paragraph', text: 'Officials said 1,500 troops arrived.' }],
};
const packed = packArticle(article);

describe('parseRequest', () => {
  it('accepts every well-formed request', () => {
    for (const request of [
      { type: 'getArticleView', articleId: 'a123' },
      { type: 'getTabView', tabId: 7 },
      { type: 'getSettings' },
      { type: 'setSettings', settings: { threshold: 0.4 } },
      { type: 'clearAll' },
    ]) {
      expect(parseRequest(request)).toEqual({ ok: true, value: request });
    }
  });

  it('unpacks the article of `analyze` into its blocks', () => {
    const two: ArticleInput = {
      ...article,
      publishedAt: '2024-10-23T00:00:00.000Z',
      blocks: [
        { kind: 'heading', text: 'Troops arrive' },
        { kind: 'paragraph', text: 'Officials said 1,500 troops arrived.' },
        { kind: 'quote', text: '"It is a hoax," he said.' },
      ],
    };
    const wire = packArticle(two);
    expect(wire).toMatchObject({ kinds: 'hpq', text: expect.stringContaining('\n\nOfficials') });
    expect(parseRequest({ type: 'analyze', article: wire })).toEqual({
      ok: true,
      value: { type: 'analyze', article: two },
    });
  });

  it('names the first bad place of a malformed request', () => {
    expect(parseRequest({ type: 'analyze', article: { ...packed, url: 'javascript:alert(1)' } })).toEqual({
      ok: false,
      error: 'invalid message at article.url: must be an http(s) URL',
    });
    const badKind = parseRequest({ type: 'analyze', article: { ...packed, kinds: 's' } });
    expect(badKind).toEqual({
      ok: false,
      error: 'invalid message at article: unknown block kind code at block 0',
    });
    // Texts and kinds must pair up, and a block boundary must not be ambiguous.
    const uneven = parseRequest({ type: 'analyze', article: { ...packed, text: 'one\n\ntwo' } });
    expect(!uneven.ok && uneven.error).toMatch(/2 block texts for 1 block kinds/);
    const ambiguous = parseRequest({
      type: 'analyze',
      article: { ...packed, kinds: 'pp', text: 'one\n\n\ntwo' },
    });
    expect(!ambiguous.ok && ambiguous.error).toMatch(/block 1 starts or ends with a line break/);
    // The old array form is refused outright.
    expect(parseRequest({ type: 'analyze', article }).ok).toBe(false);
    expect(parseRequest({ type: 'getTabView', tabId: -1 }).ok).toBe(false);
    expect(parseRequest({ type: 'setSettings', settings: { threshold: 2 } }).ok).toBe(false);
  });

  it('refuses unknown types, non-objects and oversized articles', () => {
    expect(parseRequest({ type: 'dropDatabase' }).ok).toBe(false);
    expect(parseRequest('analyze').ok).toBe(false);
    expect(parseRequest(null).ok).toBe(false);
    const huge: ArticleInput = {
      ...article,
      blocks: Array.from({ length: 30 }, () => ({ kind: 'paragraph', text: 'x'.repeat(90_000) })),
    };
    const result = parseRequest({ type: 'analyze', article: packArticle(huge) });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(/at most 2000000 characters/);
  });
});

describe('annotation requests', () => {
  const selectors = {
    quote: { type: 'TextQuoteSelector', exact: 'troops arrived', prefix: 'said 1,500 ', suffix: '.' },
    position: { type: 'TextPositionSelector', start: 26, end: 40 },
    codePoints: { start: 26, end: 40 },
  };
  it('accepts drafts, queries and bulk tagging', () => {
    const draft = {
      url: article.url,
      kind: 'highlight',
      selectors,
      tags: ['a', 'b'],
      note: 'n',
      verdict: 'false',
    };
    expect(parseRequest({ type: 'saveAnnotation', draft }).ok).toBe(true);
    expect(parseRequest({ type: 'listAnnotations', query: { tag: 'a', text: 'troops' } }).ok).toBe(true);
    expect(
      parseRequest({ type: 'tagClaims', url: article.url, claims: [{ sentenceId: 's1' }], tags: ['x'] }).ok,
    ).toBe(true);
    expect(parseRequest({ type: 'deleteAnnotations', ids: ['urn:uuid:1'] }).ok).toBe(true);
  });
  it('refuses drafts with bad selectors, kinds or verdicts, and blank tags', () => {
    const draft = { url: article.url, kind: 'highlight', selectors, tags: [] };
    expect(parseRequest({ type: 'saveAnnotation', draft: { ...draft, kind: 'auto-claim' } }).ok).toBe(false);
    expect(parseRequest({ type: 'saveAnnotation', draft: { ...draft, verdict: 'maybe' } }).ok).toBe(false);
    expect(parseRequest({ type: 'saveAnnotation', draft: { ...draft, tags: ['  '] } }).ok).toBe(false);
    const noQuote = { ...selectors, quote: { ...selectors.quote, exact: '' } };
    expect(parseRequest({ type: 'saveAnnotation', draft: { ...draft, selectors: noQuote } }).ok).toBe(false);
    expect(parseRequest({ type: 'deleteAnnotations', ids: [] }).ok).toBe(false);
  });
});

describe('parseTabEvent', () => {
  it('accepts the background events and nothing else', () => {
    expect(parseTabEvent({ type: 'articleChanged', articleId: 'a1' }).ok).toBe(true);
    const settings = {
      threshold: 0.5,
      enabled: false,
      disabledSites: ['example.com'],
      claimColour: '#ffd60a',
      annotationColour: '#40c4ff',
      researcherName: 'Ana Lima',
    };
    expect(parseTabEvent({ type: 'settingsChanged', settings }).ok).toBe(true);
    expect(
      parseTabEvent({ type: 'settingsChanged', settings: { ...settings, claimColour: 'red; x: url(y)' } }).ok,
    ).toBe(false);
    expect(parseTabEvent({ type: 'settingsChanged', settings: { threshold: 0.5, enabled: false } }).ok).toBe(
      false,
    );
    for (const type of ['annotationsChanged', 'tagSelection', 'toggleHighlights'])
      expect(parseTabEvent({ type }).ok).toBe(true);
    expect(parseTabEvent({ type: 'articleChanged' }).ok).toBe(false);
    expect(parseTabEvent({ type: 'analyze', article: packed }).ok).toBe(false);
  });
});
