import type { UserMark } from '../protocol/views.ts';

/** The researcher's verdict, tags and note on a claim, shown beside the automatic status. */
export function UserMarkLine({ mark }: { mark?: UserMark }) {
  if (!mark || (!mark.tags.length && !mark.verdict && !mark.note && !mark.pinned)) return null;
  return (
    <p class="cl-mine">
      {mark.pinned && <span class="cl-pin">Pinned · </span>}
      {mark.verdict && <span class="cl-verdict">Your verdict: {mark.verdict} · </span>}
      {mark.tags.map((t) => (
        <span key={t} class="cl-tag">
          {t}
        </span>
      ))}
      {mark.note && <span class="cl-note"> {mark.note}</span>}
    </p>
  );
}
