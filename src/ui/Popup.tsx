import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { type AnnotationRecord, isChanged, isOrphan, VERDICTS, type Verdict } from '../model/annotation.ts';
import type { ArticleView, ClaimView } from '../protocol/views.ts';
import { CoverageLine } from './CoverageLine.tsx';
import { EvidenceList } from './EvidenceList.tsx';
import { FactCheckLines } from './FactCheckLines.tsx';
import { type FollowApi, FollowOutlet } from './FollowOutlet.tsx';
import { HighlightLevelPicker } from './HighlightLevel.tsx';
import {
  type ClaimFilter,
  filterClaims,
  filterOptions,
  NO_FILTER,
  type StatusFilter,
} from './popup-filter.ts';
import { StatusBar } from './StatusBar.tsx';
import { StatusGlyph } from './StatusGlyph.tsx';
import { StoryCoverage } from './StoryCoverage.tsx';
import {
  attributionLine,
  independenceLine,
  statusClass,
  statusCounts,
  summaryLine,
  verdictsByArticle,
} from './status-format.ts';
import { STATUS_KIND_LABEL, STATUS_KIND_LEGEND, STATUS_KINDS, statusKind } from './status-glyphs.ts';
import { parseTags } from './TagEditor.tsx';
import { TextChangeNotice } from './TextDiff.tsx';
import { UserMarkLine } from './UserMarkLine.tsx';

/** What the popup needs from the background. */
export interface PopupApi {
  /**
   * The page the popup is about: its claims (`view`, null when the page is not an analysed article)
   * and its URL (`page`, null when no ClaimLens content script runs there, e.g. a browser page).
   */
  load(): Promise<{ view: ArticleView | null; page: string | null }>;
  /** The page's own annotations (user highlights, tags), with their orphan and text-change marks. */
  annotations(url: string): Promise<AnnotationRecord[]>;
  tagClaims(url: string, sentenceIds: string[], tags: string[]): Promise<number>;
  /** Deletes and returns an undo function. */
  remove(ids: string[]): Promise<() => Promise<void>>;
  /** Downloads this page's annotations (W3C JSON or CSV); resolves to the number exported. */
  exportPage(url: string, format: 'w3c' | 'csv'): Promise<number>;
  openOptions(): void;
  openLibrary(): void;
  /** The page's advertised feeds and following one (absent: no "Follow this outlet"). */
  follow?: FollowApi;
  /**
   * Whether ClaimLens may read web pages. A reader can withdraw that access (Firefox's add-on
   * permissions, Chromium's site access); without it no page is analysed.
   */
  hostAccess?(): Promise<boolean>;
  /**
   * Asks the browser to give the access back (a reader's click must start it) and reloads the page so
   * it is read; resolves to whether the access was given.
   */
  grantHostAccess?(): Promise<boolean>;
  /** The reader's highlight threshold, and a way to change it (the page repaints itself). */
  threshold?(): Promise<number>;
  setThreshold?(threshold: number): Promise<void>;
}

/** How long the popup waits for the page to be read again after the access came back. */
const REREAD_WAIT_MS = 20_000;

