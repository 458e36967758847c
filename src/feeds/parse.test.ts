import { describe, expect, it } from 'vitest';
import { FeedError, parseFeedText } from './parse.ts';

const RSS = `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>  The   Outlet </title><link>https://outlet.test/</link>
<item><title>First &amp; &lt;b&gt;best&lt;/b&gt;</title><link>/news/1</link><pubDate>Fri, 18 Oct 2024 16:20:00 GMT</pubDate>
<description>Teaser.</description><content:encoded><![CDATA[<p>Full text.</p>]]></content:encoded></item>
<item><title>Guid only</title><guid isPermaLink="true">https://outlet.test/news/2</guid><dc:date>2024-10-19T08:00:00Z</dc:date></item>
<item><title>No link</title><guid isPermaLink="false">abc</guid></item>
</channel></rss>`;

describe('parseFeedText', () => {
  it('reads RSS 2.0: links resolved against the feed, dates as ISO, content:encoded as HTML', () => {
    const feed = parseFeedText(RSS, { baseUrl: 'https://outlet.test/feed.xml' });
    expect(feed.format).toBe('rss');
    expect(feed.title).toBe('The Outlet');
    expect(feed.siteUrl).toBe('https://outlet.test/');
    expect(feed.items).toEqual([
      {
        url: 'https://outlet.test/news/1',
        title: 'First & <b>best</b>',
        publishedAt: '2024-10-18T16:20:00.000Z',
        html: '<p>Full text.</p>',
        summary: 'Teaser.',
      },
      { url: 'https://outlet.test/news/2', title: 'Guid only', publishedAt: '2024-10-19T08:00:00.000Z' },
      { title: 'No link' },
    ]);
  });

  it('reads Atom: the alternate link, html and text content, published before updated', () => {
    const feed = parseFeedText(
      `<feed xmlns="http://www.w3.org/2005/Atom"><title type="text">Atom Outlet</title>
      <link rel="self" href="https://a.test/feed.atom"/><link href="https://a.test/"/>
      <entry><title>One</title><link rel="edit" href="https://a.test/edit/1"/><link rel="alternate" href="https://a.test/1"/>
      <id>1</id><updated>2024-10-20T00:00:00Z</updated><published>2024-10-19T00:00:00Z</published>
      <content type="html">&lt;p&gt;Body&lt;/p&gt;</content><summary>Sum</summary></entry>
      <entry><title>Two</title><link href="https://a.test/2"/><id>2</id><updated>2024-10-21T00:00:00Z</updated>
      <content type="text">Plain body</content></entry></feed>`,
    );
    expect(feed).toMatchObject({ format: 'atom', title: 'Atom Outlet', siteUrl: 'https://a.test/' });
    expect(feed.items).toEqual([
      {
        url: 'https://a.test/1',
        title: 'One',
        publishedAt: '2024-10-19T00:00:00.000Z',
        html: '<p>Body</p>',
        summary: 'Sum',
      },
      { url: 'https://a.test/2', title: 'Two', publishedAt: '2024-10-21T00:00:00.000Z', text: 'Plain body' },
    ]);
  });

  it('reads JSON Feed', () => {
    const feed = parseFeedText(
      JSON.stringify({
        version: 'https://jsonfeed.org/version/1.1',
        title: 'J',
        home_page_url: 'https://j.test/',
        items: [
          {
            id: '1',
            url: 'https://j.test/1',
            title: 'T',
            content_text: 'Text',
            date_published: '2024-10-20T10:00:00Z',
          },
        ],
      }),
    );
    expect(feed).toEqual({
      format: 'json',
      title: 'J',
      siteUrl: 'https://j.test/',
      items: [{ url: 'https://j.test/1', title: 'T', text: 'Text', publishedAt: '2024-10-20T10:00:00.000Z' }],
    });
  });

  it('keeps only http(s) links', () => {
    const feed = parseFeedText(
      '<rss version="2.0"><channel><title>x</title><item><title>a</title><link>javascript:alert(1)</link></item></channel></rss>',
    );
    expect(feed.items[0].url).toBeUndefined();
  });

  it.each([
    ['', 'the feed is empty'],
    ['hello', 'not a feed: neither XML nor JSON'],
    ['{"items": [', /^not valid JSON/],
    ['{"title": "x"}', 'not a feed: no RSS, Atom or JSON Feed fields found'],
    ['<html><body>x</body></html>', 'not a feed: this is an HTML page'],
    [
      '<?xml version="1.0"?><note><to>x</to></note>',
      'not a feed: no RSS, Atom or JSON Feed root element found',
    ],
    [
      '<rss version="2.0"><channel><title>x</title><item><title>a</item></channel></rss>',
      /^malformed XML at line 1, column \d+: Expected closing tag 'title'/,
    ],
    [
      '<rss version="2.0"><channel><title>a & b</title></channel></rss>',
      /^malformed XML at line 1, column \d+: char '&' is not expected/,
    ],
  ])('refuses %j with a clear error', (text, message) => {
    expect(() => parseFeedText(text)).toThrow(FeedError);
    expect(() => parseFeedText(text)).toThrow(message);
  });

  it('refuses a feed of more items than the limit before building them, and takes a higher limit when given', () => {
    const items = '<item><title>t</title><link>https://x.test/</link></item>'.repeat(600);
    const text = `<rss version="2.0"><channel><title>x</title>${items}</channel></rss>`;
    expect(() => parseFeedText(text)).toThrow(
      'the feed lists 600 items; ClaimLens reads feeds of at most 500',
    );
    expect(parseFeedText(text, { maxItems: 1_000 }).items).toHaveLength(600);
  });

  it('does not expand entities declared in the document', () => {
    const feed = parseFeedText(
      '<!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]><rss version="2.0"><channel><title>&b;</title></channel></rss>',
    );
    expect(feed.title.length).toBeLessThan(10);
  });
});
