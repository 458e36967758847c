/**
 * The CSV export beside the W3C JSON: one row per annotation, for spreadsheets and
 * qualitative-analysis tools. Written by the project's CSV writer (src/util/csv.ts: RFC 4180 quoting,
 * UTF-8 with a byte-order mark, formula cells neutralised). A flat table cannot hold everything the
 * JSON does (selectors, claim details, links), so the JSON stays the format to import from.
 */
import { type AnnotationRecord, currentQuote, isChanged, linkCounts } from '../model/annotation.ts';
import { type StatusClass, statusOf } from '../model/stance.ts';
import { toSpreadsheetCsv } from '../util/csv.ts';

/** The columns, in order: first those a reader of the table needs most. */
export const CSV_COLUMNS = [
  'quote',
  'tags',
  'note',
  'verdict',
  'automatic status',
  'outlet',
  'url',
  'published',
  'annotated',
  'changed',
  'new quote',
  'orphaned',
  'modified',
  'creator',
  'author',
  'title',
  'kind',
  'confirms',
  'disputes',
  'cannot confirm',
  'id',
] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];

/** Several tags in one cell. */
export const CSV_TAG_SEPARATOR = '; ';

const STATUS_WORDS: Record<StatusClass, string> = {
  claim: 'no other outlet',
  confirmed: 'confirmed',
  disputed: 'disputed',
  mixed: 'confirmed and disputed',
  unclear: 'cannot confirm',
};

/** One annotation as a table row (before CSV quoting and the formula guard), keyed by column. */
export function csvRow(r: AnnotationRecord): Record<CsvColumn, string> {
  const counts = linkCounts(r);
  const changed = isChanged(r);
  return {
    quote: r.quote,
    tags: r.tags.join(CSV_TAG_SEPARATOR),
    note: r.note ?? '',
    verdict: r.verdict ?? '',
    'automatic status': STATUS_WORDS[statusOf(counts)],
    outlet: r.outlet,
    url: r.url,
    published: r.published ?? '',
    annotated: r.created,
    changed: changed ? (r.textChange?.detectedAt ?? '') : '',
    'new quote': changed ? currentQuote(r) : '',
    orphaned: r.orphanedAt ?? '',
    modified: r.modified,
    creator: r.creator ?? '',
    author: r.author ?? '',
    title: r.title,
    kind: r.kind,
    confirms: String(counts.confirms),
    disputes: String(counts.disputes),
    'cannot confirm': String(counts.unclear),
    id: r.id,
  };
}

/** The CSV file's text for these annotations, in the order given. */
export function annotationsToCsv(records: readonly AnnotationRecord[]): string {
  return toSpreadsheetCsv(
    CSV_COLUMNS,
    records.map((r) => {
      const row = csvRow(r);
      return CSV_COLUMNS.map((c) => row[c]);
    }),
  );
}

/** The media type of the CSV export (RFC 4180, with its charset parameter). */
export const CSV_MEDIA_TYPE = 'text/csv;charset=utf-8';
