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
  it('prints its usage and exits 0 on --help, and 2 with the usage on an unknown option', async () => {
    const help = await run(['analyze', '--help']);
    expect(help.code).toBe(0);
    expect(help.out).toMatch(/^Usage: claimlens analyze FILE\|DIR/);
    expect(help.err).toBe('');
    const bad = await run(['analyze', SEEDS, '--colour']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('unknown option --colour');
    expect(bad.err).toContain('Usage: claimlens analyze');
  });

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
    const texts = new Map<string, string>(articles.map((a: { id: string; text: string }) => [a.id, a.text]));
    // The five articles tell one story.
    expect(new Set(articles.map((a: { storyId: string }) => a.storyId)).size).toBe(1);
    let links = 0;
    for (const a of articles) {
      expect(Object.keys(a).filter((k) => k !== 'copyOf')).toEqual([
        'id',
        'source',
        'outlet',
        'storyId',
        'debunk',
        'side',
        'title',
        'text',
        'claims',
      ]);
      expect(a.outlet).toBe(
        a.source
          .split('/')
          .pop()
          .replace(/\.txt$/, ''),
      );
      expect(a.claims.length).toBeGreaterThan(3);
      for (const c of a.claims) {
        expect(a.text.slice(c.start, c.end)).toBe(c.text);
        // The default threshold's bar: a quarter of it for a statement with a figure or a named
        // source, or one that other outlets speak to (listed, not highlighted).
        expect(c.score).toBeGreaterThanOrEqual(evidenceThreshold(DEFAULT_CLAIM_THRESHOLD));
        if (!c.highlighted) expect(c.links.length).toBeGreaterThan(0);
        for (const l of c.links) {
          expect(texts.has(l.articleId) && l.articleId !== a.id).toBe(true);
          // The quote is the other outlet's sentence as written (a claim of its own or not).
          expect(l.claimId.startsWith(`${l.articleId}:`)).toBe(true);
          expect(texts.get(l.articleId)).toContain(l.quote);
          expect(['confirms', 'disputes', 'unclear']).toContain(l.stance);
          expect(['same-fact', 'numbers', 'denial', 'debunk', 'cannot-confirm']).toContain(l.basis);
          links++;
        }
      }
    }
    expect(links).toBeGreaterThan(10);
    // The syndicated rewrite (001 retells 000 sentence by sentence) is a copy; no other article is.
    const name = (id: string) =>
      articles
        .find((a: { id: string }) => a.id === id)
        ?.source.split('/')
        .pop();
    expect(
      articles
        .filter((a: { copyOf?: string }) => a.copyOf)
        .map((a: { source: string; copyOf: string }) => [a.source.split('/').pop(), name(a.copyOf)]),
    ).toEqual([['001_4ae69956510b4b29.txt', '000_799c6ea46024f210.txt']]);
    // The Korea Herald's "more than 11,000": four outlets, one independent source (Budanov).
    const herald = articles[4].claims.find((c: { text: string }) => c.text.includes('more than 11,000'));
    expect(
      herald.links
        .filter((l: { stance: string; origin?: string }) => l.stance === 'confirms')
        .map((l: { origin?: string }) => l.origin),
    ).toEqual(expect.arrayContaining([expect.stringMatching(/Budanov/)]));
    expect(herald.independentSources).toHaveLength(1);
    expect(herald.independentSources[0]).toMatchObject({
      name: 'Kyrylo Budanov',
      copies: ['001_4ae69956510b4b29'],
    });
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

  it('says in the readable summary which article is a copy, and how many independent sources confirm', async () => {
    const { code, out } = await run([
      'analyze',
      ...['000_799c6ea46024f210.txt', '001_4ae69956510b4b29.txt', '003_cb7a90445ccd350e.txt'].map((f) =>
        join(SEEDS, f),
      ),
      '--outlets',
      join(import.meta.dirname, 'fixtures/outlets-map.json'),
    ]);
    expect(code).toBe(0);
    expect(out).toMatch(/^001_4ae69956510b4b29 — .*\(a copy of The Kyiv Independent\)$/m);
    // A claim of the UK site confirmed by The Kyiv Independent and by its copy: one source, carried twice.
    expect(out).toMatch(/^ {6}2 outlets confirm, 1 independent: .*copy: 001_4ae69956510b4b29/m);
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

describe('claimlens analyze: one reader of bounds', () => {
  it('flags "no more than 50" and "at most 50" against another outlet\'s 60 as conflicting numbers', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'claimlens-bounds-'));
    const text = (count: string) =>
      `Casualties at the Bakhmut depot\n${count} Ukrainian soldiers were killed in the missile attack on the Bakhmut ammunition depot on Tuesday, the regional governor said.\n`;
    writeFileSync(join(dir, 'a-outlet.txt'), text('No more than 50'));
    writeFileSync(join(dir, 'b-outlet.txt'), text('At most 50'));
    writeFileSync(join(dir, 'c-outlet.txt'), text('Sixty'));
    writeFileSync(join(dir, 'd-outlet.txt'), text('60'));
    const { code, out } = await run(['analyze', dir, '--json', '--threshold', '0']);
    expect(code).toBe(0);
    const { articles } = JSON.parse(out);
    const byOutlet = new Map(articles.map((a: { outlet: string }) => [a.outlet, a]));
    const sixty = (byOutlet.get('d-outlet') as { id: string }).id;
    for (const outlet of ['a-outlet', 'b-outlet']) {
      const claim = (byOutlet.get(outlet) as { claims: { text: string; links: unknown[] }[] }).claims.find(
        (c) => c.text.includes('50'),
      );
      expect(claim?.links).toContainEqual(
        expect.objectContaining({ articleId: sixty, stance: 'disputes', basis: 'numbers' }),
      );
    }
  });
});
