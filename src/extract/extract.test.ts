import { readdirSync, readFileSync } from 'node:fs';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import {
  candidateSteps,
  domPosition,
  drain,
  extractArticle,
  extractDomArticle,
  META_ATTRIBUTES,
  META_NAMES,
  META_SELECTOR,
} from './index.ts';

function load(html: string, url = 'https://news.example/a') {
  const window = new Window({ url });
  window.document.write(html);
  return window.document as unknown as Document;
}

const page = (file: string) =>
  readFileSync(new URL(`../../test/fixtures/pages/${file}`, import.meta.url), 'utf8');

describe('extractArticle on the seed pages', () => {
  it('finds the article, its outlet, title and date, and leaves page furniture out', () => {
    const doc = load(page('koreaherald.test.html'), 'http://koreaherald.test/view.php?ud=1');
    const article = extractArticle(doc, 'http://koreaherald.test/view.php?ud=1');
    expect(article).not.toBeNull();
    expect(article!.outlet).toBe('The Korea Herald');
    expect(article!.title).toMatch(/^Evidence points to North Korea/);
    expect(article!.publishedAt).toBe('2024-10-21T05:01:00.000Z');
    const text = article!.blocks.map((b) => b.text).join('\n');
    expect(text).toContain('more than 11,000 North Korean soldiers would be ready to fight');
    for (const furniture of [
      'Politics',
      'Accept all cookies',
      'We use cookies',
      'Related stories',
      'reCAPTCHA',
      'Son Ji-Hyoung',
    ])
      expect(text).not.toContain(furniture);
    const caption = article!.blocks.find((b) => b.text.includes('PHOTO: YONHAP'));
    expect(caption?.kind).toBe('caption');
    expect(article!.blocks.find((b) => b.text.startsWith('Evidence points'))?.kind).toBe('heading');
  });

  it('falls back to the host name when the page has no site name', () => {
    const article = extractArticle(load(page('ukdailynews.test.html')), 'http://ukdailynews.test/news/x');
    expect(article?.outlet).toBe('ukdailynews.test');
  });
});

describe('non-articles', () => {
  it('returns null for a page without enough prose', () => {
    const doc = load(`<html><body><nav><a href="/">Home</a></nav><main><h1>Welcome</h1>
      <ul><li><a href="/a">Story one</a></li><li><a href="/b">Story two</a></li></ul>
      <p>Short teaser.</p></main></body></html>`);
    expect(extractArticle(doc, 'https://news.example/')).toBeNull();
  });

  /** A page whose article is the given paragraphs (of the given lengths), under a headline and a menu. */
  const withParagraphs = (...lengths: number[]) =>
    load(`<html><body><nav><a href="/">Home</a> <a href="/news">News</a></nav><main><h1>Headline</h1>
      ${lengths.map((n, i) => `<p>${sentences(n, i)}</p>`).join('\n')}</main></body></html>`);
  /** Prose of about `length` characters: sentences of about 60 each. */
  const sentences = (length: number, seed: number) =>
    Array.from(
      { length: Math.ceil(length / 60) },
      (_, k) => `Officials said ${seed * 100 + k} people came to the town hall meeting.`,
    ).join(' ');

  it("reads a short article: enough paragraphs, or a few long ones (Readability's reader-view measure)", () => {
    // Three paragraphs of prose, 500 characters or more.
    expect(extractArticle(withParagraphs(200, 200, 200), 'https://news.example/a')).not.toBeNull();
    // Two long paragraphs (a news brief), or one long block of text (a story laid out without <p>).
    expect(extractArticle(withParagraphs(300, 300), 'https://news.example/a')).not.toBeNull();
    expect(extractArticle(withParagraphs(700), 'https://news.example/a')).not.toBeNull();
  });

  /** A teaser: a linked headline (heading around the link or link around the heading) and a summary. */
  const teaser = (i: number) =>
    (i % 2 ? `<a href="/s/${i}"><h2>Story ${i}</h2></a>` : `<h3><a href="/s/${i}">Story ${i}</a></h3>`) +
    `<p>${sentences(130, i)}</p>`;

  it('returns null for a list of stories whose linked headlines carry summaries of prose', () => {
    const front = load(`<html><body><main><h1>World news</h1>
      ${Array.from({ length: 6 }, (_, i) => `<div class="card">${teaser(i)}</div>`).join('')}</main></body></html>`);
    expect(extractArticle(front, 'https://news.example/world')).toBeNull();
  });

  it('reads an article whose box of related stories has linked headlines and summaries', () => {
    const doc = load(`<html><body><main><h1>Headline</h1>
      ${Array.from({ length: 6 }, (_, i) => `<p>${sentences(200, i)}</p>`).join('')}
      <h2>Related</h2>${Array.from({ length: 3 }, (_, i) => teaser(10 + i)).join('')}</main></body></html>`);
    expect(extractArticle(doc, 'https://news.example/a')).not.toBeNull();
  });

  it.each([
    ['#id', ''],
    ['the page address in full', 'https://news.example/a'],
  ])('reads an article whose subheads link to themselves (permalinks written as %s)', (_, page) => {
    const doc = load(`<html><body><main><h1>Headline</h1>
      ${Array.from(
        { length: 5 },
        (_, i) => `<h2 id="s${i}"><a href="${page}#s${i}">Section ${i}</a></h2><p>${sentences(200, i)}</p>`,
      ).join('')}</main></body></html>`);
    expect(extractArticle(doc, 'https://news.example/a')).not.toBeNull();
  });

  it('returns null for a page with a paragraph or two of prose, but less than an article holds', () => {
    expect(extractArticle(withParagraphs(200, 200), 'https://news.example/a')).toBeNull();
    expect(extractArticle(withParagraphs(420), 'https://news.example/a')).toBeNull();
  });
});

