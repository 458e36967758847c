import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { readPageMeta } from './page-meta.ts';

function load(html: string, url = 'https://blog.example/notes/1') {
  const window = new Window({ url });
  window.document.write(html);
  return window.document as unknown as Document;
}

describe('readPageMeta', () => {
  it.each([
    [
      'meta tags',
      `<head><title>Doc title</title><meta property="og:title" content="OG title">
       <meta property="og:site_name" content="The Blog"><meta name="Author" content="By  Jo Park">
       <meta property="article:author" content="https://facebook.com/jo">
       <meta name="parsely-author" content="Sam Lee">
       <meta property="article:published_time" content="2024-10-20T08:00:00+02:00"></head><body><p>x</p></body>`,
      {
        title: 'OG title',
        outlet: 'The Blog',
        author: 'Jo Park, Sam Lee',
        published: '2024-10-20T06:00:00.000Z',
      },
    ],
    [
      'schema.org JSON-LD in a graph, after a block that is not JSON',
      `<head><title>Notes</title><script type="application/ld+json">{not json</script>
       <script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"x"},
       {"@type":["NewsArticle"],"author":[{"@type":"Person","name":"Ana Lima"},"Ben Okafor"],"datePublished":"2024-10-19"}]}</script>
       </head><body><p>x</p></body>`,
      {
        title: 'Notes',
        outlet: 'blog.example',
        author: 'Ana Lima, Ben Okafor',
        published: '2024-10-19T00:00:00.000Z',
      },
    ],
    [
      'author links in the markup and a dated <time>',
      `<head><title>Notes</title></head><body><p class="byline">By <a rel="author" href="/a">Cho Min</a></p>
       <time datetime="2024-10-18T16:20:00Z">Oct 18</time><p>x</p></body>`,
      { title: 'Notes', outlet: 'blog.example', author: 'Cho Min', published: '2024-10-18T16:20:00.000Z' },
    ],
    [
      'nothing at all',
      '<head><title> A  page </title></head><body><p>x</p></body>',
      { title: 'A page', outlet: 'blog.example' },
    ],
  ])('reads %s', (_what, html, expected) => {
    expect(readPageMeta(load(html), 'https://blog.example/notes/1')).toEqual(expected);
  });
});
