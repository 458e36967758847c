/**
 * CSV for the FNC-1 files: the project's one CSV reader and writer (src/util/csv.ts, Papa Parse),
 * under the name the stance tooling has always imported.
 */
export { parseCsv, parseCsvRecords, toCsv } from '../util/csv.ts';
