import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { describe as describeSpan } from '../anchor/text-anchor.ts';
import { ANNOTATION_KINDS, type AnnotationRecord, VERDICTS } from '../model/annotation.ts';
import { exportAnnotations, serializeAnnotationDocument } from './export.ts';
import { importAnnotationFile } from './import.ts';
import { canonicalJson, openTestDb } from './test-support.ts';

const SPECIAL = [
  '👍🏽',
  '🇺🇦',
  '👨‍👩‍👧',
  '𝔘𝔫𝔦𝔠𝔬𝔡𝔢',
  'مرحبا بالعالم',
  'שלום עולם',
  '\u202Eevil\u202C',
  '<script>alert("x")</script>',
  '<img src=x onerror=alert(1)>',
  '&amp; &lt;b&gt;',
  'e\u0301',
  '"quoted" \\ backslash\n',
];

/** Text mixing arbitrary code points, emoji, RTL and HTML-like pieces. */
const richText = (maxLength: number) =>
  fc
    .array(fc.oneof(fc.string({ unit: 'binary', maxLength: 40 }), fc.constantFrom(...SPECIAL)), { maxLength })
    .map((parts) => parts.join(''));

const isoDate = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2035-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString());

const shortLabel = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 });

const annotationArb = fc
  .record({
    before: richText(20),
    quote: fc.oneof(
      richText(10).filter((q) => q.length > 0),
      fc.string({ unit: 'grapheme', minLength: 2000, maxLength: 6000 }), // very long quotes
    ),
    after: richText(20),
    uuid: fc.uuid(),
    path: fc.webPath(),
    kind: fc.constantFrom(...ANNOTATION_KINDS),
    tags: fc.array(shortLabel, { maxLength: 6 }),
    note: fc.option(richText(8), { nil: undefined }),
    verdict: fc.option(fc.constantFrom(...VERDICTS), { nil: undefined }),
    outlet: shortLabel,
    title: richText(5),
    created: isoDate,
    modified: isoDate,
    score: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }),
    value: fc.double({ noNaN: true, noDefaultInfinity: true }),
    otherQuote: richText(5),
    creator: fc.option(shortLabel, { nil: undefined }),
    author: fc.option(richText(4), { nil: undefined }),
    published: fc.option(isoDate, { nil: undefined }),
    orphanedAt: fc.option(isoDate, { nil: undefined }),
    /** Words the page shows now in place of the quote (a silent edit), and when that was seen. */
    changedTo: fc.option(
      fc.tuple(
        richText(6).filter((q) => q.length > 0),
        isoDate,
      ),
      { nil: undefined },
    ),
  })
  .map((g) => {
    const page = g.before + g.quote + g.after;
    const selectors = describeSpan(page, g.before.length, g.before.length + g.quote.length);
    const record: AnnotationRecord = {
      id: `urn:uuid:${g.uuid}`,
      url: `https://news.example${g.path}`,
      kind: g.kind,
      selectors,
      quote: selectors.quote.exact,
      tags: g.tags,
      outlet: g.outlet,
      title: g.title,
      created: g.created,
      modified: g.modified,
    };
    if (g.creator !== undefined) record.creator = g.creator;
    if (g.author !== undefined) record.author = g.author;
    if (g.published !== undefined) record.published = g.published;
    if (g.orphanedAt !== undefined) record.orphanedAt = g.orphanedAt;
    if (g.changedTo !== undefined) {
      const [words, detectedAt] = g.changedTo;
      const now = g.before + words + g.after;
      record.textChange = {
        selectors: describeSpan(now, g.before.length, g.before.length + words.length),
        detectedAt,
      };
    }
    if (g.note !== undefined) record.note = g.note;
    if (g.verdict !== undefined) record.verdict = g.verdict;
    if (g.score !== undefined) {
      record.claim = {
        score: g.score,
        numbers: [{ raw: String(g.value), value: g.value, qualifier: 'exact' }],
      };
      record.links = [
        {
          stance: 'confirms',
          otherQuote: g.otherQuote,
          otherUrl: 'https://other.example/x',
          otherOutlet: g.outlet,
        },
      ];
    }
    return { page, record };
  });

describe('export/import round trip (property)', () => {
  const db = openTestDb();
  afterAll(() => db.delete());

  it('gives back identical records, with positions in code points', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(annotationArb, { minLength: 1, maxLength: 4, selector: (a) => a.record.id }),
        async (cases) => {
          await db.annotations.clear();
          await db.annotations.bulkPut(cases.map((c) => c.record));
          const doc = await exportAnnotations(db);
          for (const item of doc.first.items) {
            const { page } = cases.find((c) => c.record.id === item.id)!;
            const [quote, position] = item.target.selector;
            const points = [...page];
            expect(points.slice(position.start, position.end).join('')).toBe(quote.exact);
            expect(points.slice(0, position.start).join('').endsWith(quote.prefix)).toBe(true);
            expect(page.slice(position['cl:utf16Start'], position['cl:utf16End'])).toBe(quote.exact);
          }
          const before = (await db.annotations.toArray()).map(canonicalJson);
          const text = serializeAnnotationDocument(doc);
          await db.annotations.clear();
          const result = await importAnnotationFile(db, new TextEncoder().encode(text));
          if (!result.ok) throw new Error(result.error.message);
          expect(result.counts.new).toBe(cases.length);
          expect((await db.annotations.toArray()).map(canonicalJson)).toEqual(before);
          // Idempotent: the same file again changes nothing.
          const again = await importAnnotationFile(db, text);
          expect(again.ok && again.counts.unchanged).toBe(cases.length);
        },
      ),
      { numRuns: 120 },
    );
  });
});
