import { diffWords } from 'diff';
import type { AnnotationRecord } from '../model/annotation.ts';
import { currentQuote } from '../model/annotation.ts';
import './text-diff.css';

/** Built once: an Intl formatter per row is what makes long lists slow. */
const WHEN = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

function when(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : WHEN.format(d);
}

/**
 * A silent edit shown to the researcher: the words as tagged with what went marked as removed, and the
 * words the page shows now with what came marked as added (a word diff, by jsdiff). Everything is
 * rendered as text.
 */
export function TextChangeNotice({ record }: { record: AnnotationRecord }) {
  const change = record.textChange;
  if (!change) return null;
  const parts = diffWords(record.quote, currentQuote(record));
  return (
    <div class="cl-diff" data-testid="text-change">
      <p class="cl-diff-title">
        Text changed since you tagged it
        <span class="cl-muted">
          {' '}
          (seen <time dateTime={change.detectedAt}>{when(change.detectedAt)}</time>)
        </span>
      </p>
      <p class="cl-diff-line" data-testid="text-before">
        <span class="cl-diff-label">Tagged: </span>
        {parts.map((p, i) =>
          p.added ? null : p.removed ? (
            <del key={i}>
              <span class="cl-sr">[removed: </span>
              {p.value}
              <span class="cl-sr">]</span>
            </del>
          ) : (
            <span key={i}>{p.value}</span>
          ),
        )}
      </p>
      <p class="cl-diff-line" data-testid="text-after">
        <span class="cl-diff-label">Now: </span>
        {parts.map((p, i) =>
          p.removed ? null : p.added ? (
            <ins key={i}>
              <span class="cl-sr">[added: </span>
              {p.value}
              <span class="cl-sr">]</span>
            </ins>
          ) : (
            <span key={i}>{p.value}</span>
          ),
        )}
      </p>
    </div>
  );
}
