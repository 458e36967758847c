/**
 * The library page's worker. It opens its own connection to the extension's IndexedDB (same origin as
 * the background) and reads through the store's repositories: it filters every annotation, builds
 * export files, and checks and previews imports with the core's validator and merge rule — all off the
 * page's main thread, so a 50,000-annotation store or file never freezes the page. It writes nothing:
 * the background writes imports (src/protocol/import.ts).
 */
/// <reference lib="webworker" />
import {
  type AnnotationRecord,
  annotationsToCsv,
  buildAnnotationDocument,
  CSV_MEDIA_TYPE,
  exportFileName,
  importReplaces,
  MAX_IMPORT_BYTES,
  type ParsedAnnotations,
  type ParseResult,
  parseAnnotationFileAsync,
  previewImport,
  readAnnotationFile,
  serializeAnnotationDocument,
} from '../../src/annotations/index.ts';
import { allAnnotations, selectAnnotations } from '../../src/store/annotations.ts';
import { ClaimLensDB } from '../../src/store/db.ts';
import { storeErrorMessage } from '../../src/store/errors.ts';
import { cleanFilter, matchesFilter, runLibraryQuery } from '../../src/ui/library-query.ts';
import { RecordCache } from '../../src/ui/record-cache.ts';
import type { WorkerMessage, WorkerRequest } from './worker-protocol.ts';

declare const self: DedicatedWorkerGlobalScope;

const db = new ClaimLensDB();
/** Every stored record, read once and again after each change the page reports. */
const cache = new RecordCache<AnnotationRecord>(() => allAnnotations(db));
/** The file parsed last, waiting for the user to confirm the import. */
let pending: { parsed: ParsedAnnotations; fileName: string } | null = null;

function post(message: WorkerMessage): void {
  self.postMessage(message);
}

/** The import's merge rule (`importReplaces`) applied to the cache. */
function mergeIntoCache(
  records: AnnotationRecord[],
  incoming: readonly AnnotationRecord[],
): AnnotationRecord[] {
  const byId = new Map(records.map((r) => [r.id, r]));
  for (const r of incoming) {
    if (importReplaces(byId.get(r.id), r)) byId.set(r.id, r);
  }
  return [...byId.values()];
}

/**
 * `readAnnotationFile` with a hook on the validator's yields: it refuses an oversized file before
 * reading it (same check, same message), and otherwise reads the bytes here so progress can be posted.
 */
async function readFile(file: Blob, options: { yieldToMain: () => Promise<void> }): Promise<ParseResult> {
  if (file.size > MAX_IMPORT_BYTES) return readAnnotationFile(file);
  return parseAnnotationFileAsync(new Uint8Array(await file.arrayBuffer()), options);
}

async function handle(request: WorkerRequest): Promise<void> {
  const { seq } = request;
  switch (request.type) {
    case 'query': {
      const records = await cache.get(request.reload);
      post({ seq, type: 'result', result: runLibraryQuery(records, request.query) });
      return;
    }
    case 'records': {
      const filter = cleanFilter(request.filter);
      const records = (await cache.get(true)).filter((r) => matchesFilter(r, filter));
      post({ seq, type: 'records', records });
      return;
    }
    case 'export': {
      // Built here rather than by the background: a large store's file exceeds what one extension
      // message may carry (64 MiB in Chromium), and a Blob crosses to the page without copying.
      const filter = request.filter ? cleanFilter(request.filter) : null;
      const records = await selectAnnotations(db, filter ? { test: (r) => matchesFilter(r, filter) } : {});
      const blob =
        request.format === 'csv'
          ? new Blob([annotationsToCsv(records)], { type: CSV_MEDIA_TYPE })
          : new Blob([serializeAnnotationDocument(buildAnnotationDocument(records))], {
              type: 'application/ld+json',
            });
      const fileName = exportFileName(new Date(), request.format === 'csv' ? 'csv' : 'json');
      post({ seq, type: 'exported', blob, fileName, count: records.length });
      return;
    }
    case 'parse': {
      pending = null;
      post({ seq, type: 'progress', phase: 'reading', done: 0, total: null });
      let steps = 0;
      const result = await readFile(request.file, {
        // The validator yields every 500 annotations; each yield is a progress tick for the page.
        yieldToMain: async () => {
          steps++;
          if (steps % 4 === 0)
            post({ seq, type: 'progress', phase: 'checking', done: steps * 500, total: null });
        },
      });
      if (!result.ok) {
        post({ seq, type: 'invalid', problem: result.error });
        return;
      }
      const total = result.value.records.length;
      post({ seq, type: 'progress', phase: 'comparing', done: 0, total });
      const counts = await previewImport(db, result.value);
      const fileName = request.file instanceof File ? request.file.name : 'file';
      pending = { parsed: result.value, fileName };
      post({ seq, type: 'preview', counts, fileName });
      return;
    }
    case 'committed': {
      // The store now holds what the background's merge decided; fold the same decision into the cache
      // so the list refreshes without re-reading tens of thousands of records.
      if (pending) {
        const incoming = pending.parsed.records;
        cache.update((records) => mergeIntoCache(records, incoming));
      }
      pending = null;
      post({ seq, type: 'committed' });
      return;
    }
    case 'discard':
      pending = null;
      post({ seq, type: 'discarded' });
      return;
  }
}

self.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  handle(request).catch((error: unknown) => {
    post({ seq: request.seq, type: 'failed', error: storeErrorMessage(error, 'nothing was imported') });
  });
};