/** The toolbar popup: the page's claims in page order with their cross-outlet status, filters and tagging. */
export function Popup({ api }: { api: PopupApi }) {
  const [view, setView] = useState<ArticleView | null | undefined>(undefined);
  const [page, setPage] = useState<string | null>(null);
  const [mine, setMine] = useState<AnnotationRecord[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<{ text: string; undo?: () => Promise<void> } | null>(null);
  /** False once the page is known unread because the reader withdrew ClaimLens' access to pages. */
  const [access, setAccess] = useState<boolean | undefined>(undefined);
  const [threshold, setThreshold] = useState<number | null>(null);
  const fail = (e: unknown) => setError(e instanceof Error ? e.message : String(e));
  useEffect(() => {
    api.threshold?.().then(setThreshold, fail);
  }, [api]);

  const reload = useCallback(async () => {
    const loaded = await api.load();
    const url = loaded.view?.url ?? loaded.page;
    setMine(url ? await api.annotations(url) : []);
    setPage(url);
    setView(loaded.view);
    // A page the background knows (its content script asked for its settings) is one ClaimLens may read;
    // only when it knows nothing of the tab is the access worth asking about.
    if (!loaded.view && !loaded.page && api.hostAccess) setAccess(await api.hostAccess());
    else setAccess(true);
    return loaded.view;
  }, [api]);

  const grant = async () => {
    if (!api.grantHostAccess || !(await api.grantHostAccess())) {
      setMessage({ text: 'ClaimLens still may not read pages.' });
      return;
    }
    setAccess(true);
    setMessage({ text: 'Access given. Reading the page again…' });
    const end = Date.now() + REREAD_WAIT_MS;
    while (Date.now() < end) {
      await new Promise((r) => setTimeout(r, 500));
      if (await reload()) {
        setMessage(null);
        return;
      }
    }
    setMessage({ text: 'Access given. Reload the page if its claims do not appear.' });
  };
  const onChange = (text: string, undo?: () => Promise<void>) => {
    setMessage({ text, ...(undo ? { undo } : {}) });
    reload().catch(fail);
  };
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
      {view === null && access === false && (
        <section class="cl-access" aria-labelledby="cl-access-title">
          <h2 id="cl-access-title">ClaimLens may not read this page</h2>
          <p>
            Its access to websites was withdrawn, so it cannot find this page's claims. What it reads stays on
            this computer.
          </p>
          <button type="button" class="cl-primary" onClick={() => grant().catch(fail)}>
            Allow ClaimLens to read pages
          </button>
        </section>
      )}
      {view === null && !page && access !== false && (
        <p class="cl-muted">No article analysed on this page. Open a news article to see its claims.</p>
      )}
      {view === null && page && access !== false && (
        <>
          <p class="cl-muted" data-testid="not-article">
            This page is not a news article, so ClaimLens marks no claims here. Your own highlights work on
            any page: select text and choose “Tag as claim”.
          </p>
          <MyAnnotations records={mine} api={api} onChange={onChange} onError={fail} />
          {mine.length > 0 && <ExportPage url={page} api={api} onChange={onChange} onError={fail} />}
        </>
      )}
      {view && <ArticleClaims view={view} mine={mine} api={api} onChange={onChange} onError={fail} />}
    </main>
  );
}

/** "Export this page" in either format. */
function ExportPage({
  url,
  api,
  onChange,
  onError,
}: {
  url: string;
  api: PopupApi;
  onChange(message: string): void;
  onError(e: unknown): void;
}) {
  const run = (format: 'w3c' | 'csv') =>
    api
      .exportPage(url, format)
      .then((n) => onChange(`Exported ${n} annotations of this page${format === 'csv' ? ' as CSV' : ''}.`))
      .catch(onError);
  return (
    <div class="cl-export">
      <button type="button" onClick={() => run('w3c')}>
        Export this page
      </button>
      <button type="button" onClick={() => run('csv')}>
        <span aria-hidden="true">CSV</span>
        <span class="cl-sr">Export this page as CSV</span>
      </button>
    </div>
  );
}

/**
 * The reader's own annotations of the page that the claim list does not show: their highlights, and
 * any annotation that no longer anchors (orphans) or whose words changed on the page since tagging.
 */
