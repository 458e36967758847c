import { useState } from 'preact/hooks';

export interface TagInputProps {
  id: string;
  label: string;
  tags: string[];
  onChange: (tags: string[]) => void;
  /** Tags already in use, offered as suggestions. */
  suggestions: readonly string[];
}

/** Splits typed text into tags: commas separate, whitespace around a tag is not part of it. */
export function parseTags(text: string): string[] {
  return text
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);
}

/**
 * A tag editor usable without a mouse: type a tag and press Enter or comma to add it (suggestions
 * come from tags already used, through a native datalist), Backspace in the empty box removes the
 * last tag, and every tag has its own labelled remove button.
 */
export function TagInput({ id, label, tags, onChange, suggestions }: TagInputProps) {
  const [draft, setDraft] = useState('');
  const add = (text: string) => {
    const next = [...tags];
    for (const t of parseTags(text)) if (!next.includes(t)) next.push(t);
    if (next.length !== tags.length) onChange(next);
    setDraft('');
  };
  const listId = `${id}-suggestions`;
  return (
    <div class="cl-tag-input">
      <label for={id}>{label}</label>
      <div class="cl-tag-box">
        {tags.length > 0 && (
          <ul class="cl-tags" aria-label={`${label}: current`}>
            {tags.map((t) => (
              <li key={t} class="cl-tag">
                <span>{t}</span>
                <button
                  type="button"
                  class="cl-tag-remove"
                  aria-label={`Remove tag ${t}`}
                  onClick={() => onChange(tags.filter((x) => x !== t))}
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
        )}
        <input
          id={id}
          type="text"
          list={listId}
          value={draft}
          autocomplete="off"
          aria-describedby={`${id}-help`}
          onInput={(e) => {
            const value = e.currentTarget.value;
            if (value.includes(',')) add(value);
            else setDraft(value);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && draft.trim()) {
              e.preventDefault();
              add(draft);
            } else if (e.key === 'Backspace' && !draft && tags.length) {
              onChange(tags.slice(0, -1));
            }
          }}
          onBlur={() => draft.trim() && add(draft)}
        />
        <datalist id={listId}>
          {suggestions
            .filter((s) => !tags.includes(s))
            .map((s) => (
              <option key={s} value={s} />
            ))}
        </datalist>
      </div>
      <p id={`${id}-help`} class="cl-muted cl-help">
        Press Enter or type a comma to add a tag.
      </p>
    </div>
  );
}
