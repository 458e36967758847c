import fc from 'fast-check';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import {
  BLOCK_KIND,
  BLOCK_SELECTOR,
  BLOCK_TAGS,
  blockMap,
  CHECK_EXTRA,
  CHECK_SELECTOR,
  collectBlocks,
  domPosition,
  isSkipped,
  SKIP_TAGS,
} from './blocks.ts';
import { extractDomArticle, extractDomArticleSteps } from './index.ts';
import { runSliced } from './slices.ts';

function documentOf(html: string): Document {
  const window = new Window({ url: 'https://news.example/a' });
  window.document.write(html);
  return window.document as unknown as Document;
}

const PROSE =
  'The ministry said on Monday that 1,500 soldiers had arrived at the base, according to officials who spoke to reporters.';

describe('collectBlocks', () => {
  it('keeps the page structure: no text from form fields, editable regions, scripts, styles or hidden nodes', () => {
    const doc = documentOf(`<body><article>
      <p>${PROSE}</p>
      <p>Before <input value="typed 42 words"> <textarea>draft 7 claims</textarea> after.</p>
      <div contenteditable="true"><p>Editable 300 troops paragraph.</p></div>
      <div contenteditable="false"><p>Not editable 12 ships.</p></div>
      <script>var secret = "script 99 text";</script><style>p { color: red }</style>
      <p hidden>Hidden 5 tanks.</p><p style="display:none">None 6 jets.</p><p aria-hidden="true">Aria 7 drones.</p>
      <form><p>Form 8 fields.</p></form>
      <p>One<br>Two <b>bold</b>   spaced</p>
    </article></body>`);
    const blocks = collectBlocks(doc.querySelector('article') as Element);
    const texts = blocks.map((b) => b.text);
    expect(texts).toEqual([PROSE, 'Before after.', 'Not editable 12 ships.', 'One', 'Two bold spaced']);
  });

  it('collapses white space as the page renders it and maps every character back to the same one in the DOM', () => {
    const word = fc.stringMatching(/^[A-Za-z0-9,.]{1,8}$/);
    const space = fc.constantFrom(' ', '  ', '\n', ' \t ', '');
    const inline = fc.tuple(space, word, space, fc.constantFrom('b', 'i', 'span', 'a', ''), space);
    fc.assert(
      fc.property(
        fc.array(fc.array(inline, { minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 4 }),
        (paragraphs) => {
          const inner = paragraphs.map((parts) =>
            parts
              .map(([a, w, b, tag, c]) => (tag ? `${a}<${tag}>${w}${b}</${tag}>${c}` : `${a}${w}${b}${c}`))
              .join(''),
          );
          // Each paragraph twice: as it is (read whole) and with a line break at its end, which makes
          // the walk read it node by node. Both ways must give the same text and the same map.
          const html = inner.map((p) => `<p>${p}</p><p>${p}<br></p>`).join('');
          const doc = documentOf(`<body><div id="root">${html}</div></body>`);
          const blocks = collectBlocks(doc.getElementById('root') as Element);
          for (let k = 0; k < blocks.length; k += 2) {
            const [whole, walked] = [blocks[k], blocks[k + 1]];
            expect(whole.map).toBeUndefined();
            expect(walked.map).toBeTruthy();
            expect(walked.text).toBe(whole.text);
          }
          for (const block of blocks) {
            // The text is the block's text as the page renders it: every run of white space one space.
            expect(block.text).toBe(
              (block.element.textContent ?? '').replace(/[ \n\t\r\f]+/g, ' ').replace(/^ | $/g, ''),
            );
            for (let i = 0; i < block.text.length; i++) {
              if (block.text[i] === ' ') continue;
              const start = domPosition(block, i, false)!;
              expect(start.node.nodeValue?.[start.offset]).toBe(block.text[i]);
              const end = domPosition(block, i + 1, true)!;
              expect(end.node.nodeValue?.[end.offset - 1]).toBe(block.text[i]);
            }
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('reads a block whole past skipped elements that hold no text, and walks it when one holds text', () => {
    const doc = documentOf(
      `<body><div id="root"><p>An <img src="x.png" alt="chart">image and <span hidden></span>a gap.</p>` +
        `<p>A <span hidden>secret</span>hidden <b>word</b>.</p></div></body>`,
    );
    const [image, hidden] = collectBlocks(doc.getElementById('root') as Element);
    expect(image.text).toBe('An image and a gap.');
    expect(image.map).toBeUndefined();
    expect(blockMap(image)?.nodes.map((n) => n.nodeValue)).toEqual(['An ', 'image and ', 'a gap.']);
    expect(hidden.text).toBe('A hidden word.');
    expect(hidden.map?.nodes.map((n) => n.nodeValue)).toEqual(['A ', 'hidden ', 'word', '.']);
  });

  it('knows page furniture by its class or id words in any case, unless they also say content', () => {
    const doc = documentOf(
      `<body><div class="Related-Stories"></div><div id="SIDEBAR_left"></div><div class="share\tbar"></div>` +
        `<div class="sidebar-right-mix Content-Column"></div><div class="shared-story"></div><div class="adsense"></div>` +
        `<aside class="main"></aside></body>`,
    );
    expect([...doc.body.children].map((el) => isSkipped(el))).toEqual([
      true,
      true,
      true,
      false,
      false,
      false,
      true,
    ]);
  });

  it('walks a paragraph that a script gave a block of its own as a container', () => {
    const doc = documentOf(`<body><div id="root"><p>Lead <b>in</b></p></div></body>`);
    const p = doc.querySelector('p') as Element;
    const inner = doc.createElement('div');
    inner.textContent = 'Inner 12 words.';
    p.appendChild(inner);
    expect(collectBlocks(doc.getElementById('root') as Element).map((b) => [b.kind, b.text])).toEqual([
      ['paragraph', 'Lead in'],
      ['paragraph', 'Inner 12 words.'],
    ]);
  });

  it('maps a block read whole only when asked, and not at all once the page has changed its text', () => {
    const doc = documentOf(
      `<body><div id="root"><p>First <b>12</b> words.</p><p>Second <i>34</i> words.</p></div></body>`,
    );
    const [first, second] = collectBlocks(doc.getElementById('root') as Element);
    expect(first.map).toBeUndefined();
    expect(blockMap(first)?.nodes.map((n) => n.nodeValue)).toEqual(['First ', '12', ' words.']);
    (second.element.querySelector('i') as Element).textContent = '35';
    expect(blockMap(second)).toBeNull();
    expect(domPosition(second, 0, false)).toBeNull();
  });
});

describe('extractDomArticle', () => {
  const page = `<html><head><meta property="og:site_name" content="Example News"></head><body>
    <nav><p>Home, World, Politics, Business, Opinion, Sport, Culture and many more sections</p></nav>
    <article><h1>Troops arrive</h1>${`<p>${PROSE}</p>`.repeat(6)}</article>
    <footer><p>Copyright and contact details, terms of use, privacy policy, cookie settings</p></footer></body></html>`;

  it('finds the article and skips the page furniture', () => {
    const article = extractDomArticle(documentOf(page), 'https://news.example/a');
    expect(article?.input.outlet).toBe('Example News');
    expect(article?.input.blocks.map((b) => b.kind)).toEqual(['heading', ...Array(6).fill('paragraph')]);
    expect(article?.root.tagName).toBe('ARTICLE');
  });

  it('gives the same result in slices as in one go', async () => {
    const doc = documentOf(
      page.replace('</article>', `${`<p>${PROSE} <b>bold</b></p>`.repeat(200)}</article>`),
    );
    const once = extractDomArticle(doc, 'https://news.example/a');
    let pauses = 0;
    const sliced = await runSliced(extractDomArticleSteps(doc, 'https://news.example/a'), {
      budgetMs: 0,
      pause: async () => void pauses++,
    });
    expect(sliced?.input).toEqual(once?.input);
    expect(pauses).toBeGreaterThan(0);
  });

  it('is not an article when there is too little prose', () => {
    const doc = documentOf(`<body><p>${PROSE}</p><ul><li>Link one</li><li>Link two</li></ul></body>`);
    expect(extractDomArticle(doc, 'https://news.example/a')).toBeNull();
  });
});

describe('selectors written out', () => {
  it('are the ones the tag tables make', () => {
    expect(BLOCK_SELECTOR).toBe([...Object.keys(BLOCK_KIND), ...BLOCK_TAGS].join(','));
    expect(CHECK_SELECTOR).toBe([...SKIP_TAGS, ...CHECK_EXTRA].join(','));
  });
});
