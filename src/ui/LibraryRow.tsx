import { useEffect, useRef, useState } from 'preact/hooks';
import { type AnnotationRecord, VERDICTS, type Verdict } from '../model/annotation.ts';
import type { AnnotationDraft } from '../protocol/messages.ts';
import { TagInput } from './LibraryTagInput.tsx';
import { editDraft, isEditable } from './library-edit.ts';
import { linkCounts, sourceLink } from './library-query.ts';
import { StatusBar } from './StatusBar.tsx';
import type { StatusCounts } from './status-format.ts';
import { TextChangeNotice } from './TextDiff.tsx';

export const KIND_LABEL: Record<AnnotationRecord['kind'], string> = {
  highlight: 'Highlight',
  'claim-tag': 'Tagged claim',
  'not-a-claim': 'Not a claim',
  pin: 'Pinned',
  'auto-claim': 'Automatic claim',
};

export const VERDICT_LABEL: Record<Verdict, string> = {
  confirmed: 'Confirmed',
  disputed: 'Disputed',
  false: 'False',
  misleading: 'Misleading',
  unverified: 'Unverified',
};

/** The automatic status in words, from the annotation's cross-outlet links. */
export function countsLine(c: StatusCounts): string {
  const parts: string[] = [];
  const n = (k: number, one: string, many: string) => `${k} ${k === 1 ? one : many}`;
  if (c.disputes) parts.push(n(c.disputes, 'outlet disputes', 'outlets dispute'));
  if (c.confirms) parts.push(n(c.confirms, 'outlet confirms', 'outlets confirm'));
  if (c.unclear) parts.push(n(c.unclear, 'outlet cannot confirm', 'outlets cannot confirm'));
  return parts.length ? parts.join(' · ') : 'No other outlet linked';
}

/** Built once: constructing an Intl formatter per row is what makes long lists slow to render. */
const DATE = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric' });

function formatDate(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : DATE.format(d);
}

export interface RowProps {
  record: AnnotationRecord;
  suggestions: readonly string[];
  onSave: (draft: AnnotationDraft) => Promise<void>;
  onDelete: (record: AnnotationRecord) => void;
  orphan?: boolean;
}

/** One annotation: every string from the record is rendered as text (Preact escapes it), never as markup. */
export function LibraryRow({ record, suggestions, onSave, onDelete, orphan }: RowProps) {
  const [editing, setEditing] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(false);
  // Keyboard users land back on "Edit" when the editor closes, not at the top of the page.
  useEffect(() => {
    if (wasEditing.current && !editing) editButton.current?.focus();
    wasEditing.current = editing;
  }, [editing]);
  const counts = linkCounts(record);
  const link = sourceLink(record);
  const base = `row-${record.id.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  return (
    <li class={`cl-lib-row${orphan ? ' cl-lib-orphan' : ''}`} data-annotation-id={record.id}>
      <blockquote class="cl-lib-quote" id={`${base}-quote`}>
        {record.quote}
      </blockquote>
      <p class="cl-lib-source">
        <span class="cl-outlet">{record.outlet}</span>
        {' · '}
        {link ? (
          <a class="cl-link" href={link} target="_blank" rel="noopener noreferrer">
            {record.title || record.url}
            <span class="cl-sr"> (opens the page at this annotation)</span>
          </a>
        ) : (
          <span>{record.title || record.url}</span>
        )}
        {record.author && <span> · by {record.author}</span>}
      </p>
      <p class="cl-lib-dates cl-muted">
        {record.published && (
          <>
            Published <time dateTime={record.published}>{formatDate(record.published)}</time>
            {' · '}
          </>
        )}
        Annotated <time dateTime={record.created}>{formatDate(record.created)}</time>
        {record.creator && <> by {record.creator}</>}
        {' · '}
        {KIND_LABEL[record.kind] ?? record.kind}
        {record.orphanedAt && (
          <>
            {' · '}
            Not found on the page since{' '}
            <time dateTime={record.orphanedAt}>{formatDate(record.orphanedAt)}</time>
          </>
        )}
      </p>
      {!orphan && <TextChangeNotice record={record} />}
      <div class="cl-lib-status">
        <StatusBar counts={counts} />
        <span class="cl-lib-auto">{countsLine(counts)}</span>
        {record.verdict && (
          <span class={`cl-lib-verdict cl-verdict-${record.verdict}`}>
            Your verdict: {VERDICT_LABEL[record.verdict] ?? record.verdict}
          </span>
        )}
      </div>
      {record.tags.length > 0 && (
        <ul class="cl-tags" aria-label="Tags">
          {record.tags.map((t) => (
            <li key={t} class="cl-tag">
              {t}
            </li>
          ))}
        </ul>
      )}
      {record.note && <p class="cl-lib-note">{record.note}</p>}
      {editing ? (
        <Editor
          base={base}
          record={record}
          suggestions={suggestions}
          onCancel={() => setEditing(false)}
          onSave={async (draft) => {
            await onSave(draft);
            setEditing(false);
          }}
        />
      ) : (
        <div class="cl-lib-actions">
          {isEditable(record) && (
            <button
              ref={editButton}
              type="button"
              aria-describedby={`${base}-quote`}
              onClick={() => setEditing(true)}
            >
              Edit
            </button>
          )}
          <button
            type="button"
            class="cl-danger"
            aria-describedby={`${base}-quote`}
            onClick={() => onDelete(record)}
          >
            Delete
          </button>
        </div>
      )}
    </li>
  );
}

function Editor({
  base,
  record,
  suggestions,
  onSave,
  onCancel,
}: {
  base: string;
  record: AnnotationRecord;
  suggestions: readonly string[];
  onSave: (draft: AnnotationDraft) => Promise<void>;
  onCancel: () => void;
}) {
  const [tags, setTags] = useState(record.tags);
  const [note, setNote] = useState(record.note ?? '');
  const [verdict, setVerdict] = useState<Verdict | ''>(record.verdict ?? '');
  const [error, setError] = useState('');
  const [saving, setSaving] = useState(false);
  useEffect(() => document.getElementById(`${base}-tags`)?.focus(), [base]);
  return (
    <form
      class="cl-lib-editor"
      aria-label="Edit annotation"
      onKeyDown={(e) => {
        if (e.key === 'Escape') onCancel();
      }}
      onSubmit={async (e) => {
        e.preventDefault();
        setSaving(true);
        setError('');
        try {
          await onSave(editDraft(record, { tags, note, ...(verdict ? { verdict } : {}) }));
        } catch (err) {
          setError(`Could not save: ${err instanceof Error ? err.message : String(err)}`);
          setSaving(false);
        }
      }}
    >
      <TagInput id={`${base}-tags`} label="Tags" tags={tags} onChange={setTags} suggestions={suggestions} />
      <label for={`${base}-note`}>Note</label>
      <textarea id={`${base}-note`} rows={3} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
      <label for={`${base}-verdict`}>Your verdict</label>
      <select
        id={`${base}-verdict`}
        value={verdict}
        onChange={(e) => setVerdict(e.currentTarget.value as Verdict | '')}
      >
        <option value="">No verdict</option>
        {VERDICTS.map((v) => (
          <option key={v} value={v}>
            {VERDICT_LABEL[v]}
          </option>
        ))}
      </select>
      {error && (
        <p class="cl-error" role="alert">
          {error}
        </p>
      )}
      <div class="cl-lib-actions">
        <button type="submit" class="cl-primary" disabled={saving}>
          Save
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
