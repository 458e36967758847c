/**
 * CSV (RFC 4180) reading and writing, through Papa Parse: the FNC-1 files (quoted article bodies with
 * commas, quotes and line breaks) and the researchers' CSV export share one well-tested parser and
 * writer, in Node and in the browser (the library page's worker) alike.
 */
import Papa from 'papaparse';

/**
 * Cells a spreadsheet would run as a formula when they begin with one of these (OWASP's list:
 * `=`, `+`, `-`, `@`, tab, carriage return). Papa Parse's own `escapeFormulae: true` pattern ends in
 * `.*$` without the dotAll flag, so a multi-line cell starting with `=` would slip through it; this one
 * looks at the first character only.
 */
export const FORMULA_START = /^[=+\-@\t\r]/;

/** Parses CSV text into rows of fields; blank lines are skipped and a leading byte-order mark ignored. */
export function parseCsv(text: string): string[][] {
  const result = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), {
    header: false,
    skipEmptyLines: true,
    // Always a comma: guessing could pick a tab or semicolon from an article body.
    delimiter: ',',
  });
  return result.data;
}

/** Parses CSV with a header row into records keyed by (trimmed) column name. */
export function parseCsvRecords(text: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text);
  if (!header) return [];
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h.trim(), r[i] ?? ''])));
}

/**
 * A CSV document from a header and rows, `\n` line ends and a final newline, fields quoted only when
 * they must be (what the FNC-1 tooling writes, readable by its scorer).
 */
export function toCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return `${Papa.unparse({ fields: [...header], data: rows.map((r) => [...r]) }, { newline: '\n' })}\n`;
}

/**
 * A CSV file for spreadsheets and qualitative-analysis tools: every field quoted, CRLF line ends (RFC
 * 4180), cells that would start a formula prefixed with an apostrophe (shown as text, not run), and a
 * UTF-8 byte-order mark, without which Excel reads the file in the system's legacy code page and
 * garbles every non-ASCII character (quotes in other scripts, curly quotes, dashes).
 */
export function toSpreadsheetCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const body = Papa.unparse(
    { fields: [...header], data: rows.map((r) => [...r]) },
    { quotes: true, newline: '\r\n', escapeFormulae: FORMULA_START },
  );
  return `\uFEFF${body}\r\n`;
}
