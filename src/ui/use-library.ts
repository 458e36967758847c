/**
 * The library page's state and logic, apart from its view (Library.tsx): the query the reader builds
 * (filters, text search, order, how many rows), its result from the worker, rows mounted a chunk per
 * task, the tag list, and the writes (edit, delete with undo, bulk tags, export, import) with what each
 * tells the reader.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { AnnotationRecord } from '../model/annotation.ts';
import type { AnnotationDraft } from '../protocol/messages.ts';
import { tagRecords } from './bulk-tag.ts';
import { downloadBlob } from './download.ts';
import type { ImportApi } from './ImportPanel.tsx';
import {
  cleanFilter,
  type LibraryFilter,
  type LibraryQuery,
  type LibraryResult,
  type SortKey,
} from './library-query.ts';

/** What the library needs from its page: the worker's reads and the background's writes. */
export interface LibraryApi {
  query(query: LibraryQuery, reload: boolean): Promise<LibraryResult>;
  /** Every record matching a filter (bulk tagging). */
  records(filter: LibraryFilter): Promise<AnnotationRecord[]>;
  listTags(): Promise<{ tag: string; count: number }[]>;
  save(draft: AnnotationDraft): Promise<AnnotationRecord>;
  remove(ids: string[]): Promise<{ deleted: number; undoToken: string }>;
  undo(token: string): Promise<number>;
  /** The export file for a filter, or for everything when null: W3C JSON, or CSV for spreadsheets. */
  exportFile(
    filter: LibraryFilter | null,
    format: ExportFormat,
  ): Promise<{ blob: Blob; fileName: string; count: number }>;
  import: ImportApi;
}

/** W3C Web Annotation JSON (complete, re-importable) or a CSV table (spreadsheets, QDA tools). */
export type ExportFormat = 'w3c' | 'csv';

/** Rows rendered at first and added by each "Show more": small enough to render in one short task. */
const PAGE = 60;
/** Rows mounted per task: a new result paints its first rows at once and the rest in later tasks. */
export const ROW_CHUNK = 15;
/** How long the search waits for a pause in typing. */
const TYPING_PAUSE_MS = 200;

export interface Toast {
  message: string;
  undoToken?: string;
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));
/** One formatter for every count (constructing Intl formatters per call is slow across thousands of rows). */
const COUNT = new Intl.NumberFormat('en');
export const formatCount = (k: number) => COUNT.format(k);

