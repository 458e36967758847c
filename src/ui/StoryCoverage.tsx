import type { StoryArticleView, StoryView } from '../protocol/views.ts';
import { articleVerdictLine, isSafeLink, type StatusCounts } from './status-format.ts';

/** "21 Oct 2024, 14:05", from a page's own date, else when ClaimLens first met the article. */
function when(a: StoryArticleView): { text: string; iso: string; stated: boolean } {
  const published = a.publishedAt ? Date.parse(a.publishedAt) : Number.NaN;
  const ms = Number.isFinite(published) ? published : a.firstReadAt;
  const date = new Date(ms);
  const text = date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
  return { text, iso: date.toISOString(), stated: Number.isFinite(published) };
}

/**
 * The story in the popup: the other outlets that covered it, earliest first so a reader sees who
 * reported first, each copy or rewrite listed under the article it copies, a debunk said as such, and
 * how many of this article's statements each confirms, disputes or cannot confirm (`verdicts`).
 * Text from pages is rendered as text; links only when they are http(s).
 */
export function StoryCoverage({
  story,
  verdicts,
}: {
  story: StoryView | undefined;
  verdicts?: ReadonlyMap<string, StatusCounts>;
}) {
  if (!story?.others.length) return null;
  const ids = new Set(story.others.map((a) => a.articleId));
  const originals = story.others.filter((a) => !a.copyOf || !ids.has(a.copyOf));
  const copiesOf = (id: string) => story.others.filter((a) => a.copyOf === id);
  const outlets = new Set(story.others.map((a) => a.outlet)).size;
  const Item = ({ a, copy }: { a: StoryArticleView; copy?: boolean }) => {
    const t = when(a);
    const verdictLine = articleVerdictLine(verdicts?.get(a.articleId));
    return (
      <li class={copy ? 'cl-story-copy' : undefined}>
        {copy && <span class="cl-copy">copy: </span>}
        <span class="cl-outlet">{a.outlet}</span>{' '}
        <time dateTime={t.iso} class="cl-muted" title={t.stated ? 'published' : 'first read'}>
          {t.stated ? t.text : `read ${t.text}`}
        </time>
        {a.side === 'debunk' && <span class="cl-conflict"> reports this story as false</span>}
        {a.fromFeed && <span class="cl-via-feed">from your feeds</span>}
        <br />
        {isSafeLink(a.url) ? (
          <a class="cl-link" href={a.url} target="_blank" rel="noopener noreferrer">
            {a.title || a.url}
          </a>
        ) : (
          <span>{a.title}</span>
        )}
        {verdictLine && <span class="cl-story-verdicts">{verdictLine}</span>}
        {copiesOf(a.articleId).length > 0 && (
          <ul>
            {copiesOf(a.articleId).map((c) => (
              <Item key={c.articleId} a={c} copy />
            ))}
          </ul>
        )}
      </li>
    );
  };
  return (
    <section class="cl-story" aria-labelledby="cl-story-title">
      <h2 id="cl-story-title">
        This story in {outlets} other {outlets === 1 ? 'outlet' : 'outlets'}
      </h2>
      {story.copyOf && <p class="cl-muted">This article copies or rewrites another one of the story.</p>}
      <ol>
        {originals.map((a) => (
          <Item key={a.articleId} a={a} />
        ))}
      </ol>
    </section>
  );
}
