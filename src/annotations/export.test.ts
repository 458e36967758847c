import { afterEach, describe, expect, it } from 'vitest';
import { describe as describeSpan } from '../anchor/text-anchor.ts';
import { claimAnnotationId } from '../model/annotation.ts';
import { selectAnnotations } from '../store/annotations.ts';
import type { ClaimLensDB } from '../store/db.ts';
import { exportAnnotations, exportCorpus, exportFileName, serializeAnnotationDocument } from './export.ts';
import { parseAnnotationFile } from './import.ts';
import { openTestDb, sampleRecord } from './test-support.ts';

const dbs: ClaimLensDB[] = [];
afterEach(async () => {
  for (const d of dbs.splice(0)) await d.delete();
});
function db() {
  const d = openTestDb();
  dbs.push(d);
  return d;
}

describe('exportAnnotations', () => {
  it('exports one page, a tag, or a custom filter, oldest first', async () => {
    const store = db();
    const records = Array.from({ length: 14 }, (_, i) => sampleRecord(i));
    await store.annotations.bulkPut(records);
    const page = await selectAnnotations(store, { url: 'https://news.example/3/troops' });
    expect(page.map((r) => r.id)).toEqual([records[3].id, records[10].id]);
    const tagged = await selectAnnotations(store, { tag: 'tag-1', outlet: 'Outlet 1' });
    expect(tagged.map((r) => r.id)).toEqual([records[1].id]);
    const custom = await selectAnnotations(store, { test: (r) => r.verdict === 'false' });
    expect(custom.map((r) => r.id)).toEqual([records[2].id, records[7].id, records[12].id]);
    const all = await exportAnnotations(store, undefined, { generated: new Date('2024-10-25T00:00:00Z') });
    expect(all.total).toBe(14);
    expect(all.generated).toBe('2024-10-25T00:00:00.000Z');
    expect(all['@context'][0]).toBe('http://www.w3.org/ns/anno.jsonld');
    const created = all.first.items.map((a) => a.created);
    expect([...created].sort()).toEqual(created);
  });

  it('writes tags, note and verdict as tagging, commenting and assessing bodies', async () => {
    const store = db();
    await store.annotations.put(sampleRecord(2));
    const [a] = (await exportAnnotations(store)).first.items;
    expect(a.body).toEqual([
      { type: 'TextualBody', purpose: 'tagging', value: 'tag-2' },
      { type: 'TextualBody', purpose: 'tagging', value: 'troops' },
      { type: 'TextualBody', purpose: 'commenting', value: 'note 2', format: 'text/plain' },
      { type: 'TextualBody', purpose: 'assessing', value: 'false' },
    ]);
    expect(a.target.source).toBe('https://news.example/2/troops');
    expect(a['cl:links']?.[0]['cl:stance']).toBe('disputes');
  });

  it('names files by local date', () => {
    expect(exportFileName(new Date(2024, 0, 5, 23, 59))).toBe('claimlens-annotations-2024-01-05.json');
  });
});

describe('exportCorpus', () => {
  it('exports stored claims above the threshold with their links, in the same valid format', async () => {
    const store = db();
    const textA = 'Headline\n\nAbout 10,000 troops 🪖 are in Russia, officials said. The weather was fine.';
    const textB = 'Other\n\nSome 12,000 troops are in Russia, a spy agency claimed.';
    const sa = textA.indexOf('About');
    const sb = textB.indexOf('Some');
    const base = { dates: [], entities: [], hedges: [], terms: [] };
    await store.articles.bulkPut([
      {
        id: 'aA',
        url: 'https://a.example/x',
        outlet: 'A',
        title: 'A title',
        text: textA,
        blocks: [],
        firstReadAt: 1e12,
        readAt: 1.1e12,
      },
      {
        id: 'aB',
        url: 'https://b.example/y',
        outlet: 'B',
        title: 'B title',
        text: textB,
        blocks: [],
        firstReadAt: 1e12,
        readAt: 1e12,
      },
    ]);
    const claimA = 'About 10,000 troops 🪖 are in Russia, officials said.';
    const claimB = 'Some 12,000 troops are in Russia, a spy agency claimed.';
    await store.sentences.bulkPut([
      {
        ...base,
        id: 'aA:1',
        articleId: 'aA',
        outlet: 'A',
        index: 1,
        text: claimA,
        start: sa,
        end: sa + claimA.length,
        score: 0.9,
        attribution: { source: 'officials', verb: 'said' },
        numbers: [
          { raw: 'About 10,000', value: 10000, unit: 'troops', qualifier: 'approx', start: 0, end: 12 },
        ],
      },
      {
        ...base,
        id: 'aA:2',
        articleId: 'aA',
        outlet: 'A',
        index: 2,
        text: 'The weather was fine.',
        start: 0,
        end: 5,
        score: 0.1,
        attribution: null,
        numbers: [],
      },
      {
        ...base,
        id: 'aB:1',
        articleId: 'aB',
        outlet: 'B',
        index: 1,
        text: claimB,
        start: sb,
        end: sb + claimB.length,
        score: 0.8,
        attribution: null,
        numbers: [],
      },
    ]);
    await store.links.put({
      id: 'aA:1>aB:1',
      sentenceId: 'aA:1',
      articleId: 'aA',
      otherSentenceId: 'aB:1',
      otherArticleId: 'aB',
      stance: 'disputes',
      score: 0.7,
      numberConflict: { ours: '10,000', theirs: '12,000' },
      createdAt: 1,
    });
    const doc = await exportCorpus(store, 0.5);
    expect(doc.total).toBe(2);
    const parsed = parseAnnotationFile(serializeAnnotationDocument(doc));
    if (!parsed.ok) throw new Error(parsed.error.message);
    const a = parsed.value.records.find((r) => r.sentenceId === 'aA:1')!;
    expect(a.id).toBe(claimAnnotationId('aA:1', 'auto-claim'));
    expect(a.kind).toBe('auto-claim');
    expect(a.selectors).toEqual(describeSpan(textA, sa, sa + claimA.length));
    expect(a.claim).toEqual({
      score: 0.9,
      attribution: { source: 'officials', verb: 'said' },
      numbers: [{ raw: 'About 10,000', value: 10000, unit: 'troops', qualifier: 'approx' }],
    });
    expect(a.links).toEqual([
      {
        stance: 'disputes',
        otherQuote: claimB,
        otherUrl: 'https://b.example/y',
        otherOutlet: 'B',
        otherTitle: 'B title',
        otherSentenceId: 'aB:1',
        score: 0.7,
        numberConflict: { ours: '10,000', theirs: '12,000' },
      },
    ]);
    expect(parsed.value.records.some((r) => r.quote === 'The weather was fine.')).toBe(false);
  });
});