function MyAnnotations({
  records,
  api,
  onChange,
  onError,
}: {
  records: AnnotationRecord[];
  api: PopupApi;
  onChange(message: string, undo?: () => Promise<void>): void;
  onError(e: unknown): void;
}) {
  const shown = records.filter((a) => a.kind === 'highlight' || isOrphan(a) || isChanged(a));
  if (!shown.length) return null;
  return (
    <section class="cl-highlights" aria-labelledby="cl-highlights-title">
      <h2 id="cl-highlights-title">Your highlights on this page</h2>
      <ul>
        {shown.map((a) => (
          <li
            key={a.id}
            class={isOrphan(a) ? 'cl-orphan' : isChanged(a) ? 'cl-changed' : ''}
            data-annotation-id={a.id}
          >
            {isOrphan(a) && <span class="cl-orphan-label">Orphan: no longer found on the page · </span>}
            <q>{a.quote}</q>
            {a.tags.length > 0 && <span class="cl-muted"> {a.tags.join(', ')}</span>}
            {a.verdict && <span class="cl-verdict"> · {a.verdict}</span>}
            {a.note && <p class="cl-note">{a.note}</p>}
            {isChanged(a) && <TextChangeNotice record={a} />}
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
  mine: AnnotationRecord[];
  api: PopupApi;
  onChange(message: string, undo?: () => Promise<void>): void;
  onError(e: unknown): void;
}) {
  const [filter, setFilter] = useState<ClaimFilter>(NO_FILTER);
  const [bulkTags, setBulkTags] = useState('');
  const options = useMemo(() => filterOptions(view.claims), [view]);
  const shown = useMemo(() => filterClaims(view.claims, filter), [view, filter]);
  const coveredShown = useMemo(() => filterClaims(view.covered ?? [], filter), [view, filter]);
  const verdicts = useMemo(() => verdictsByArticle([...view.claims, ...(view.covered ?? [])]), [view]);
  const set = (change: Partial<ClaimFilter>) => setFilter({ ...filter, ...change });
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
          {view.covered?.length ? ` · ${view.covered.length} more that other outlets speak to` : ''}
        </p>
        <CoverageLine coverage={view.coverage} />
        {api.follow && <FollowOutlet api={api.follow} />}
      </section>

      <StatusLegend />
      <StoryCoverage story={view.story} verdicts={verdicts} />

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
      </form>
      <ExportPage url={view.url} api={api} onChange={onChange} onError={onError} />

      <p class="cl-muted" aria-live="polite">
        Showing {shown.length} of {view.claims.length}
      </p>
      <ol class="cl-claims">
        {shown.map((claim) => (
          <ClaimItem key={claim.id} claim={claim} />
        ))}
      </ol>

      {coveredShown.length > 0 && (
        <section class="cl-covered" aria-labelledby="cl-covered-title">
          <h2 id="cl-covered-title">
            Not highlighted, but other outlets speak to them ({coveredShown.length})
          </h2>
          <p class="cl-muted">
            Statements your setting leaves unhighlighted that other outlets confirm, dispute or cannot
            confirm. They stay unhighlighted in the page, so the page cannot learn what else you have read.
          </p>
          <ol class="cl-claims cl-covered-list">
            {coveredShown.map((claim) => (
              <ClaimItem key={claim.id} claim={claim} covered />
            ))}
          </ol>
        </section>
      )}

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

      <MyAnnotations records={mine} api={api} onChange={onChange} onError={onError} />
    </>
  );
}

/**
 * One claim of the popup's lists: its status, independence, source, text, the reader's marks, the
 * evidence. A covered statement (not highlighted in the page) has its own item class, so what counts
 * the page's claims counts only those.
 */
function ClaimItem({ claim, covered = false }: { claim: ClaimView; covered?: boolean }) {
  const attribution = attributionLine(claim.attribution);
  return (
    <li
      class={`${covered ? 'cl-covered-claim' : 'cl-claim'} cl-claim-${statusClass(claim.status)}`}
      data-claim-id={claim.id}
    >
      <FactCheckLines checks={claim.factChecks} />
      <div class="cl-claim-status">
        <span class="cl-status">
          <StatusGlyph kind={statusKind(claim.status)} />
          <span class="cl-sr">{STATUS_KIND_LABEL[statusKind(claim.status)]}: </span>
        </span>
        <StatusBar counts={statusCounts(claim.status)} />
        <span class="cl-claim-summary">{summaryLine(claim.status)}</span>
      </div>
      {independenceLine(claim) && <p class="cl-independence">{independenceLine(claim)}</p>}
      {attribution && <p class="cl-attribution">{attribution}</p>}
      <p class="cl-claim-text">{claim.text}</p>
      <UserMarkLine mark={claim.mine} />
      {claim.status.confirms.length + claim.status.disputes.length + claim.status.unclear.length > 0 && (
        <details class="cl-claim-details">
          <summary>Other outlets</summary>
          <EvidenceList status={claim.status} headingLevel={4} />
        </details>
      )}
    </li>
  );
}

/** What the marks in the page mean: each status's glyph, its word, the mark's shape and its meaning. */
function StatusLegend() {
  return (
    <section class="cl-legend" aria-labelledby="cl-legend-title">
      <h2 id="cl-legend-title">Marks in the page</h2>
      <ul>
        {STATUS_KINDS.map((kind) => (
          <li key={kind} class={`cl-legend-${kind}`}>
            <StatusGlyph kind={kind} />
            <span>
              <strong>{STATUS_KIND_LABEL[kind]}</strong>: {STATUS_KIND_LEGEND[kind].meaning}
              <span class="cl-legend-mark"> ({STATUS_KIND_LEGEND[kind].mark})</span>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
