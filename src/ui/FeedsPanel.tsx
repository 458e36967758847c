import { useCallback, useEffect, useState } from 'preact/hooks';
import type { FeedSettingsView, FeedView } from '../protocol/feeds.ts';

/** What the feeds section of the options page needs from the background and the browser. */
export interface FeedsApi {
  list(): Promise<{ feeds: FeedView[]; settings: FeedSettingsView }>;
  /** Asks the browser for the address's host (must be called from the click), then subscribes. */
  follow(url: string, factChecker: boolean): Promise<FeedView>;
  unfollow(id: string): Promise<void>;
  refresh(id: string): Promise<{ stored: number; error?: string }>;
  setSettings(change: Partial<FeedSettingsView>): Promise<FeedSettingsView>;
  /** Downloads the followed feeds as OPML; resolves to how many. */
  exportOpml(): Promise<number>;
  /** The feeds an OPML file lists (read in the page, before anything is asked of the browser). */
  readOpml(text: string): { url: string; title: string }[];
  /** Asks the browser for every listed host at once (from the click), then subscribes to each. */
  importOpml(text: string, urls: string[]): Promise<{ url: string; ok: boolean; error?: string }[]>;
  /** Asks the browser for another host a feed's item pages live on, then lets the feed use it. */
  allowHost(id: string, host: string): Promise<FeedView>;
}

/** A duration in words a reader scans quickly ("5 min", "3 h", "2 days"); under a minute is null. */
function span(ms: number): string | null {
  const m = Math.round(Math.max(0, ms) / 60_000);
  if (m < 1) return null;
  if (m < 60) return `${m} min`;
  const h = Math.round(m / 60);
  return h < 48 ? `${h} h` : `${Math.round(h / 24)} days`;
}

/** How long ago. */
export function ago(then: number | undefined, now: number): string {
  if (!then) return 'never';
  const s = span(now - then);
  return s ? `${s} ago` : 'just now';
}

/** The host an item error names as not followed, if any (so the reader can allow it). */
function unfollowedHost(error: string): string | null {
  return /^(?:“[^”]*”|\S+): ([a-z0-9.-]+) is not a host you follow/.exec(error)?.[1] ?? null;
}

