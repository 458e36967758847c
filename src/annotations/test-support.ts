/**
 * Shared helpers for the annotation tests: an in-memory store (fake-indexeddb), sample records
 * described against a real text, and a full dump of every table for "nothing changed" checks.
 */
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { describe } from '../anchor/text-anchor.ts';
import type { AnnotationRecord } from '../model/annotation.ts';
import { ClaimLensDB } from '../store/db.ts';

let counter = 0;

/** A fresh, empty store that no other test sees. */
export function openTestDb(): ClaimLensDB {
  counter++;
  return new ClaimLensDB(`claimlens-test-${counter}-${Math.random().toString(36).slice(2)}`, {
    indexedDB,
    IDBKeyRange,
  });
}

/** Every table, in primary-key order, as one string: equal strings mean byte-for-byte equal stores. */
export async function dumpStore(db: ClaimLensDB): Promise<string> {
  const out: Record<string, unknown[]> = {};
  for (const table of db.tables) out[table.name] = await table.toArray();
  return JSON.stringify(out);
}

/** JSON with sorted keys, for comparing records regardless of property order. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_k, v) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

export const SAMPLE_PAGE =
  'Pyongyang 🇰🇵 has sent about 10,000 soldiers to Russia, the Pentagon said on Monday. ' +
  'Officials in Seoul said the troops trained for weeks. ' +
  'The Kremlin called the reports “a provocation” — <b>unconfirmed</b>.';

/**
 * A rich sample record (every optional field set but the orphan mark, which `orphan` adds) for `words`
 * in `SAMPLE_PAGE`; its page now reads "about 12,000" where "about 10,000" was tagged.
 */
export function sampleRecord(i: number, words = 'about 10,000 soldiers', orphan = false): AnnotationRecord {
  const start = SAMPLE_PAGE.indexOf(words);
  const selectors = describe(SAMPLE_PAGE, start, start + words.length);
  const edited = SAMPLE_PAGE.replace('about 10,000', 'about 12,000');
  return {
    id: `urn:uuid:00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    url: `https://news.example/${i % 7}/troops`,
    articleId: `a${i % 7}`,
    sentenceId: `a${i % 7}:s${i}`,
    kind: (['highlight', 'claim-tag', 'not-a-claim', 'pin', 'auto-claim'] as const)[i % 5],
    selectors,
    quote: selectors.quote.exact,
    tags: [`tag-${i % 3}`, 'troops'],
    note: `note ${i}`,
    verdict: (['confirmed', 'disputed', 'false', 'misleading', 'unverified'] as const)[i % 5],
    outlet: `Outlet ${i % 7}`,
    title: `Title ${i % 7}`,
    created: new Date(Date.UTC(2024, 9, 23, 10, 0, i % 60)).toISOString(),
    modified: new Date(Date.UTC(2024, 9, 24, 10, 0, i % 60)).toISOString(),
    claim: {
      score: 0.875,
      attribution: { source: 'the Pentagon', verb: 'said', role: 'US defence department' },
      numbers: [{ raw: 'about 10,000', value: 10000, unit: 'soldiers', qualifier: 'approx' }],
    },
    links: [
      {
        stance: 'disputes',
        otherQuote: 'Some 12,000 soldiers arrived.',
        otherUrl: 'https://other.example/a',
        otherOutlet: 'Other',
        otherTitle: 'Other title',
        otherSentenceId: 'b1:s2',
        score: 0.75,
        numberConflict: { ours: '10,000', theirs: '12,000' },
      },
    ],
    creator: 'Ana Lima',
    author: `Author ${i % 3}`,
    published: new Date(Date.UTC(2024, 9, 20, 6, 0, 0)).toISOString(),
    textChange: {
      selectors: describe(edited, start, start + words.length),
      detectedAt: new Date(Date.UTC(2024, 9, 25, 9, 0, i % 60)).toISOString(),
    },
    ...(orphan ? { orphanedAt: new Date(Date.UTC(2024, 9, 26, 9, 0, 0)).toISOString() } : {}),
  };
}
