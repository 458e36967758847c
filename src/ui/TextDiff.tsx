import type { AnnotationRecord } from '../model/annotation.ts';
import { currentQuote } from '../model/annotation.ts';
import { type DiffSegment, wordDiff } from './word-diff.ts';
import './text-diff.css';

/** Built once: an Intl formatter per row is what makes long lists slow. */
const WHEN = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

function when(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : WHEN.format(d);
}

/** One line of the diff; changed words are marked, with their role spelled out for screen readers. */
function Line({ segments, mark }: { segments: DiffSegment[]; mark: 'del' | 'ins' }) {
  const Tag = mark;
  const word = mark === 'del' ? 'removed' : 'added';
  return (
    <>
      {segments.map((s, i) =>
        s.changed ? (
          <Tag key={i}>
            <span class="cl-sr">[{word}: </span>
            {s.text}
            <span class="cl-sr">]</span>
          </Tag>
        ) : (
          <span key={i}>{s.text}</span>
        ),
      )}
    </>
  );
}

/**
 * A silent edit shown to the researcher: the words as tagged with what went marked as removed, and the
 * words the page shows now with what came marked as added (`wordDiff`). Everything is rendered as text.
 */
export function TextChangeNotice({ record }: { record: AnnotationRecord }) {
  const change = record.textChange;
  if (!change) return null;
  const diff = wordDiff(record.quote, currentQuote(record));
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
        <Line segments={diff.before} mark="del" />
      </p>
      <p class="cl-diff-line" data-testid="text-after">
        <span class="cl-diff-label">Now: </span>
        <Line segments={diff.after} mark="ins" />
      </p>
    </div>
  );
}