describe('layout tables', () => {
  const prose = (seed: number, n = 5) =>
    Array.from(
      { length: n },
      (_, k) =>
        `The council said ${seed * 10 + k} homes were flooded in the storm on Tuesday. Repairs would take months, and the cost was not yet known, officials told reporters.`,
    ).join('<br><br>');
  const menu =
    '<a href="/news">News</a><br><a href="/sport">Sport</a><br><br><b>Weather</b><br>Showers by Thursday, with up to 2 inches of rain, forecasters said.';
  const read = (rows: string) =>
    extractArticle(load(`<html><body><table>${rows}</table></body></html>`), 'https://news.example/a')
      ?.blocks.map((b) => b.text)
      .join(' ') ?? '';

  it('reads the story cell of a row, not the menu column beside it', () => {
    const text = read(
      `<tr><td>${menu}</td><td>${prose(1)}</td></tr><tr><td colspan="2">© 2008 The Herald</td></tr>`,
    );
    expect(text).toContain('11 homes');
    expect(text).not.toContain('forecasters');
  });

  it('keeps the whole table when other rows hold text: a lead above the story, or a paragraph per row', () => {
    const lead =
      'The county approved the largest flood repair plan in its history on Tuesday, over the objection of one member.';
    const withLead = read(`<tr><td></td><td>${lead}</td></tr><tr><td>${menu}</td><td>${prose(1)}</td></tr>`);
    expect(withLead).toContain('largest flood repair plan');
    expect(withLead).toContain('11 homes');
    const perRow = read(
      `<tr><td>${menu}</td><td>${prose(1, 3)}</td></tr><tr><td></td><td>${prose(2, 3)}</td></tr>`,
    );
    expect(perRow).toContain('11 homes');
    expect(perRow).toContain('21 homes');
  });
});

