import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import {
  ANNOTATION_KINDS,
  type AnnotationKind,
  type AnnotationRecord,
  VERDICTS,
  type Verdict,
} from '../model/annotation.ts';
import type { AnnotationDraft } from '../protocol/messages.ts';
import { type ImportApi, ImportPanel } from './ImportPanel.tsx';
import { editDraft, isEditable, KIND_LABEL, LibraryRow, VERDICT_LABEL } from './LibraryRow.tsx';
import { TagInput } from './LibraryTagInput.tsx';
import {
  cleanFilter,
  type FacetCount,
  type LibraryFilter,
  type LibraryQuery,
  type LibraryResult,
  SORT_KEYS,
  type SortKey,
} from './library-query.ts';

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
  /** Tell the background an import finished, so open pages reload their annotations. */
  notifyImported(): Promise<void>;
}

/** W3C Web Annotation JSON (complete, re-importable) or a CSV table (spreadsheets, QDA tools). */
export type ExportFormat = 'w3c' | 'csv';

/** Rows rendered at first and added by each "Show more": small enough to render in one short task. */
const PAGE = 60;
/** Saves in flight at once during bulk tagging: enough to keep the background busy, few enough to stay responsive. */
const BULK_CONCURRENCY = 16;

const SORT_LABEL: Record<SortKey, string> = { date: 'Date', outlet: 'Outlet', status: 'Status', tag: 'Tag' };

interface Toast {
  message: string;
  undoToken?: string;
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));
/** One formatter for every count (constructing Intl formatters per call is slow across thousands of rows). */
const COUNT = new Intl.NumberFormat('en');
const n = (k: number) => COUNT.format(k);
/** Rows mounted per task: a new result paints its first rows at once and the rest in later tasks. */
const ROW_CHUNK = 15;

/** Saves the URL download of a Blob without the `downloads` permission. */
function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * The library: every annotation across pages, with facets (tags, outlets), filters, sorting, editing,
 * delete with undo, bulk tagging, export and import. The store is read by a worker; this component
 * only renders the window of rows it is given.
 */
