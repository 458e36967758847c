import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkAnnotationDocument } from '../annotations/validate.ts';
import { DEFAULT_CLAIM_THRESHOLD, evidenceThreshold } from '../model/sentence.ts';
import { main } from './main.ts';

const SEEDS = join(import.meta.dirname, '../../test/fixtures/seeds');

async function run(args: string[]) {
  let out = '';
  let err = '';
  const code = await main(args, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

describe('claimlens analyze', () => {
  it('writes the analysed corpus in the annotation format with --export', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'claimlens-export-')), 'corpus.json');
    const { code, out, err } = await run(['analyze', SEEDS, '--json', '--export', file]);
    expect(code).toBe(0);
    const claims = JSON.parse(out).articles.flatMap((a: { claims: { text: string }[] }) => a.claims);
    const doc = JSON.parse(readFileSync(file, 'utf8'));
    expect(checkAnnotationDocument(doc)).toBeNull();
    expect(doc.total).toBe(claims.length);
    expect(err).toContain(`wrote ${claims.length} claims to ${file}`);
    const items = doc.first.items as {
      target: { selector: { type: string; exact?: string }[] };
      'cl:links'?: unknown[];
    }[];
    const quotes = items.map((i) => i.target.selector.find((s) => s.type === 'TextQuoteSelector')?.exact);
    expect(quotes.sort()).toEqual(claims.map((c: { text: string }) => c.text).sort());
    expect(items.some((i) => (i['cl:links'] ?? []).length > 0)).toBe(true);
    expect((await run(['validate', file])).code).toBe(0);
  });

  it('prints one JSON document with claims linked across the seed files', async () => {
    const { code, out } = await run(['analyze', SEEDS, '--json']);
    expect(code).toBe(0);
    const { articles } = JSON.parse(out);
    expect(articles).toHaveLength(5);
    const ids = new Set(articles.map((a: { id: string }) => a.id));
    const claimIds = new Set(
      articles.flatMap((a: { claims: { id: string }[] }) => a.claims.map((c) => c.id)),
    );
    let links = 0;
    for (const a of articles) {
      expect(Object.keys(a)).toEqual(['id', 'source', 'outlet', 'title', 'text', 'claims']);
      expect(a.outlet).toBe(
        a.source
          .split('/')
          .pop()
          .replace(/\.txt$/, ''),
      );
      expect(a.claims.length).toBeGreaterThan(3);
      for (const c of a.claims) {
        expect(a.text.slice(c.start, c.end)).toBe(c.text);
        // The default threshold's bar: half of it for a statement with a figure or a named source.
        expect(c.score).toBeGreaterThanOrEqual(evidenceThreshold(DEFAULT_CLAIM_THRESHOLD));
        for (const l of c.links) {
          expect(ids.has(l.articleId) && l.articleId !== a.id).toBe(true);
          expect(claimIds.has(l.claimId)).toBe(true);
          expect(['confirms', 'disputes', 'unclear']).toContain(l.stance);
          links++;
        }
      }
    }
    expect(links).toBeGreaterThan(10);
  });

  it('uses an outlet map, a threshold and prints a readable summary', async () => {
    const { code, out } = await run([
      'analyze',
      join(SEEDS, '000_799c6ea46024f210.txt'),
      join(SEEDS, '003_cb7a90445ccd350e.txt'),
      '--threshold',
      '0.6',
      '--outlets',
      join(import.meta.dirname, 'fixtures/outlets-map.json'),
    ]);
    expect(code).toBe(0);
    expect(out).toContain('The Kyiv Independent — ');
    expect(out).toContain("Kyrylo Budanov (Ukraine's military intelligence chief) said:");
    // The threshold's bar: the threshold itself, or a quarter of it for a figure or a named source.
    const scores = [...out.matchAll(/\[(\d\.\d\d)\]/g)].map((m) => Number(m[1]));
    expect(scores.length).toBeGreaterThan(0);
    for (const s of scores) expect(s).toBeGreaterThanOrEqual(evidenceThreshold(0.6) - 0.005);
    // And fewer claims than at the default setting.
    const byDefault = await run([
      'analyze',
      join(SEEDS, '000_799c6ea46024f210.txt'),
      join(SEEDS, '003_cb7a90445ccd350e.txt'),
    ]);
    expect(scores.length).toBeLessThan([...byDefault.out.matchAll(/\[(\d\.\d\d)\]/g)].length);
  });

  it('reads .html pages through the article extractor, with the site name as outlet', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'claimlens-cli-'));
    const paragraphs = [
      'Ukraine’s military intelligence chief Kyrylo Budanov said that close to 11,000 North Korean troops are in Russia.',
      'The first group of 2,600 soldiers will be deployed to the Kursk region by Nov. 1, he said on Friday.',
      'Pentagon spokesperson Pat Ryder said he could not confirm whether North Korean forces have gone to Russia.',
      'The footage shows men in military uniforms standing in line to get their equipment at a camp in the east.',
      'South Korea’s National Intelligence Service said at least 1,500 troops were shipped on seven Russian naval vessels.',
      'The agency also claimed that over 8 million units of ammunition had been shipped to Russia since August 2023.',
      'NATO Secretary General Mark Rutte said the alliance had no evidence that North Korean soldiers were fighting.',
      'Analysts said the deployment would mark the first major intervention by Pyongyang in an international conflict.',
    ];
    writeFileSync(
      join(dir, 'page.html'),
      `<!doctype html><html><head><title>Troops in Russia</title><meta property="og:site_name" content="Example Times">
      <link rel="canonical" href="https://example.test/news/troops"></head><body><header>Menu</header>
      <article><h1>North Korean troops in Russia</h1>${paragraphs.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`,
    );
    writeFileSync(
      join(dir, 'other.txt'),
      'Troops\nBudanov said nearly 11,000 North Korean troops are currently stationed in Russia.\n',
    );
    const { code, out, err } = await run(['analyze', dir, '--json']);
    expect(err).toBe('');
    expect(code).toBe(0);
    const { articles } = JSON.parse(out);
    const page = articles.find((a: { outlet: string }) => a.outlet === 'Example Times');
    expect(page.title).toContain('North Korean troops');
    expect(page.claims.map((c: { text: string }) => c.text)).toContain(paragraphs[0]);
  });

  it('reports usage errors', async () => {
    expect((await run(['analyze'])).code).toBe(2);
    expect((await run(['frobnicate'])).code).toBe(2);
    expect((await run(['analyze', '/nonexistent/dir'])).code).toBe(1);
  });
});
