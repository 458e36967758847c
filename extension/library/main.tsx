/**
 * Library page entry: reads go to the page's own worker (which holds the store's records off the main
 * thread); writes go to the background, like every other extension page's: edits, deletes and undo as
 * messages, an import streamed over a port (src/protocol/import.ts) after the worker previewed it.
 */
import { render } from 'preact';
import browser from 'webextension-polyfill';
import { backgroundClient } from '../../src/protocol/client.ts';
import { IMPORT_PORT, type ImportPort, type ImportProgress, sendImport } from '../../src/protocol/import.ts';
import { Library, type LibraryApi } from '../../src/ui/Library.tsx';
import type { WorkerMessage, WorkerRequest } from './worker-protocol.ts';
import '../../src/ui/tokens.css';
import '../../src/ui/library.css';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

const background = backgroundClient((message) => browser.runtime.sendMessage(message));

const worker = new Worker(new URL('./library-worker.ts', import.meta.url), { type: 'module' });
let nextSeq = 1;
const waiting = new Map<
  number,
  { resolve: (m: WorkerMessage) => void; reject: (e: Error) => void; progress?: (p: ImportProgress) => void }
>();

worker.onmessage = (event: MessageEvent<WorkerMessage>) => {
  const m = event.data;
  const w = waiting.get(m.seq);
  if (!w) return;
  if (m.type === 'progress') {
    w.progress?.({ phase: m.phase, done: m.done, total: m.total });
    return;
  }
  waiting.delete(m.seq);
  if (m.type === 'failed') w.reject(new Error(m.error));
  else w.resolve(m);
};
worker.onerror = (event) => {
  const error = new Error(`The library worker failed: ${event.message || 'unknown error'}`);
  for (const w of waiting.values()) w.reject(error);
  waiting.clear();
};

/** One request to the worker; resolves with its final answer, forwarding progress on the way. */
function ask<T extends WorkerMessage['type']>(
  request: DistributiveOmit<WorkerRequest, 'seq'>,
  progress?: (p: ImportProgress) => void,
): Promise<Extract<WorkerMessage, { type: T }>> {
  const seq = nextSeq++;
  return new Promise((resolve, reject) => {
    waiting.set(seq, { resolve: resolve as (m: WorkerMessage) => void, reject, progress });
    worker.postMessage({ ...request, seq } as WorkerRequest);
  });
}

/** The file the worker previewed last, which "Import" sends to the background. */
let previewed: File | null = null;

const api: LibraryApi = {
  query: async (query, reload) => (await ask<'result'>({ type: 'query', query, reload })).result,
  records: async (filter) => (await ask<'records'>({ type: 'records', filter })).records,
  listTags: async () => (await background.call({ type: 'listTags' })).tags,
  save: async (draft) => (await background.call({ type: 'saveAnnotation', draft })).annotation,
  remove: async (ids) => {
    const { deleted, undoToken } = await background.call({ type: 'deleteAnnotations', ids });
    return { deleted, undoToken };
  },
  undo: async (token) => (await background.call({ type: 'undoDelete', token })).restored,
  exportFile: async (filter, format) => {
    const { blob, fileName, count } = await ask<'exported'>({ type: 'export', filter, format });
    return { blob, fileName, count };
  },
  import: {
    parse: async (file, onProgress) => {
      previewed = null;
      const m = await ask<'preview' | 'invalid'>({ type: 'parse', file }, onProgress);
      if (m.type === 'invalid') return { ok: false, problem: m.problem };
      previewed = file;
      return { ok: true, counts: m.counts };
    },
    apply: async (onProgress) => {
      if (!previewed) throw new Error('No file is waiting to be imported; choose the file again.');
      const started = performance.now();
      const port = browser.runtime.connect({ name: IMPORT_PORT }) as ImportPort;
      const counts = await sendImport(previewed, port, onProgress);
      const ms = Math.round(performance.now() - started);
      previewed = null;
      await ask<'committed'>({ type: 'committed' });
      return { counts, ms };
    },
    discard: async () => {
      previewed = null;
      await ask<'discarded'>({ type: 'discard' });
    },
  },
};

render(<Library api={api} />, document.getElementById('app')!);