/** Options: followed feeds (with their last fetch, items and errors), following, OPML, retention. */
export function FeedsPanel({ api, pollMs = 3_000 }: { api: FeedsApi; pollMs?: number }) {
  const [state, setState] = useState<{ feeds: FeedView[]; settings: FeedSettingsView } | null>(null);
  const [url, setUrl] = useState('');
  const [factChecker, setFactChecker] = useState(false);
  const [status, setStatus] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const [opml, setOpml] = useState<{ text: string; feeds: { url: string; title: string }[] } | null>(null);
  const [now, setNow] = useState(Date.now());
  const fail = (e: unknown) => setError(e instanceof Error ? e.message : String(e));

  const reload = useCallback(() => {
    setNow(Date.now());
    return api.list().then(setState, fail);
  }, [api]);
  useEffect(() => {
    void reload();
    const timer = setInterval(() => void reload(), pollMs);
    return () => clearInterval(timer);
  }, [reload, pollMs]);

  const act = (what: Promise<unknown>, done?: string) => {
    setError('');
    setStatus('');
    setBusy(true);
    what
      .then(() => {
        if (done) setStatus(done);
        return reload();
      }, fail)
      .finally(() => setBusy(false));
  };

  return (
    <section class="cl-feeds" aria-labelledby="cl-feeds-title">
      <h2 id="cl-feeds-title">Followed feeds</h2>
      <p class="cl-muted">
        ClaimLens fetches the feeds of outlets you follow in the background, so their coverage of a story is
        already in your store when you read it. Your browser asks you for each feed’s site when you follow it;
        ClaimLens requests nothing from any other site.
      </p>
      <form
        class="cl-feed-form"
        onSubmit={(e) => {
          e.preventDefault();
          const address = url.trim();
          if (!address) return;
          act(
            api.follow(address, factChecker).then((feed) => {
              setUrl('');
              setFactChecker(false);
              setStatus(`Following ${feed.outlet}.`);
            }),
          );
        }}
      >
        <label for="cl-feed-url">Feed or site address</label>
        <input
          id="cl-feed-url"
          type="url"
          placeholder="https://example.com/feed.xml"
          value={url}
          onInput={(e) => setUrl(e.currentTarget.value)}
        />
        <label class="cl-row">
          <input
            type="checkbox"
            checked={factChecker}
            onChange={(e) => setFactChecker(e.currentTarget.checked)}
          />
          A fact-checker (read each item’s page for its ratings)
        </label>
        <button type="submit" disabled={busy || !url.trim()}>
          Follow
        </button>
      </form>
      {error && (
        <p class="cl-error" role="alert">
          {error}
        </p>
      )}
      <p class="cl-status" role="status">
        {status}
      </p>
      {!state && <p class="cl-muted">Loading…</p>}
      {state && state.feeds.length === 0 && <p class="cl-muted">You follow no feed yet.</p>}
      {state && state.feeds.length > 0 && (
        <table class="cl-feed-table">
          <thead>
            <tr>
              <th scope="col">Outlet</th>
              <th scope="col">Last fetch</th>
              <th scope="col">Items</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {state.feeds.map((f) => (
              <tr key={f.id} data-feed-url={f.url} class={f.error ? 'cl-feed-failed' : ''}>
                <td>
                  <span class="cl-feed-outlet">{f.outlet}</span>
                  {f.factChecker && <span class="cl-muted"> · fact-checker</span>}
                  <br />
                  <span class="cl-muted cl-feed-url">{f.url}</span>
                  <div class="cl-feed-actions">
                    <button
                      type="button"
                      disabled={busy}
                      onClick={() =>
                        act(
                          api
                            .refresh(f.id)
                            .then((r) =>
                              setStatus(
                                r.error
                                  ? `${f.outlet}: ${r.error}`
                                  : `${f.outlet}: ${r.stored} new ${r.stored === 1 ? 'item' : 'items'}.`,
                              ),
                            ),
                        )
                      }
                    >
                      Fetch now<span class="cl-sr"> {f.outlet}</span>
                    </button>
                    <button
                      type="button"
                      disabled={busy}
                      onClick={() => act(api.unfollow(f.id), `Stopped following ${f.outlet}.`)}
                    >
                      Unfollow<span class="cl-sr"> {f.outlet}</span>
                    </button>
                  </div>
                </td>
                <td>
                  <span title={f.lastFetchAt ? new Date(f.lastFetchAt).toLocaleString() : undefined}>
                    {ago(f.lastFetchAt, now)}
                  </span>
                </td>
                <td class="cl-feed-items">{f.items}</td>
                <td class="cl-feed-status">
                  {f.error ? (
                    <span class="cl-error">
                      {f.error}
                      {f.failures > 1
                        ? ` (${f.failures} times in a row; next try in ${span(f.nextFetchAt - now) ?? 'a moment'})`
                        : ''}
                    </span>
                  ) : f.lastOkAt ? (
                    'OK'
                  ) : (
                    'Waiting for the first fetch'
                  )}
                  {f.itemErrors.length > 0 && (
                    <details class="cl-item-errors">
                      <summary>
                        {f.itemErrors.length} {f.itemErrors.length === 1 ? 'item' : 'items'} not read
                      </summary>
                      <ul>
                        {f.itemErrors.map((e) => {
                          const host = unfollowedHost(e);
                          return (
                            <li key={e}>
                              {e}
                              {host && !f.hosts.includes(host) && (
                                <button
                                  type="button"
                                  disabled={busy}
                                  onClick={() =>
                                    act(
                                      api.allowHost(f.id, host),
                                      `Items of ${f.outlet} may now be read from ${host}.`,
                                    )
                                  }
                                >
                                  Allow {host}
                                </button>
                              )}
                            </li>
                          );
                        })}
                      </ul>
                    </details>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h3>Subscription lists (OPML)</h3>
      <div class="cl-row">
        <button
          type="button"
          disabled={busy || !state?.feeds.length}
          onClick={() => act(api.exportOpml().then((n) => setStatus(`Exported ${n} feeds.`)))}
        >
          Export OPML
        </button>
        <label class="cl-file">
          Import OPML…
          <input
            type="file"
            accept=".opml,.xml,text/xml,text/x-opml"
            onChange={(e) => {
              const file = e.currentTarget.files?.[0];
              e.currentTarget.value = '';
              if (!file) return;
              setError('');
              file.text().then((text) => {
                try {
                  setOpml({ text, feeds: api.readOpml(text) });
                } catch (err) {
                  fail(err);
                }
              }, fail);
            }}
          />
        </label>
      </div>
      {opml && (
        <div class="cl-opml-preview">
          <p>
            The file lists {opml.feeds.length} {opml.feeds.length === 1 ? 'feed' : 'feeds'}:{' '}
            {opml.feeds
              .slice(0, 5)
              .map((f) => f.title || f.url)
              .join(', ')}
            {opml.feeds.length > 5 ? ', …' : ''}
          </p>
          <button
            type="button"
            disabled={busy || !opml.feeds.length}
            onClick={() => {
              const { text, feeds } = opml;
              setOpml(null);
              act(
                api
                  .importOpml(
                    text,
                    feeds.map((f) => f.url),
                  )
                  .then((results) => {
                    const failed = results.filter((r) => !r.ok);
                    setStatus(`Followed ${results.length - failed.length} of ${results.length} feeds.`);
                    if (failed.length) setError(failed.map((r) => `${r.url}: ${r.error}`).join('\n'));
                  }),
              );
            }}
          >
            Follow these feeds
          </button>
          <button type="button" onClick={() => setOpml(null)}>
            Cancel
          </button>
        </div>
      )}

      {state && (
        <>
          <h3>Keeping the store small</h3>
          <label class="cl-row">
            Remove feed articles after
            <input
              type="number"
              min="1"
              max="3650"
              value={state.settings.retentionDays}
              aria-describedby="cl-retention-help"
              onChange={(e) => {
                const days = Math.round(Number(e.currentTarget.value));
                if (days >= 1 && days <= 3650) act(api.setSettings({ retentionDays: days }), 'Saved.');
              }}
            />
            days
          </label>
          <p id="cl-retention-help" class="cl-muted">
            Feed articles you did not open are removed after this many days, unless an article you read, an
            annotation or a fact-check links to them.
          </p>
          <label class="cl-row">
            Store at most
            <input
              type="number"
              min="1"
              max="500"
              value={state.settings.itemsPerFeedPerDay}
              onChange={(e) => {
                const n = Math.round(Number(e.currentTarget.value));
                if (n >= 1 && n <= 500) act(api.setSettings({ itemsPerFeedPerDay: n }), 'Saved.');
              }}
            />
            items per feed per day
          </label>
        </>
      )}
    </section>
  );
}
