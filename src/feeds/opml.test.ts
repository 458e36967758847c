import { describe, expect, it } from 'vitest';
import { readOpml } from './opml.ts';

describe('readOpml', () => {
  it('reads nested outlines with feed addresses, once each, http(s) only', () => {
    const feeds = readOpml(`<?xml version="1.0"?><opml version="2.0"><head><title>x</title></head><body>
      <outline text="News"><outline text="A" title="Outlet A" type="rss" xmlUrl="https://a.test/feed"/>
      <outline text="B" xmlUrl="http://b.test/rss"/></outline>
      <outline text="Dup" xmlUrl="https://a.test/feed"/><outline text="Bad" xmlUrl="javascript:x"/><outline text="Folder only"/>
      </body></opml>`);
    expect(feeds).toEqual([
      { url: 'https://a.test/feed', title: 'Outlet A' },
      { url: 'http://b.test/rss', title: 'B' },
    ]);
  });

  it('says when a file is not OPML', () => {
    expect(() => readOpml('<rss version="2.0"><channel></channel></rss>')).toThrow(/^not an OPML file/);
  });
});
