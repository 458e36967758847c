/**
 * `claimlens analyze` on feeds: each item an article of the feed's outlet; a malformed feed is an error
 * naming the file while the other inputs are still analysed; an unknown file type is refused by name.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FOLLOWED, feedDocument, seedItem, seedPage } from '../../test/support/feeds.ts';
import { main } from './main.ts';

async function run(args: string[]) {
  let out = '';
  let err = '';
  const code = await main(args, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

function feedFiles(): string {
  const dir = mkdtempSync(join(tmpdir(), 'claimlens-feeds-'));
  const ext = { rss: 'rss', 'rss-links': 'xml', atom: 'atom', json: 'json' } as const;
  for (const f of FOLLOWED) {
    const page = seedPage(f.outlet);
    // Link-only items carry their summary alone: the CLI never fetches a page.
    const format = f.format === 'rss-links' ? 'rss' : f.format;
    const doc = feedDocument(format, f.outlet, `https://${page.host}/`, [
      seedItem(page, `https://${page.host}${page.path}`, true),
    ]);
    writeFileSync(join(dir, `${page.host}.${ext[f.format]}`), doc);
  }
  return dir;
}

describe('claimlens analyze with feeds', () => {
  it('reads .rss, .atom, .xml and .json feeds, each item an article of the feed’s outlet, linked across outlets', async () => {
    const dir = feedFiles();
    const { code, out, err } = await run(['analyze', dir, '--json']);
    expect(err).toBe('');
    expect(code).toBe(0);
    const { articles } = JSON.parse(out);
    expect(articles.map((a: { outlet: string }) => a.outlet).sort()).toEqual(
      FOLLOWED.map((f) => f.outlet).sort(),
    );
    for (const a of articles) expect(a.source).toMatch(/\.(rss|atom|xml|json)#item-1$/);
    const outletOf = new Map(articles.map((a: { id: string; outlet: string }) => [a.id, a.outlet]));
    const linked = new Set<string>();
    for (const a of articles)
      for (const c of a.claims)
        for (const l of c.links)
          if (l.stance === 'confirms') linked.add(`${a.outlet}>${outletOf.get(l.articleId)}`);
    expect(linked.size).toBeGreaterThanOrEqual(2);
  });

  it('names a malformed feed, still analyses the other inputs, and exits non-zero', async () => {
    const dir = feedFiles();
    const bad = join(dir, 'broken.xml');
    writeFileSync(bad, '<rss version="2.0"><channel><title>x</title><item><title>a</item></channel></rss>');
    const { code, out, err } = await run(['analyze', dir, '--json']);
    expect(code).toBe(1);
    expect(err).toMatch(
      new RegExp(`${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: malformed XML at line 1, column \\d+`),
    );
    expect(JSON.parse(out).articles).toHaveLength(4);
  });

  it('refuses an unknown file type by name, and lists files of other types found in a directory', async () => {
    const dir = feedFiles();
    const pdf = join(dir, 'report.pdf');
    writeFileSync(pdf, '%PDF');
    const named = await run(['analyze', pdf, join(dir, 'kyivindependent.test.rss'), '--json']);
    expect(named.code).toBe(1);
    expect(named.err).toContain(
      `${pdf}: unknown file type (.pdf); analyze reads .txt, .html, .htm, .rss, .atom, .xml or .json files`,
    );
    expect(JSON.parse(named.out).articles).toHaveLength(1);
    const scanned = await run(['analyze', dir, '--json']);
    expect(scanned.code).toBe(0);
    expect(scanned.err).toContain(
      `${pdf}: skipped, not a .txt, .html, .htm, .rss, .atom, .xml or .json file`,
    );
  });

  it('names the feed of an item with no text', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'claimlens-feeds-'));
    writeFileSync(
      join(dir, 'empty.rss'),
      '<rss version="2.0"><channel><title>Empty</title><item><title>Nothing</title><link>https://e.test/1</link></item></channel></rss>',
    );
    const { code, err } = await run(['analyze', dir]);
    expect(code).toBe(1);
    expect(err).toContain('empty.rss: item 1 (“Nothing”) has no text, skipped');
  });
});
