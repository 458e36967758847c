import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { FORMULA_START } from '../util/csv.ts';
import { annotationsToCsv, CSV_COLUMNS, csvRow } from './csv.ts';
import { sampleRecord } from './test-support.ts';

/** The file as a spreadsheet library reads it back: header row and records keyed by column. */
function readBack(text: string) {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: true,
  });
  expect(parsed.errors).toEqual([]);
  return parsed;
}

describe('the CSV export', () => {
  it('writes one row per annotation, every field quoted, CRLF line ends, after a UTF-8 byte-order mark', () => {
    const records = [sampleRecord(1), sampleRecord(2, 'Kremlin', true)];
    const text = annotationsToCsv(records);
    expect(text.startsWith('\uFEFF"quote","tags","note"')).toBe(true);
    expect(new TextEncoder().encode(text).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
    expect(text.endsWith('\r\n')).toBe(true);
    const parsed = readBack(text);
    expect(parsed.meta.fields).toEqual([...CSV_COLUMNS]);
    expect(parsed.data).toEqual(records.map(csvRow));
    expect(parsed.data[0]).toMatchObject({
      quote: 'about 10,000 soldiers',
      tags: 'tag-1; troops',
      verdict: 'disputed',
      'automatic status': 'disputed',
      disputes: '1',
      changed: sampleRecord(1).textChange!.detectedAt,
      'new quote': 'about 12,000 soldiers',
      orphaned: '',
      creator: 'Ana Lima',
      published: '2024-10-20T06:00:00.000Z',
    });
    // An orphan's last known words are not current: it is listed as orphaned, not as changed.
    expect(parsed.data[1]).toMatchObject({
      orphaned: '2024-10-26T09:00:00.000Z',
      changed: '',
      'new quote': '',
    });
  });

  it('keeps quotes, commas, line breaks and any script intact', () => {
    const tricky = 'He said "no", then left;\nمرحبا 👍🏽 — «fin»';
    const r = { ...sampleRecord(3), note: tricky, title: 'a,b' };
    const [row] = readBack(annotationsToCsv([r])).data;
    expect(row.note).toBe(tricky);
    expect(row.title).toBe('a,b');
  });

  it.each([
    ['=HYPERLINK("http://evil.example","click")', `'=HYPERLINK("http://evil.example","click")`],
    ['+1+1', "'+1+1"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', "'\t=1"],
    ['\r=1', "'\r=1"],
    // A multi-line cell: Papa Parse's own `escapeFormulae: true` pattern would let this one through.
    ['=1+1\nsecond line', "'=1+1\nsecond line"],
    ['a = b', 'a = b'],
    ['  =not first', '  =not first'],
  ])('neutralises a cell starting a formula: %j', (note, cell) => {
    const [row] = readBack(annotationsToCsv([{ ...sampleRecord(4), note, tags: [note.trim() || 'x'] }])).data;
    expect(row.note).toBe(cell);
    expect(FORMULA_START.test(row.note)).toBe(false);
  });
});
