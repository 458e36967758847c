/**
 * Messages between the library page and its worker. The worker owns everything that scales with the
 * number of annotations (reading the store, filtering, exporting, parsing and previewing imports), so
 * the page only ever holds the rows it shows and its main thread never runs a long task. Imports are
 * written by the background (src/protocol/import.ts); the worker folds what was written into its copy.
 */
import type { AnnotationRecord, ImportCounts, ImportProblem } from '../../src/annotations/index.ts';
import type { ImportPhase } from '../../src/protocol/import.ts';
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
  /** The background wrote the file parsed last: fold it into the worker's copy of the store. */
  | { seq: number; type: 'committed' }
  /** Forget the file parsed last. */
  | { seq: number; type: 'discard' };

export type WorkerMessage =
  | { seq: number; type: 'result'; result: LibraryResult }
  | { seq: number; type: 'records'; records: AnnotationRecord[] }
  | { seq: number; type: 'exported'; blob: Blob; fileName: string; count: number }
  | { seq: number; type: 'progress'; phase: ImportPhase; done: number; total: number | null }
  | { seq: number; type: 'preview'; counts: ImportCounts; fileName: string }
  | { seq: number; type: 'committed' }
  | { seq: number; type: 'invalid'; problem: ImportProblem }
  | { seq: number; type: 'discarded' }
  | { seq: number; type: 'failed'; error: string };
