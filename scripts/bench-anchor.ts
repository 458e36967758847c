/**
 * Measures the anchoring core on a large synthetic page (happy-dom; real browsers are faster):
 * text-index build (whole and chunked: longest single chunk), offsets <-> Range, and re-anchoring
 * by position / quote / fuzzy / orphan. Prints medians.  Run: npx tsx scripts/bench-anchor.ts [paragraphs]
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { Window } from 'happy-dom';
import { chromium as playwright } from 'playwright-core';
import {
  buildTextIndex,
  buildTextIndexChunked,
  offsetsFromRange,
  rangeFromOffsets,
} from '../src/anchor/dom-index.ts';
import { anchor, describe } from '../src/anchor/text-anchor.ts';

const PARAGRAPHS = Number(process.argv[2] ?? 5000);
const RUNS = 5;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1];
}

function time<T>(fn: () => T): [T, number] {
  const t = performance.now();
  const out = fn();
  return [out, performance.now() - t];
}

const window = new Window();
const doc = window.document as unknown as Document;
const parts: string[] = [];
for (let i = 0; i < PARAGRAPHS; i++) {
  parts.push(
    `<p>Paragraph ${i}: officials said <b>${i * 7} troops</b> moved near <a href="#">town ${i}</a>, ` +
      `according to <em>reports</em> from outlet ${i % 13}.<script>var x${i}=1;</script></p>`,
  );
}
doc.body.innerHTML = parts.join('\n');

const builds: number[] = [];
let index = buildTextIndex(doc.body);
for (let r = 0; r < RUNS; r++) {
  const [idx, ms] = time(() => buildTextIndex(doc.body));
  index = idx;
  builds.push(ms);
}
console.log(
  `page: ${PARAGRAPHS} paragraphs, ${index.nodes.length} text nodes, ${index.text.length} characters`,
);
console.log(`buildTextIndex: median ${median(builds).toFixed(1)} ms`);

let longest = 0;
let chunks = 0;
let last = performance.now();
const t0 = performance.now();
await buildTextIndexChunked(doc.body, {
  budgetMs: 8,
  yieldToMain: async () => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    chunks++;
    await new Promise((r) => setTimeout(r, 0));
    last = performance.now();
  },
});
longest = Math.max(longest, performance.now() - last);
console.log(
  `buildTextIndexChunked: ${chunks + 1} chunks, longest ${longest.toFixed(1)} ms, total ${(performance.now() - t0).toFixed(0)} ms`,
);

const target = index.text.indexOf(`${Math.floor(PARAGRAPHS * 0.8) * 7} troops moved near town`);
const words = index.text.slice(target, target + 60);
const selectors = describe(index.text, target, target + 60);
const conv: number[] = [];
for (let r = 0; r < RUNS; r++) {
  conv.push(time(() => offsetsFromRange(index, rangeFromOffsets(index, target, target + 60)!))[1]);
}
console.log(`rangeFromOffsets + offsetsFromRange: median ${median(conv).toFixed(2)} ms`);

const shifted = `An inserted opening paragraph. ${index.text}`;
const typo = shifted.replace(words, words.replace('troops', 'troop'));
const removed = index.text.replace(words, '');
for (const [name, text] of [
  ['position', index.text],
  ['quote', shifted],
  ['fuzzy', typo],
  ['orphan', removed],
] as const) {
  const ms: number[] = [];
  let method = '';
  for (let r = 0; r < RUNS; r++) {
    const [res, t] = time(() => anchor(text, selectors));
    ms.push(t);
    method = res?.method ?? 'null';
  }
  console.log(`anchor (${name}): median ${median(ms).toFixed(2)} ms -> ${method}`);
}
await window.happyDOM.close();

// ---- Real Chromium (when available): the same module bundled and run in a page. ----
const chromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((p) =>
  existsSync(p),
);
if (!chromium) {
  console.log('chromium not found: skipping the browser measurement');
} else {
  const bundle = await build({
    entryPoints: [fileURLToPath(new URL('../src/anchor/dom-index.ts', import.meta.url))],
    bundle: true,
    format: 'iife',
    globalName: 'ClaimLensAnchor',
    write: false,
  });
  const browser = await playwright.launch({ executablePath: chromium, args: ['--no-sandbox'] });
  const page = await browser.newPage();
  await page.setContent(`<html><body>${parts.join('\n')}</body></html>`);
  await page.addScriptTag({ content: bundle.outputFiles[0].text });
  // Passed as source text: tsx's transform would otherwise inject helpers the page does not have.
  const result = (await page.evaluate(`(async (runs) => {
    const A = globalThis.ClaimLensAnchor;
    const med = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
    const builds = [];
    let idx = A.buildTextIndex(document.body);
    for (let r = 0; r < runs; r++) {
      const t = performance.now();
      idx = A.buildTextIndex(document.body);
      builds.push(performance.now() - t);
    }
    let longest = 0;
    let chunks = 1;
    let last = performance.now();
    await A.buildTextIndexChunked(document.body, {
      budgetMs: 8,
      yieldToMain: async () => {
        longest = Math.max(longest, performance.now() - last);
        chunks++;
        await new Promise((r) => setTimeout(r, 0));
        last = performance.now();
      },
    });
    longest = Math.max(longest, performance.now() - last);
    const conv = [];
    const at = Math.floor(idx.text.length * 0.8);
    const t0 = performance.now();
    A.offsetsFromRange(idx, A.rangeFromOffsets(idx, at, at + 60));
    const first = performance.now() - t0;
    for (let r = 0; r < runs; r++) {
      const t = performance.now();
      A.offsetsFromRange(idx, A.rangeFromOffsets(idx, at, at + 60));
      conv.push(performance.now() - t);
    }
    return { nodes: idx.nodes.length, build: med(builds), chunks, longest, first, conv: med(conv) };
  })(${RUNS})`)) as {
    nodes: number;
    build: number;
    chunks: number;
    longest: number;
    first: number;
    conv: number;
  };
  console.log(
    `chromium: ${result.nodes} text nodes; buildTextIndex median ${result.build.toFixed(1)} ms; ` +
      `chunked ${result.chunks} chunks, longest ${result.longest.toFixed(1)} ms; ` +
      `offsets<->Range first call ${result.first.toFixed(1)} ms (builds the node map), then median ${result.conv.toFixed(3)} ms`,
  );
  await browser.close();
}
