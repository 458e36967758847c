import { describe, expect, it } from 'vitest';
import { sampleRecord } from '../annotations/test-support.ts';
import type { AnnotationLink, AnnotationRecord } from '../model/annotation.ts';
import { isOrphan, linkCounts, runLibraryQuery, sortRecords, sourceLink } from './library-query.ts';

function link(stance: AnnotationLink['stance'], otherOutlet: string): AnnotationLink {
  return { stance, otherQuote: 'q', otherUrl: `https://${otherOutlet}.example/a`, otherOutlet };
}

function record(i: number, change: Partial<AnnotationRecord> = {}): AnnotationRecord {
  const { textChange: _t, ...plain } = sampleRecord(i);
  return { ...plain, links: [], ...change };
}

const query = { filter: {}, sort: 'date' as const, direction: 'desc' as const, limit: 100 };

describe('linkCounts', () => {
  it('counts distinct other outlets per stance, like the popup', () => {
    const r = record(1, {
      links: [link('disputes', 'a'), link('disputes', 'a'), link('disputes', 'b'), link('confirms', 'c')],
    });
    expect(linkCounts(r)).toEqual({ disputes: 2, confirms: 1, unclear: 0 });
  });
});

describe('runLibraryQuery', () => {
  const records = [
    record(1, { tags: ['troops', 'numbers'], outlet: 'A' }),
    record(2, { tags: ['troops'], outlet: 'B' }),
    record(3, {
      tags: ['numbers'],
      outlet: 'A',
      note: 'Pentagon figure',
      textChange: sampleRecord(3).textChange,
    }),
    record(4, { tags: [], outlet: 'C', orphanedAt: '2024-10-26T09:00:00.000Z' }),
  ];

  it('counts tags and outlets over everything when nothing is filtered', () => {
    const r = runLibraryQuery(records, query);
    expect(r.total).toBe(3);
    expect(r.orphans.map((o) => o.id)).toEqual([records[3].id]);
    expect(r.tags).toEqual([
      { value: 'numbers', count: 2 },
      { value: 'troops', count: 2 },
    ]);
    expect(r.outlets).toEqual([
      { value: 'A', count: 2 },
      { value: 'B', count: 1 },
      { value: 'C', count: 1 },
    ]);
  });

  it('keeps every tag countable under a tag filter, and narrows the outlets to it', () => {
    const r = runLibraryQuery(records, { ...query, filter: { tag: 'numbers' } });
    expect(r.rows.map((x) => x.id).sort()).toEqual([records[0].id, records[2].id].sort());
    expect(r.tags.find((t) => t.value === 'troops')?.count).toBe(2);
    expect(r.outlets).toEqual([{ value: 'A', count: 2 }]);
  });

  it('searches quote, note, tags, outlet and title case-insensitively', () => {
    expect(
      runLibraryQuery(records, { ...query, filter: { text: 'pentagon' } }).rows.map((x) => x.id),
    ).toEqual([records[2].id]);
    expect(runLibraryQuery(records, { ...query, filter: { text: '  ' } }).total).toBe(3);
  });

  it('narrows to annotations whose words changed on the page', () => {
    const r = runLibraryQuery(records, { ...query, filter: { changed: true } });
    expect(r.rows.map((x) => x.id)).toEqual([records[2].id]);
    expect(r.orphans).toEqual([]);
  });

  it('returns only `limit` rows but the full total', () => {
    const r = runLibraryQuery(records, { ...query, limit: 1 });
    expect(r.rows.length).toBe(1);
    expect(r.total).toBe(3);
  });
});

describe('sortRecords', () => {
  it('puts the most disputed first by status, then the most confirmed', () => {
    const calm = record(1, { links: [link('confirms', 'a')] });
    const disputed = record(2, { links: [link('disputes', 'a')] });
    const both = record(3, { links: [link('disputes', 'a'), link('disputes', 'b'), link('confirms', 'c')] });
    const none = record(4);
    const sorted = sortRecords([calm, disputed, both, none], 'status', 'desc');
    expect(sorted.map((r) => r.id)).toEqual([both.id, disputed.id, calm.id, none.id]);
  });

  it('sorts by first tag and keeps untagged annotations last in both directions', () => {
    const a = record(1, { tags: ['zeta', 'alpha'] });
    const b = record(2, { tags: ['beta'] });
    const none = record(3, { tags: [] });
    expect(sortRecords([none, b, a], 'tag', 'asc').map((r) => r.id)).toEqual([a.id, b.id, none.id]);
    expect(sortRecords([none, a, b], 'tag', 'desc').map((r) => r.id)).toEqual([b.id, a.id, none.id]);
  });

  it('sorts by outlet, then date', () => {
    const x = record(1, { outlet: 'b' });
    const y = record(2, { outlet: 'A' });
    expect(sortRecords([x, y], 'outlet', 'asc').map((r) => r.outlet)).toEqual(['A', 'b']);
  });
});

describe('sourceLink', () => {
  it('points at the annotation with a #claimlens fragment', () => {
    const r = record(1, { id: 'urn:uuid:1234', url: 'https://news.example/a?x=1' });
    expect(sourceLink(r)).toBe(`https://news.example/a?x=1#claimlens=${encodeURIComponent('urn:uuid:1234')}`);
  });

  it('never links anything but http(s)', () => {
    expect(sourceLink(record(1, { url: 'javascript:alert(1)' }))).toBeNull();
    expect(sourceLink(record(1, { url: 'data:text/html,<b>x</b>' }))).toBeNull();
  });

  it('knows orphans by their mark', () => {
    expect(isOrphan(record(1, { orphanedAt: '2024-10-26T09:00:00.000Z' }))).toBe(true);
    expect(isOrphan(record(1))).toBe(false);
  });
});
