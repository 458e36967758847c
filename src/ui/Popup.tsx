import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { type AnnotationRecord, VERDICTS, type Verdict } from '../model/annotation.ts';
import type { ArticleView } from '../protocol/views.ts';
import { EvidenceList } from './EvidenceList.tsx';
import { HighlightLevelPicker } from './HighlightLevel.tsx';
import {
  type ClaimFilter,
  filterClaims,
  filterOptions,
  NO_FILTER,
  type StatusFilter,
} from './popup-filter.ts';
import { StatusBar } from './StatusBar.tsx';
import { attributionLine, statusClass, statusCounts, summaryLine } from './status-format.ts';
import { parseTags } from './TagEditor.tsx';
import { UserMarkLine } from './UserMarkLine.tsx';

/** What the popup needs from the background. */
export interface PopupApi {
  /** The view of the page the popup is about; null when the page is not an analysed article. */
  load(): Promise<ArticleView | null>;
  /** The page's own annotations (user highlights, tags) and which of them are orphans. */
  annotations(url: string): Promise<{ annotations: AnnotationRecord[]; orphanIds: string[] }>;
  tagClaims(url: string, sentenceIds: string[], tags: string[]): Promise<number>;
  /** Deletes and returns an undo function. */
  remove(ids: string[]): Promise<() => Promise<void>>;
  /** Downloads this page's annotations as a W3C JSON file; resolves to the number exported. */
  exportPage(url: string): Promise<number>;
  openOptions(): void;
  openLibrary(): void;
  /** The reader's highlight threshold, and a way to change it (the page repaints itself). */
  threshold?(): Promise<number>;
  setThreshold?(threshold: number): Promise<void>;
}

/** The toolbar popup: the page's claims in page order with their cross-outlet status, filters and tagging. */
export function Popup({ api }: { api: PopupApi }) {
  const [view, setView] = useState<ArticleView | null | undefined>(undefined);
  const [mine, setMine] = useState<{ annotations: AnnotationRecord[]; orphanIds: string[] }>({
    annotations: [],
    orphanIds: [],
  });
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<{ text: string; undo?: () => Promise<void> } | null>(null);
  const [threshold, setThreshold] = useState<number | null>(null);
  const fail = (e: unknown) => setError(e instanceof Error ? e.message : String(e));
  useEffect(() => {
    api.threshold?.().then(setThreshold, fail);
  }, [api]);

  const reload = useCallback(async () => {
    const v = await api.load();
    setView(v);
    if (v) setMine(await api.annotations(v.url));
  }, [api]);
  useEffect(() => {
    reload().catch(fail);
  }, [reload]);

  return (
    <main class="cl-root cl-popup">
      <header class="cl-popup-head">
        <h1>ClaimLens</h1>
        <nav class="cl-popup-nav" aria-label="ClaimLens pages">
          <button type="button" class="cl-button-link" onClick={api.openLibrary}>
            Library
          </button>
          <button type="button" class="cl-button-link" onClick={api.openOptions}>
            Options
          </button>
        </nav>
      </header>
      {error && (
        <p class="cl-error" role="alert">
          {error}
        </p>
      )}
      <p class="cl-message" role="status">
        {message?.text}
        {message?.undo && (
          <button
            type="button"
            class="cl-button-link"
            onClick={() => {
              const undo = message.undo!;
              setMessage(null);
              undo().then(reload).catch(fail);
            }}
          >
            Undo
          </button>
        )}
      </p>
      {threshold !== null && api.setThreshold && (
        <HighlightLevelPicker
          name="popup-level"
          threshold={threshold}
          onChange={(t) => {
            setThreshold(t);
            api.setThreshold?.(t).then(reload).catch(fail);
          }}
        />
      )}
      {view === undefined && !error && <p class="cl-muted">Loading…</p>}
      {view === null && (
        <p class="cl-muted">No article analysed on this page. Open a news article to see its claims.</p>
      )}
      {view && (
        <ArticleClaims
          view={view}
          mine={mine}
          api={api}
          onChange={(text, undo) => {
            setMessage({ text, ...(undo ? { undo } : {}) });
            reload().catch(fail);
          }}
          onError={fail}
        />
      )}
    </main>
  );
}