/** The library's state and what the reader can do with it. */
export function useLibrary(api: LibraryApi) {
  const [filter, setFilter] = useState<LibraryFilter>({});
  const [text, setText] = useState('');
  const [sort, setSort] = useState<SortKey>('date');
  const [direction, setDirection] = useState<'asc' | 'desc'>('desc');
  const [limit, setLimit] = useState(PAGE);
  const [result, setResult] = useState<LibraryResult | null>(null);
  const [error, setError] = useState('');
  const [allTags, setAllTags] = useState<string[]>([]);
  const [toast, setToast] = useState<Toast | null>(null);
  const [status, setStatus] = useState('');
  /** Bumped after writes made elsewhere (the background): the worker must re-read the store. */
  const [version, setVersion] = useState(0);
  /** Bumped after an import: the worker folded what was written, so it only re-runs the query. */
  const [imports, setImports] = useState(0);
  const [format, setFormat] = useState<ExportFormat>('w3c');
  const [mounted, setMounted] = useState(ROW_CHUNK);
  /**
   * The row whose editor was just saved: the refreshed list may re-mount it (rows mount a chunk per
   * task), which drops keyboard focus, so the view puts focus back on its Edit button once it is there.
   */
  const refocus = useRef<{ id: string; until: number } | null>(null);
  const querySeq = useRef(0);
  /** The query (filter and order) of the result shown, and whether the latest result repeats it. */
  const shownQuery = useRef('');
  const sameQuery = useRef(false);
  const lastVersion = useRef(-1);

  // Text search waits for a pause in typing. A pause that changes nothing (the page's first, or typing
  // back to the same words) keeps the filter, so the list is not queried again for nothing.
  useEffect(() => {
    const t = setTimeout(
      () =>
        setFilter((f) => {
          const next = cleanFilter({ ...f, text });
          return JSON.stringify(next) === JSON.stringify(f) ? f : next;
        }),
      TYPING_PAUSE_MS,
    );
    return () => clearTimeout(t);
  }, [text]);

  useEffect(() => {
    const seq = ++querySeq.current;
    const reload = lastVersion.current !== version;
    lastVersion.current = version;
    const key = JSON.stringify([filter, sort, direction]);
    api.query({ filter, sort, direction, limit }, reload).then(
      (r) => {
        if (seq === querySeq.current) {
          sameQuery.current = key === shownQuery.current;
          shownQuery.current = key;
          setResult(r);
          setError('');
        }
      },
      (e: unknown) => seq === querySeq.current && setError(message(e)),
    );
  }, [api, filter, sort, direction, limit, version, imports]);

  // Mount the rows of a new result a chunk per task, so no single task renders them all. The same query
  // read again (after a save, a delete, a return to the tab) keeps the rows it has: they are updated in
  // place, where starting over would take every row past the first chunk off the page for a moment
  // (and a keyboard user's focus with it).
  useEffect(() => {
    setMounted((m) => (sameQuery.current ? Math.max(m, ROW_CHUNK) : ROW_CHUNK));
  }, [result]);
  useEffect(() => {
    if (!result || mounted >= result.rows.length) return;
    const t = setTimeout(() => setMounted((m) => m + ROW_CHUNK), 0);
    return () => clearTimeout(t);
  }, [result, mounted]);

  const refreshTags = useCallback(() => {
    api.listTags().then(
      (tags) => setAllTags(tags.map((t) => t.tag)),
      () => undefined,
    );
  }, [api]);
  useEffect(refreshTags, [refreshTags]);

  /** After any write: re-read the store and the tag list. */
  const changed = useCallback(() => {
    setVersion((v) => v + 1);
    refreshTags();
  }, [refreshTags]);

  // Another tab or the popup may have changed annotations while this page was in the background.
  useEffect(() => {
    const onVisible = () => document.visibilityState === 'visible' && changed();
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, [changed]);

  const setCondition = <K extends keyof LibraryFilter>(key: K, value: LibraryFilter[K] | undefined) => {
    setLimit(PAGE);
    setFilter((f) => cleanFilter({ ...f, [key]: value }));
  };

  const clearFilters = () => {
    setText('');
    setLimit(PAGE);
    setFilter({});
  };

  const save = async (draft: AnnotationDraft) => {
    await api.save(draft);
    setStatus('Annotation saved.');
    if (draft.id) refocus.current = { id: draft.id, until: Date.now() + 3_000 };
    changed();
  };

  const remove = async (record: AnnotationRecord) => {
    try {
      const { deleted, undoToken } = await api.remove([record.id]);
      setToast({ message: `Deleted ${deleted} ${deleted === 1 ? 'annotation' : 'annotations'}.`, undoToken });
      changed();
    } catch (e) {
      setToast({ message: `Could not delete: ${message(e)}` });
    }
  };

  const undo = async (token: string) => {
    try {
      const restored = await api.undo(token);
      setToast({ message: `Restored ${restored} ${restored === 1 ? 'annotation' : 'annotations'}.` });
      changed();
    } catch (e) {
      setToast({ message: `Could not undo: ${message(e)}` });
    }
  };

  const exportFile = async (which: LibraryFilter | null) => {
    setStatus('Preparing the export…');
    try {
      const { blob, fileName, count } = await api.exportFile(which, format);
      downloadBlob(blob, fileName);
      setStatus(
        `Exported ${formatCount(count)} ${count === 1 ? 'annotation' : 'annotations'} to ${fileName}.`,
      );
    } catch (e) {
      setStatus(`Could not export: ${message(e)}`);
    }
  };

  /** Adds tags to every annotation of the current filter; resolves with what happened, in words. */
  const tagAllShown = async (tags: readonly string[], onProgress: (done: number, total: number) => void) => {
    const note = await tagRecords(await api.records(filter), tags, api.save, onProgress);
    setStatus(note);
    changed();
  };

  /** An import was written: the list and the tags are read again. */
  const imported = async () => {
    setImports((k) => k + 1);
    refreshTags();
  };

  const filtered = Object.keys(filter).length > 0;
  return {
    filter,
    text,
    sort,
    direction,
    result,
    error,
    allTags,
    toast,
    status,
    format,
    mounted,
    refocus,
    filtered,
    /** Annotations the current filter shows (anchored and orphaned). */
    shownTotal: result ? result.total + result.orphans.length : 0,
    setText,
    setSort,
    setDirection,
    setFormat,
    setCondition,
    clearFilters,
    showMore: () => setLimit((l) => l + PAGE),
    dismissToast: () => setToast(null),
    save,
    remove,
    undo,
    exportFile,
    tagAllShown,
    imported,
  };
}

export type LibraryState = ReturnType<typeof useLibrary>;
