import { Window } from 'happy-dom';
import { afterEach, expect, it, describe as suite } from 'vitest';
import {
  anchorRange,
  buildTextIndex,
  buildTextIndexChunked,
  describeRange,
  offsetsFromRange,
  rangeFromOffsets,
} from './dom-index.ts';

const windows: Window[] = [];
afterEach(async () => {
  for (const w of windows.splice(0)) await w.happyDOM.close();
});

function page(html: string): Document {
  const window = new Window();
  windows.push(window);
  window.document.body.innerHTML = html;
  return window.document as unknown as Document;
}

const ARTICLE = `
<h1>Troops <em>arrive</em></h1>
<script>var secret = "not text";</script>
<style>.x { color: red }</style>
<p id="p1">More than <b>10,000</b> soldiers are in Russia, officials said.</p>
<noscript>enable js</noscript>
<textarea>draft</textarea><input value="typed">
<div contenteditable="true">editable words</div>
<template><p>template words</p></template>
<p id="p2">The Kremlin called it a provocation.</p>`;

suite('buildTextIndex', () => {
  it('concatenates readable text nodes in order and skips code, forms, templates and editable regions', () => {
    const doc = page(ARTICLE);
    const index = buildTextIndex(doc.body);
    expect(index.text).not.toMatch(/secret|color|enable js|draft|typed|editable|template/);
    expect(index.text).toContain('Troops arrive');
    expect(index.text).toContain('More than 10,000 soldiers are in Russia, officials said.');
    for (let i = 0; i < index.nodes.length; i++) {
      expect(index.text.slice(index.starts[i], index.starts[i] + index.nodes[i].data.length)).toBe(
        index.nodes[i].data,
      );
    }
  });

  it('honours an extra skip rule and gives the same result in chunks', async () => {
    const doc = page(`${ARTICLE}<div id="claimlens-tooltip">tooltip text</div>`);
    const skip = (el: Element) => el.id === 'claimlens-tooltip';
    const whole = buildTextIndex(doc.body, { skip });
    expect(whole.text).not.toContain('tooltip');
    let yields = 0;
    const chunked = await buildTextIndexChunked(doc.body, {
      skip,
      budgetMs: 0,
      yieldToMain: async () => {
        yields++;
      },
    });
    expect(chunked.text).toBe(whole.text);
    expect(chunked.starts).toEqual(whole.starts);
    expect(yields).toBe(0); // fewer than 32 nodes: no chunk boundary reached
    const big = page('<p>x</p>'.repeat(600));
    const bigChunked = await buildTextIndexChunked(big.body, {
      budgetMs: 0,
      yieldToMain: async () => {
        yields++;
      },
    });
    expect(bigChunked.text).toBe('x'.repeat(600));
    // 600 <p> + 600 text nodes, a chunk boundary every 32 nodes visited.
    expect(yields).toBe(Math.floor(1200 / 32));
  });

  it('stops a chunked build when aborted', async () => {
    const doc = page('<p>x</p>'.repeat(600));
    const controller = new AbortController();
    const build = buildTextIndexChunked(doc.body, {
      budgetMs: 0,
      signal: controller.signal,
      yieldToMain: async () => controller.abort(),
    });
    await expect(build).rejects.toThrow();
  });
});

suite('offsets <-> ranges', () => {
  it('maps offsets across element boundaries to a range with the same text', () => {
    const doc = page(ARTICLE);
    const index = buildTextIndex(doc.body);
    const words = 'than 10,000 soldiers';
    const start = index.text.indexOf(words);
    const range = rangeFromOffsets(index, start, start + words.length)!;
    expect(range.toString()).toBe(words);
    expect(offsetsFromRange(index, range)).toEqual({ start, end: start + words.length });
  });

  it('converts a selection whose boundaries are elements or skipped nodes', () => {
    // Without the <template>: happy-dom's Range mis-orders boundary points across one (browsers don't).
    const doc = page(ARTICLE.replace(/<template>.*<\/template>/, ''));
    const index = buildTextIndex(doc.body);
    const p1 = doc.getElementById('p1')!;
    const p2 = doc.getElementById('p2')!;
    const range = doc.createRange();
    range.setStart(p1, 0);
    range.setEnd(p2, p2.childNodes.length);
    const offsets = offsetsFromRange(index, range)!;
    const text = index.text.slice(offsets.start, offsets.end);
    expect(text.startsWith('More than')).toBe(true);
    expect(text.endsWith('provocation.')).toBe(true);
    expect(text).not.toContain('secret');
    // A selection that starts inside a form field begins at the next page text.
    const fromField = doc.createRange();
    fromField.setStart(doc.querySelector('textarea')!.firstChild!, 2);
    fromField.setEnd(p2.firstChild!, 3);
    const o = offsetsFromRange(index, fromField)!;
    // Only the whitespace nodes between the field and the paragraph come before the selected word.
    expect(index.text.slice(o.start, o.end)).toMatch(/^\s*The$/);
  });

  it('returns null for selections that hold no page text and for bad offsets', () => {
    const doc = page(ARTICLE);
    const index = buildTextIndex(doc.body);
    const range = doc.createRange();
    const textarea = doc.querySelector('textarea')!;
    range.selectNodeContents(textarea);
    expect(offsetsFromRange(index, range)).toBeNull();
    expect(describeRange(index, range)).toBeNull();
    expect(rangeFromOffsets(index, 5, 2)).toBeNull();
    expect(rangeFromOffsets(index, 0, index.text.length + 1)).toBeNull();
  });
});

suite('anchorRange', () => {
  const words = 'officials said';
  it('re-anchors a selection after the page changed, and reports orphans', () => {
    const doc = page(ARTICLE);
    const index = buildTextIndex(doc.body);
    const start = index.text.indexOf(words);
    const selectors = describeRange(index, rangeFromOffsets(index, start, start + words.length)!)!;
    expect(anchorRange(index, selectors)?.method).toBe('position');

    const changed = page(`<p>An editor added this paragraph at the top.</p>${ARTICLE}`);
    const again = anchorRange(buildTextIndex(changed.body), selectors)!;
    expect(again.method).toBe('quote');
    expect(again.range.toString()).toBe(words);

    const removed = page(ARTICLE.replace(/<p id="p1">.*<\/p>/, ''));
    expect(anchorRange(buildTextIndex(removed.body), selectors)).toBeNull();
  });
});
