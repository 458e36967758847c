import { useEffect, useState } from 'preact/hooks';

/** The feeds the popup's page advertises, and following one. */
export interface FollowApi {
  tabFeeds(): Promise<{ outlet?: string; feeds: { url: string; title?: string; followed: boolean }[] }>;
  /** Asks the browser for the feed's host, then subscribes; resolves to the outlet followed. */
  follow(url: string, outlet?: string): Promise<string>;
}

/** "Follow this outlet": shown when the page advertises a feed (`<link rel="alternate">`). */
export function FollowOutlet({ api }: { api: FollowApi }) {
  const [page, setPage] = useState<Awaited<ReturnType<FollowApi['tabFeeds']>> | null>(null);
  const [chosen, setChosen] = useState(0);
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    api.tabFeeds().then(setPage, () => setPage(null));
  }, [api]);
  if (!page?.feeds.length) return null;
  if (page.feeds.some((f) => f.followed))
    return (
      <p class="cl-muted cl-follow" role="status">
        {message || 'You follow this outlet’s feed.'}
      </p>
    );
  const feed = page.feeds[Math.min(chosen, page.feeds.length - 1)];
  return (
    <div class="cl-follow">
      {page.feeds.length > 1 && (
        <select
          aria-label="Feed to follow"
          value={chosen}
          onChange={(e) => setChosen(Number(e.currentTarget.value))}
        >
          {page.feeds.map((f, i) => (
            <option key={f.url} value={i}>
              {f.title || f.url}
            </option>
          ))}
        </select>
      )}
      <button
        type="button"
        disabled={busy}
        onClick={() => {
          setBusy(true);
          setMessage('');
          api
            .follow(feed.url, page.outlet)
            .then((outlet) => {
              setMessage(`Following ${outlet}: its new articles are fetched in the background.`);
              setPage({ ...page, feeds: page.feeds.map((f) => (f === feed ? { ...f, followed: true } : f)) });
            })
            .catch((e: unknown) => setMessage(e instanceof Error ? e.message : String(e)))
            .finally(() => setBusy(false));
        }}
      >
        Follow this outlet
      </button>
      <p class="cl-muted" role="status">
        {message}
      </p>
    </div>
  );
}
