import { useEffect, useRef, useState } from 'preact/hooks';
import { ANNOTATION_KINDS, type AnnotationKind, VERDICTS, type Verdict } from '../model/annotation.ts';
import { ImportPanel } from './ImportPanel.tsx';
import { KIND_LABEL, LibraryRow, VERDICT_LABEL } from './LibraryRow.tsx';
import { TagInput } from './LibraryTagInput.tsx';
import { type FacetCount, SORT_KEYS, type SortKey } from './library-query.ts';
import {
  type ExportFormat,
  type LibraryApi,
  type LibraryState,
  formatCount as n,
  useLibrary,
} from './use-library.ts';

export type { ExportFormat, LibraryApi };

const SORT_LABEL: Record<SortKey, string> = { date: 'Date', outlet: 'Outlet', status: 'Status', tag: 'Tag' };

/**
 * The library: every annotation across pages, with facets (tags, outlets), filters, sorting, editing,
 * delete with undo, bulk tagging, export and import. The store is read by a worker; the state and what
 * the reader can do live in `useLibrary`; this view renders the window of rows it is given.
 */
export function Library({ api }: { api: LibraryApi }) {
  const library = useLibrary(api);
  const {
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
    shownTotal,
    setCondition,
    save,
    remove,
    undo,
    exportFile,
  } = library;
  const [bulkOpen, setBulkOpen] = useState(false);
  const undoButton = useRef<HTMLButtonElement>(null);
  // After a delete the focused row is gone: focus goes to Undo, the natural next action.
  useEffect(() => {
    if (toast?.undoToken) undoButton.current?.focus();
  }, [toast]);
  // The row whose editor was just saved gets focus back on its Edit button once it is mounted again.
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
              onChange={(e) => library.setFormat(e.currentTarget.value as ExportFormat)}
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
            library={library}
            count={shownTotal}
            onDone={() => setBulkOpen(false)}
            onCancel={() => setBulkOpen(false)}
          />
        )}
        <p role="status" class="cl-status" data-testid="library-status">
          {status}
        </p>
        <ImportPanel api={api.import} onImported={library.imported} />
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
                onInput={(e) => library.setText(e.currentTarget.value)}
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
              <select
                id="lib-sort"
                value={sort}
                onChange={(e) => library.setSort(e.currentTarget.value as SortKey)}
              >
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
                onChange={(e) => library.setDirection(e.currentTarget.value as 'asc' | 'desc')}
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
              <button type="button" class="cl-lib-clear" onClick={library.clearFilters}>
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
                <button type="button" class="cl-lib-more" onClick={library.showMore}>
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
            <button type="button" aria-label="Dismiss message" onClick={library.dismissToast}>
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
  library,
  count,
  onDone,
  onCancel,
}: {
  library: LibraryState;
  count: number;
  onDone: () => void;
  onCancel: () => void;
}) {
  const [tags, setTags] = useState<string[]>([]);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [error, setError] = useState('');

  const run = async () => {
    setError('');
    try {
      await library.tagAllShown(tags, (done, total) => setProgress({ done, total }));
      onDone();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
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
        suggestions={library.allTags}
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
