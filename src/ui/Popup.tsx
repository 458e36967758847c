import { useEffect, useState } from 'preact/hooks';
import type { ArticleView } from '../protocol/views.ts';
import { EvidenceList } from './EvidenceList.tsx';
import { StatusBar } from './StatusBar.tsx';
import { attributionLine, statusClass, statusCounts, summaryLine } from './status-format.ts';

export interface PopupProps {
  /** Loads the view of the page the popup is about; null when the page is not an analysed article. */
  load: () => Promise<ArticleView | null>;
  openOptions: () => void;
}

/** The toolbar popup: the page's claims in page order, each with its cross-outlet status. */
export function Popup({ load, openOptions }: PopupProps) {
  const [view, setView] = useState<ArticleView | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    load()
      .then(setView)
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, [load]);

  return (
    <main class="cl-root cl-popup">
      <header class="cl-popup-head">
        <h1>ClaimLens</h1>
        <button type="button" class="cl-button-link" onClick={openOptions}>
          Options
        </button>
      </header>
      {error && (
        <p class="cl-error" role="alert">
          {error}
        </p>
      )}
      {view === undefined && !error && <p class="cl-muted">Loading…</p>}
      {view === null && (
        <p class="cl-muted">No article analysed on this page. Open a news article to see its claims.</p>
      )}
      {view && <ArticleClaims view={view} />}
    </main>
  );
}

function ArticleClaims({ view }: { view: ArticleView }) {
  const totals = view.claims.reduce(
    (t, c) => {
      const k = statusClass(c.status);
      t[k] = (t[k] ?? 0) + 1;
      return t;
    },
    {} as Record<string, number>,
  );
  return (
    <>
      <section class="cl-article" aria-label="Article">
        <p class="cl-article-outlet">{view.outlet}</p>
        <p class="cl-article-title">{view.title}</p>
        <p class="cl-muted" data-testid="claim-count">
          {view.claims.length} {view.claims.length === 1 ? 'claim' : 'claims'}
          {totals.confirmed ? ` · ${totals.confirmed} confirmed` : ''}
          {totals.disputed || totals.mixed
            ? ` · ${(totals.disputed ?? 0) + (totals.mixed ?? 0)} disputed`
            : ''}
        </p>
      </section>
      <ol class="cl-claims">
        {view.claims.map((claim) => {
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
    </>
  );
}