export function Library({ api }: { api: LibraryApi }) {
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
  /** Bumped after an import: the worker already knows what it wrote, so it only re-runs the query. */
  const [imports, setImports] = useState(0);
  const [bulkOpen, setBulkOpen] = useState(false);
  const [format, setFormat] = useState<ExportFormat>('w3c');
  const [mounted, setMounted] = useState(ROW_CHUNK);
  const querySeq = useRef(0);
  /** The query (filter and order) of the result shown, and whether the latest result repeats it. */
  const shownQuery = useRef('');
  const sameQuery = useRef(false);
  const undoButton = useRef<HTMLButtonElement>(null);
  // After a delete the focused row is gone: focus goes to Undo, the natural next action.
  useEffect(() => {
    if (toast?.undoToken) undoButton.current?.focus();
  }, [toast]);
  const lastVersion = useRef(-1);
  /**
   * The row whose editor was just saved: the refreshed list may re-mount it (rows mount a chunk per
   * task), which drops keyboard focus, so focus is put back on its Edit button once it is there.
   */
  const refocus = useRef<{ id: string; until: number } | null>(null);
  useEffect(() => {
    const target = refocus.current;
    if (!target) return;
    const active = document.activeElement;
    const lost = !active || active === document.body;
    if (
      Date.now() > target.until ||
      (!lost && !active.closest(`[data-annotation-id="${CSS.escape(target.id)}"]`))
    ) {
      refocus.current = null;
      return;
    }
    if (lost)
      document
        .querySelector<HTMLButtonElement>(
          `[data-annotation-id="${CSS.escape(target.id)}"] .cl-lib-actions button`,
        )
        ?.focus();
  });

  // Text search waits for a pause in typing.
  useEffect(() => {
    const t = setTimeout(() => setFilter((f) => cleanFilter({ ...f, text })), 200);
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
      download(blob, fileName);
      setStatus(`Exported ${n(count)} ${count === 1 ? 'annotation' : 'annotations'} to ${fileName}.`);
    } catch (e) {
      setStatus(`Could not export: ${message(e)}`);
    }
  };

  const filtered = Object.keys(filter).length > 0;
  const shownTotal = result ? result.total + result.orphans.length : 0;

  return (
    <div class="cl-root cl-library">
      <header class="cl-lib-head">
        <h1>ClaimLens library</h1>
        <p class="cl-muted" data-testid="library-count">
          {result
            ? filtered
              ? `${n(shownTotal)} of ${n(result.storeCount)} annotations`
              : `${n(result.storeCount)} ${result.storeCount === 1 ? 'annotation' : 'annotations'}`
            : 'Loading…'}
        </p>
      </header>
      {/* Export, import and bulk tagging come first in keyboard order: they act on the whole list. */}
      <section class="cl-lib-top" aria-label="Export, import and tag">
        <div class="cl-lib-toolbar">
          <div class="cl-field">
            <label for="export-format">Export format</label>
            <select
              id="export-format"
              value={format}
              onChange={(e) => setFormat(e.currentTarget.value as ExportFormat)}
            >
              <option value="w3c">W3C annotations (JSON, can be imported)</option>
              <option value="csv">Table (CSV, for spreadsheets)</option>
            </select>
          </div>
          <button type="button" onClick={() => exportFile(null)}>
            Export all
          </button>
          {filtered && (
            <button type="button" onClick={() => exportFile(filter)}>
              Export shown ({n(shownTotal)})
            </button>
          )}
          <button
            type="button"
            aria-expanded={bulkOpen}
            aria-controls="bulk-panel"
            disabled={!result || result.total + result.orphans.length === 0}
            onClick={() => setBulkOpen((o) => !o)}
          >
            Tag all shown…
          </button>
        </div>
        {bulkOpen && result && (
          <BulkTag
            api={api}
            filter={filter}
            count={shownTotal}
            suggestions={allTags}
            onDone={(note) => {
              setStatus(note);
              setBulkOpen(false);
              changed();
            }}
            onCancel={() => setBulkOpen(false)}
          />
        )}
        <p role="status" class="cl-status" data-testid="library-status">
          {status}
        </p>
        <ImportPanel
          api={api.import}
          onImported={async () => {
            await api.notifyImported().catch(() => undefined);
            setImports((k) => k + 1);
            refreshTags();
          }}
        />
      </section>
      <div class="cl-lib-layout">
        <aside class="cl-lib-facets" aria-label="Facets">
          <Facet
            title="Tags"
            testId="tag-facets"
            facets={result?.tags ?? []}
            selected={filter.tag}
            onSelect={(v) => setCondition('tag', v)}
          />
          <Facet
            title="Outlets"
            testId="outlet-facets"
            facets={result?.outlets ?? []}
            selected={filter.outlet}
            onSelect={(v) => setCondition('outlet', v)}
          />
        </aside>
        <main class="cl-lib-main">
          <search class="cl-lib-filters" aria-label="Filter annotations">
            <div class="cl-field">
              <label for="lib-search">Search</label>
              <input
                id="lib-search"
                type="search"
                value={text}
                placeholder="Quote, note, tag, outlet, title"
                onInput={(e) => setText(e.currentTarget.value)}
              />
            </div>
            <div class="cl-field">
              <label for="lib-tag">Tag</label>
              <select
                id="lib-tag"
                value={filter.tag ?? ''}
                onChange={(e) => setCondition('tag', e.currentTarget.value || undefined)}
              >
                <option value="">Any tag</option>
                {[...new Set([...(filter.tag ? [filter.tag] : []), ...allTags])].map((t) => (
                  <option key={t} value={t}>
                    {t}
                  </option>
                ))}
              </select>
            </div>
            <div class="cl-field">
              <label for="lib-verdict">Verdict</label>
              <select
                id="lib-verdict"
                value={filter.verdict ?? ''}
                onChange={(e) => setCondition('verdict', (e.currentTarget.value || undefined) as Verdict)}
              >
                <option value="">Any verdict</option>
                {VERDICTS.map((v) => (
                  <option key={v} value={v}>
                    {VERDICT_LABEL[v]}
                  </option>
                ))}
              </select>
            </div>
            <div class="cl-field">
              <label for="lib-kind">Kind</label>
              <select
                id="lib-kind"
                value={filter.kind ?? ''}
                onChange={(e) => setCondition('kind', (e.currentTarget.value || undefined) as AnnotationKind)}
              >
                <option value="">Any kind</option>
                {ANNOTATION_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {KIND_LABEL[k]}
                  </option>
                ))}
              </select>
            </div>
            <div class="cl-field">
              <label for="lib-sort">Sort by</label>
              <select id="lib-sort" value={sort} onChange={(e) => setSort(e.currentTarget.value as SortKey)}>
                {SORT_KEYS.map((k) => (
                  <option key={k} value={k}>
                    {SORT_LABEL[k]}
                  </option>
                ))}
              </select>
            </div>
            <div class="cl-field">
              <label for="lib-direction">Order</label>
              <select
                id="lib-direction"
                value={direction}
                onChange={(e) => setDirection(e.currentTarget.value as 'asc' | 'desc')}
              >
                <option value="desc">
                  {sort === 'date' ? 'Newest first' : sort === 'status' ? 'Most disputed first' : 'Z to A'}
                </option>
                <option value="asc">
                  {sort === 'date' ? 'Oldest first' : sort === 'status' ? 'Least disputed first' : 'A to Z'}
                </option>
              </select>
            </div>
            <div class="cl-field cl-field-check">
              <input
                id="lib-changed"
                type="checkbox"
                checked={!!filter.changed}
                onChange={(e) => setCondition('changed', e.currentTarget.checked || undefined)}
              />
              <label for="lib-changed">Text changed on the page</label>
            </div>
            {(filtered || text) && (
              <button
                type="button"
                class="cl-lib-clear"
                onClick={() => {
                  setText('');
                  setLimit(PAGE);
                  setFilter({});
                }}
              >
                Clear filters
              </button>
            )}
          </search>
          {error && (
            <p class="cl-error" role="alert">
              {error}
            </p>
          )}
          {result && result.total === 0 && result.orphans.length === 0 && (
            <p class="cl-muted">
              {result.storeCount === 0
                ? 'No annotations yet. Select text on a news article and choose "Tag as claim", or import a file below.'
                : 'No annotation matches these filters.'}
            </p>
          )}
          {result && result.rows.length > 0 && (
            <section aria-labelledby="list-title">
              <h2 id="list-title" class="cl-sr">
                Annotations
              </h2>
              <ol class="cl-lib-list" data-testid="annotation-list">
                {result.rows.slice(0, mounted).map((r) => (
                  <LibraryRow key={r.id} record={r} suggestions={allTags} onSave={save} onDelete={remove} />
                ))}
              </ol>
              {result.total > result.rows.length && (
                <button type="button" class="cl-lib-more" onClick={() => setLimit((l) => l + PAGE)}>
                  Show more ({n(result.total - result.rows.length)} not shown)
                </button>
              )}
            </section>
          )}
          {result && result.orphans.length > 0 && (
            <section aria-labelledby="orphans-title" class="cl-lib-orphans" data-testid="orphans">
              <h2 id="orphans-title">Orphaned annotations</h2>
              <p class="cl-muted">
                Their page changed so much that these words could not be found again. They are kept with their
                quote, tags and note.
              </p>
              <ol class="cl-lib-list">
                {result.orphans.map((r) => (
                  <LibraryRow
                    key={r.id}
                    record={r}
                    orphan
                    suggestions={allTags}
                    onSave={save}
                    onDelete={remove}
                  />
                ))}
              </ol>
            </section>
          )}
        </main>
      </div>
      <div class="cl-toast-region" role="status" aria-live="polite" data-testid="toast">
        {toast && (
          <div class="cl-toast">
            <span>{toast.message}</span>
            {toast.undoToken && (
              <button ref={undoButton} type="button" onClick={() => undo(toast.undoToken!)}>
                Undo
              </button>
            )}
            <button type="button" aria-label="Dismiss message" onClick={() => setToast(null)}>
              ×
            </button>
          </div>
        )}
      </div>
    </div>
  );
}

