import { useEffect, useRef, useState } from 'preact/hooks';
import { VERDICTS, type Verdict } from '../model/annotation.ts';

export interface TagEditorValue {
  tags: string[];
  note: string;
  verdict?: Verdict;
}

export interface TagEditorProps {
  /** The words being tagged, shown as text. */
  quote: string;
  initial: TagEditorValue;
  /** Tags already used anywhere, for autocomplete. */
  knownTags: string[];
  /** Set when editing an existing annotation: offers Delete. */
  canDelete: boolean;
  onSave(value: TagEditorValue): void;
  onDelete(): void;
  onCancel(): void;
}

/** Splits "a, b ,c" into trimmed, distinct tags. */
export function parseTags(text: string): string[] {
  return [
    ...new Set(
      text
        .split(',')
        .map((t) => t.trim())
        .filter(Boolean),
    ),
  ];
}

/**
 * The in-page editor for an annotation: tags (with autocomplete from tags in use), a note and a
 * verdict. A dialog in ClaimLens' shadow root; Escape cancels, and focus starts in the tags field.
 */
export function TagEditor({
  quote,
  initial,
  knownTags,
  canDelete,
  onSave,
  onDelete,
  onCancel,
}: TagEditorProps) {
  const [tags, setTags] = useState(initial.tags.join(', '));
  const [note, setNote] = useState(initial.note);
  const [verdict, setVerdict] = useState<Verdict | ''>(initial.verdict ?? '');
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);
  const current = parseTags(tags);
  const typed = tags
    .slice(tags.lastIndexOf(',') + 1)
    .trim()
    .toLowerCase();
  const suggestions = knownTags
    .filter((t) => !current.includes(t) && (!typed || t.toLowerCase().startsWith(typed)))
    .slice(0, 8);
  const submit = (e: Event) => {
    e.preventDefault();
    onSave({ tags: current, note, ...(verdict ? { verdict } : {}) });
  };
  return (
    <div
      role="dialog"
      aria-labelledby="cl-editor-title"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          onCancel();
        }
      }}
    >
      <form class="cl-editor" onSubmit={submit}>
        <p class="cl-editor-title" id="cl-editor-title">
          Tag as claim
        </p>
        <blockquote class="cl-editor-quote">
          {quote.length > 280 ? `${quote.slice(0, 277)}…` : quote}
        </blockquote>
        <label class="cl-field">
          <span>Tags (comma separated)</span>
          <input
            ref={first}
            name="tags"
            type="text"
            autocomplete="off"
            value={tags}
            onInput={(e) => setTags(e.currentTarget.value)}
          />
        </label>
        {suggestions.length > 0 && (
          <fieldset class="cl-suggestions">
            <legend class="cl-sr">Tags you have used</legend>
            {suggestions.map((t) => (
              <button
                key={t}
                type="button"
                class="cl-chip"
                onClick={() =>
                  setTags(`${[...current.filter((c) => c.toLowerCase() !== typed), t].join(', ')}, `)
                }
              >
                {t}
              </button>
            ))}
          </fieldset>
        )}
        <label class="cl-field">
          <span>Note</span>
          <textarea name="note" rows={3} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
        </label>
        <label class="cl-field">
          <span>Your verdict</span>
          <select
            name="verdict"
            value={verdict}
            onChange={(e) => setVerdict(e.currentTarget.value as Verdict | '')}
          >
            <option value="">None</option>
            {VERDICTS.map((v) => (
              <option key={v} value={v}>
                {v}
              </option>
            ))}
          </select>
        </label>
        <div class="cl-editor-actions">
          <button type="submit" class="cl-primary">
            Save
          </button>
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
          {canDelete && (
            <button type="button" class="cl-danger" onClick={onDelete}>
              Delete
            </button>
          )}
        </div>
      </form>
    </div>
  );
}