function ArticleClaims({
  view,
  mine,
  api,
  onChange,
  onError,
}: {
  view: ArticleView;
  mine: { annotations: AnnotationRecord[]; orphanIds: string[] };
  api: PopupApi;
  onChange(message: string, undo?: () => Promise<void>): void;
  onError(e: unknown): void;
}) {
  const [filter, setFilter] = useState<ClaimFilter>(NO_FILTER);
  const [bulkTags, setBulkTags] = useState('');
  const options = useMemo(() => filterOptions(view.claims), [view]);
  const shown = useMemo(() => filterClaims(view.claims, filter), [view, filter]);
  const set = (change: Partial<ClaimFilter>) => setFilter({ ...filter, ...change });
  const orphans = new Set(mine.orphanIds);
  const highlights = mine.annotations.filter((a) => a.kind === 'highlight' || orphans.has(a.id));
  const confirmed = view.claims.filter((c) => statusClass(c.status) === 'confirmed').length;
  const disputed = view.claims.filter((c) => ['disputed', 'mixed'].includes(statusClass(c.status))).length;

  return (
    <>
      <section class="cl-article" aria-label="Article">
        <p class="cl-article-outlet">{view.outlet}</p>
        <p class="cl-article-title">{view.title}</p>
        <p class="cl-muted" data-testid="claim-count">
          {view.claims.length} {view.claims.length === 1 ? 'claim' : 'claims'}
          {confirmed ? ` · ${confirmed} confirmed` : ''}
          {disputed ? ` · ${disputed} disputed` : ''}
        </p>
      </section>

      <section class="cl-filters" aria-label="Filter claims">
        <input
          type="search"
          placeholder="Search claims"
          aria-label="Search claims"
          value={filter.text}
          onInput={(e) => set({ text: e.currentTarget.value })}
        />
        <select
          aria-label="Status"
          value={filter.status}
          onChange={(e) => set({ status: e.currentTarget.value as StatusFilter })}
        >
          <option value="all">Any status</option>
          <option value="confirmed">Confirmed</option>
          <option value="disputed">Disputed</option>
          <option value="unclear">Cannot confirm</option>
          <option value="none">No other outlet</option>
        </select>
        <select aria-label="Tag" value={filter.tag} onChange={(e) => set({ tag: e.currentTarget.value })}>
          <option value="">Any tag</option>
          {options.tags.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
        <select
          aria-label="Verdict"
          value={filter.verdict}
          onChange={(e) => set({ verdict: e.currentTarget.value as Verdict | '' })}
        >
          <option value="">Any verdict</option>
          {VERDICTS.map((v) => (
            <option key={v} value={v}>
              {v}
            </option>
          ))}
        </select>
        <select
          aria-label="Outlet"
          value={filter.outlet}
          onChange={(e) => set({ outlet: e.currentTarget.value })}
        >
          <option value="">Any outlet</option>
          {options.outlets.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
      </section>

      <form
        class="cl-bulk"
        onSubmit={(e) => {
          e.preventDefault();
          const tags = parseTags(bulkTags);
          if (!tags.length || !shown.length) return;
          api
            .tagClaims(
              view.url,
              shown.map((c) => c.id),
              tags,
            )
            .then((n) => {
              setBulkTags('');
              onChange(`Tagged ${n} claims with ${tags.join(', ')}.`);
            })
            .catch(onError);
        }}
      >
        <label>
          <span class="cl-sr">Tags for every claim shown</span>
          <input
            type="text"
            placeholder="Tag all shown: tags, comma separated"
            value={bulkTags}
            onInput={(e) => setBulkTags(e.currentTarget.value)}
          />
        </label>
        <button type="submit" disabled={!shown.length || !parseTags(bulkTags).length}>
          Tag {shown.length} shown
        </button>
        <button
          type="button"
          onClick={() =>
            api
              .exportPage(view.url)
              .then((n) => onChange(`Exported ${n} annotations of this page.`))
              .catch(onError)
          }
        >
          Export this page
        </button>
      </form>

      <p class="cl-muted" aria-live="polite">
        Showing {shown.length} of {view.claims.length}
      </p>
      <ol class="cl-claims">
        {shown.map((claim) => {
          const attribution = attributionLine(claim.attribution);
          return (
            <li
              key={claim.id}
              class={`cl-claim cl-claim-${statusClass(claim.status)}`}
              data-claim-id={claim.id}
            >
              <div class="cl-claim-status">
                <StatusBar counts={statusCounts(claim.status)} />
                <span class="cl-claim-summary">{summaryLine(claim.status)}</span>
              </div>
              {attribution && <p class="cl-attribution">{attribution}</p>}
              <p class="cl-claim-text">{claim.text}</p>
              <UserMarkLine mark={claim.mine} />
              {claim.status.confirms.length + claim.status.disputes.length + claim.status.unclear.length >
                0 && (
                <details class="cl-claim-details">
                  <summary>Other outlets</summary>
                  <EvidenceList status={claim.status} headingLevel={4} />
                </details>
              )}
            </li>
          );
        })}
      </ol>

      {view.remaining && view.remaining.length > 0 && (
        <section class="cl-remaining" aria-labelledby="cl-remaining-title">
          <h2 id="cl-remaining-title">Other statements, not highlighted ({view.remaining.length})</h2>
          <p class="cl-muted">
            Sentences of the article that your setting leaves unhighlighted, in page order. Choose “All” to
            highlight them too.
          </p>
          <ol class="cl-remaining-list">
            {view.remaining.map((s) => (
              <li key={s.id} data-statement-id={s.id}>
                {s.text}
              </li>
            ))}
          </ol>
        </section>
      )}

      {highlights.length > 0 && (
        <section class="cl-highlights" aria-labelledby="cl-highlights-title">
          <h2 id="cl-highlights-title">Your highlights on this page</h2>
          <ul>
            {highlights.map((a) => (
              <li key={a.id} class={orphans.has(a.id) ? 'cl-orphan' : ''}>
                {orphans.has(a.id) && (
                  <span class="cl-orphan-label">Orphan: no longer found on the page · </span>
                )}
                <q>{a.quote}</q>
                {a.tags.length > 0 && <span class="cl-muted"> {a.tags.join(', ')}</span>}
                {a.verdict && <span class="cl-verdict"> · {a.verdict}</span>}
                {a.note && <p class="cl-note">{a.note}</p>}
                <button
                  type="button"
                  class="cl-button-link"
                  onClick={() =>
                    api
                      .remove([a.id])
                      .then((undo) => onChange('Annotation deleted.', undo))
                      .catch(onError)
                  }
                >
                  Delete<span class="cl-sr"> annotation “{a.quote.slice(0, 40)}”</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
