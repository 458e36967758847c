/**
 * Library page entry: reads go to the page's own worker (which holds the store's records off the main
 * thread); writes that other pages must hear about (edit, delete, undo, import notice) go to the
 * background, like every other extension page.
 */
import { render } from 'preact';
import browser from 'webextension-polyfill';
import type { Request, Response, ResponseMap } from '../../src/protocol/messages.ts';
import type { ImportProgress } from '../../src/ui/ImportPanel.tsx';
import { Library, type LibraryApi } from '../../src/ui/Library.tsx';
import type { WorkerMessage, WorkerRequest } from './worker-protocol.ts';
import '../../src/ui/tokens.css';
import '../../src/ui/library.css';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

async function call<T extends Request>(request: T): Promise<ResponseMap[T['type']]> {
  const answer = (await browser.runtime.sendMessage(request)) as Response<T['type']>;
  if (!answer.ok) throw new Error(answer.error);
  return answer as unknown as ResponseMap[T['type']];
}

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

const api: LibraryApi = {
  query: async (query, reload) => (await ask<'result'>({ type: 'query', query, reload })).result,
  records: async (filter) => (await ask<'records'>({ type: 'records', filter })).records,
  listTags: async () => (await call({ type: 'listTags' })).tags,
  save: async (draft) => (await call({ type: 'saveAnnotation', draft })).annotation,
  remove: async (ids) => {
    const { deleted, undoToken } = await call({ type: 'deleteAnnotations', ids });
    return { deleted, undoToken };
  },
  undo: async (token) => (await call({ type: 'undoDelete', token })).restored,
  exportFile: async (filter, format) => {
    const { blob, fileName, count } = await ask<'exported'>({ type: 'export', filter, format });
    return { blob, fileName, count };
  },
  import: {
    parse: async (file, onProgress) => {
      const m = await ask<'preview' | 'invalid'>({ type: 'parse', file }, onProgress);
      return m.type === 'preview' ? { ok: true, counts: m.counts } : { ok: false, problem: m.problem };
    },
    apply: async (onProgress) => {
      const { counts, ms } = await ask<'applied'>({ type: 'apply' }, onProgress);
      return { counts, ms };
    },
    discard: async () => {
      await ask<'discarded'>({ type: 'discard' });
    },
  },
  notifyImported: async () => {
    await call({ type: 'annotationsImported' });
  },
};

render(<Library api={api} />, document.getElementById('app')!);