describe('blocks and DOM positions', () => {
  const html = `<html><body><article>
    <p>First   paragraph with <b>bold</b> words and
       a line break in the source, long enough to count as prose for the check that decides whether this is an article.</p>
    <p>Second paragraph: Officials said 1,500 troops arrived on Tuesday, according to the ministry, in the east of the country, near the border.</p>
    <p>Third paragraph holds <span hidden>hidden text</span>visible words only, and enough of them to count as prose, said the editor of the test page on Monday.</p>
    <p>Fourth paragraph, so that the page carries as much prose as a short news article would: several sentences, a quote and a number or two.</p>
    <form><p>Inside a form: never article text, even when it is long enough to look like prose here.</p></form>
    <div contenteditable="true"><p>Editable text is the user's, not the article's, so it is left alone.</p></div>
    </article></body></html>`;

  it('collapses white space, skips hidden, form and editable content', () => {
    const article = extractDomArticle(load(html), 'https://news.example/a');
    expect(article).not.toBeNull();
    const texts = article!.blocks.map((b) => b.text);
    expect(texts[0]).toBe(
      'First paragraph with bold words and a line break in the source, long enough to count as prose for the check that decides whether this is an article.',
    );
    expect(texts[2]).toBe(
      'Third paragraph holds visible words only, and enough of them to count as prose, said the editor of the test page on Monday.',
    );
    expect(texts.join(' ')).not.toMatch(/hidden text|Inside a form|Editable text/);
  });

  it('maps block offsets back to the text nodes they came from', () => {
    const article = extractDomArticle(load(html), 'https://news.example/a')!;
    const block = article.blocks[0];
    const start = block.text.indexOf('bold');
    const a = domPosition(block, start, false)!;
    const b = domPosition(block, start + 4, true)!;
    expect(a.node.nodeValue).toBe('bold');
    expect(a.offset).toBe(0);
    expect(b.node.nodeValue!.slice(0, b.offset)).toBe('bold');
    const line = block.text.indexOf('a line break');
    const c = domPosition(block, line, false)!;
    expect(c.node.nodeValue!.slice(c.offset, c.offset + 12)).toBe('a line break');
  });
});

describe('the meta selector, written out', () => {
  it('names every meta name by every attribute', () => {
    expect(META_SELECTOR).toBe(
      META_NAMES.flatMap((n) => META_ATTRIBUTES.map((attr) => `meta[${attr}="${n}"]`)).join(','),
    );
  });
});

describe('the candidates of a very large page', () => {
  const cases = [
    ...readdirSync(new URL('../../test/fixtures/golden/', import.meta.url)).filter((d) => !d.includes('.')),
  ].map((d) => `golden/${d}/source.html`);
  const pages = ['pages/koreaherald.test.html', 'pages/kyivindependent.test.html', ...cases];
  const fixture = (file: string) =>
    readFileSync(new URL(`../../test/fixtures/${file}`, import.meta.url), 'utf8');

  it.each(pages)('are gathered in slices exactly as the two selector queries gather them: %s', (file) => {
    const doc = load(fixture(file));
    // A hand-made case of every kind the queries pick, beside the page's own.
    doc.body.insertAdjacentHTML(
      'beforeend',
      '<div itemprop="articleBody"><div>a<br>b</div><table><tr><td>c<br>d</td></tr></table></div>' +
        '<section role="main"><ul><li>e</li></ul><span><br></span><main><blockquote>f</blockquote><pre>g</pre></main></section>' +
        '<div>h <b>i</b></div><div> <p>j</p> </div><div><span>k</span></div><div> </div>' +
        '<table><tr><td>l <b>m</b></td><td><div>n</div></td></tr></table>',
    );
    for (const strict of [true, false]) {
      const queried = drain(candidateSteps(doc.body, strict));
      const walked = drain(candidateSteps(doc.body, strict, 0));
      expect(walked.paragraphs.length).toBeGreaterThan(3);
      expect([...Array.from(walked.paragraphs)]).toEqual([...Array.from(queried.paragraphs)]);
      expect([...walked.explicit]).toEqual([...queried.explicit]);
    }
  });

  it('yields while it walks, so no slice reads the whole page', () => {
    const doc = load(`<body>${'<p><b>x</b> y</p>'.repeat(1_000)}</body>`);
    const steps = candidateSteps(doc.body, true, 0);
    let yields = 0;
    for (let next = steps.next(); !next.done; next = steps.next()) yields++;
    expect(yields).toBeGreaterThanOrEqual(2_000 / 128 - 1);
  });
});
