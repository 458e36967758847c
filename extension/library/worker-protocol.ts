/**
 * Messages between the library page and its worker. The worker owns everything that scales with the
 * number of annotations (reading the store, filtering, exporting, parsing and writing imports), so the
 * page only ever holds the rows it shows and its main thread never runs a long task.
 */
import type { AnnotationRecord, ImportCounts, ImportProblem } from '../../src/annotations/index.ts';
import type { LibraryFilter, LibraryQuery, LibraryResult } from '../../src/ui/library-query.ts';

export type WorkerRequest =
  /** Rows and facets for the current view; `reload` re-reads the store first (after any change). */
  | { seq: number; type: 'query'; query: LibraryQuery; reload: boolean }
  /** Every record matching a filter (for bulk tagging). */
  | { seq: number; type: 'records'; filter: LibraryFilter }
  /** The export file for a filter (null: everything), as W3C JSON or CSV. */
  | { seq: number; type: 'export'; filter: LibraryFilter | null; format: 'w3c' | 'csv' }
  /** Read, parse and validate a file, then preview what importing it would do. Nothing is written. */
  | { seq: number; type: 'parse'; file: Blob }
  /** Write the file parsed last, in one transaction. */
  | { seq: number; type: 'apply' }
  /** Forget the file parsed last. */
  | { seq: number; type: 'discard' };

export type ImportPhase = 'reading' | 'checking' | 'comparing' | 'writing';

export type WorkerMessage =
  | { seq: number; type: 'result'; result: LibraryResult }
  | { seq: number; type: 'records'; records: AnnotationRecord[] }
  | { seq: number; type: 'exported'; blob: Blob; fileName: string; count: number }
  | { seq: number; type: 'progress'; phase: ImportPhase; done: number; total: number | null }
  | { seq: number; type: 'preview'; counts: ImportCounts; fileName: string }
  | { seq: number; type: 'applied'; counts: ImportCounts; ms: number }
  | { seq: number; type: 'invalid'; problem: ImportProblem }
  | { seq: number; type: 'discarded' }
  | { seq: number; type: 'failed'; error: string };