function Facet({
  title,
  testId,
  facets,
  selected,
  onSelect,
}: {
  title: string;
  testId: string;
  facets: FacetCount[];
  selected: string | undefined;
  onSelect: (value: string | undefined) => void;
}) {
  const id = `facet-${title.toLowerCase()}`;
  return (
    <section aria-labelledby={id} class="cl-facet">
      <h2 id={id}>{title}</h2>
      {facets.length === 0 ? (
        <p class="cl-muted">None yet</p>
      ) : (
        <ul data-testid={testId}>
          {facets.map((f) => (
            <li key={f.value}>
              <button
                type="button"
                class="cl-facet-button"
                aria-pressed={selected === f.value}
                data-value={f.value}
                onClick={() => onSelect(selected === f.value ? undefined : f.value)}
              >
                <span class="cl-facet-name">{f.value}</span>
                <span class="cl-facet-count">{n(f.count)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Adds tags to every annotation of the current filter, a few saves at a time, with progress. */
function BulkTag({
  api,
  filter,
  count,
  suggestions,
  onDone,
  onCancel,
}: {
  api: LibraryApi;
  filter: LibraryFilter;
  count: number;
  suggestions: readonly string[];
  onDone: (status: string) => void;
  onCancel: () => void;
}) {
  const [tags, setTags] = useState<string[]>([]);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [error, setError] = useState('');

  const run = async () => {
    setError('');
    try {
      const records = await api.records(filter);
      const targets = records.filter((r) => isEditable(r) && tags.some((t) => !r.tags.includes(t)));
      const skipped = records.filter((r) => !isEditable(r)).length;
      setProgress({ done: 0, total: targets.length });
      const failures: string[] = [];
      let done = 0;
      for (let i = 0; i < targets.length; i += BULK_CONCURRENCY) {
        const batch = targets.slice(i, i + BULK_CONCURRENCY);
        const results = await Promise.allSettled(
          batch.map((r) =>
            api.save(
              editDraft(r, {
                tags: [...new Set([...r.tags, ...tags])],
                ...(r.note ? { note: r.note } : {}),
                ...(r.verdict ? { verdict: r.verdict } : {}),
              }),
            ),
          ),
        );
        for (const res of results) if (res.status === 'rejected') failures.push(message(res.reason));
        done += batch.length;
        setProgress({ done, total: targets.length });
      }
      const tagged = targets.length - failures.length;
      onDone(
        `Tagged ${n(tagged)} ${tagged === 1 ? 'annotation' : 'annotations'} with ${tags.join(', ')}` +
          (records.length - targets.length - skipped > 0
            ? ` (${n(records.length - targets.length - skipped)} already had ${tags.length === 1 ? 'it' : 'them'})`
            : '') +
          (skipped ? `; ${n(skipped)} automatic corpus claims cannot carry tags` : '') +
          (failures.length ? `; ${n(failures.length)} failed: ${failures[0]}` : '') +
          '.',
      );
    } catch (e) {
      setError(message(e));
      setProgress(null);
    }
  };

  return (
    <form
      id="bulk-panel"
      class="cl-lib-bulk"
      aria-label="Tag all shown annotations"
      onSubmit={(e) => {
        e.preventDefault();
        if (tags.length && !progress) void run();
      }}
    >
      <TagInput
        id="bulk-tags"
        label={`Tags to add to all ${n(count)} shown annotations`}
        tags={tags}
        onChange={setTags}
        suggestions={suggestions}
      />
      {progress && (
        <div class="cl-lib-progress">
          <label for="bulk-progress">Tagging…</label>
          <progress id="bulk-progress" max={progress.total} value={progress.done} />
          <span class="cl-muted">
            {n(progress.done)} of {n(progress.total)}
          </span>
        </div>
      )}
      {error && (
        <p class="cl-error" role="alert">
          {error}
        </p>
      )}
      <div class="cl-lib-actions">
        <button type="submit" class="cl-primary" disabled={!tags.length || !!progress}>
          Add {tags.length === 1 ? 'tag' : 'tags'} to {n(count)} annotations
        </button>
        <button type="button" onClick={onCancel} disabled={!!progress}>
          Cancel
        </button>
      </div>
    </form>
  );
}
