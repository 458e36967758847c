import { HIGHLIGHT_LEVELS, type HighlightLevel, levelOf } from '../model/sentence.ts';

/** What each level shows, in the reader's words. */
const LEVELS: { level: HighlightLevel; label: string; help: string }[] = [
  { level: 'fewer', label: 'Fewer', help: 'only the most check-worthy statements' },
  {
    level: 'default',
    label: 'Default',
    help: 'at most 40 % of the article: figures with named sources first, then figures or sources, then the rest, each by check-worthiness',
  },
  { level: 'all', label: 'All', help: 'every sentence of the article' },
];

/**
 * The reader's setting for how much is highlighted: fewer, default or all, each a threshold on the
 * one scale the CLI's `--threshold` shares (`HIGHLIGHT_LEVELS`). A threshold set by hand shows as the
 * nearest level. Used by the options page and the popup.
 */
export function HighlightLevelPicker({
  threshold,
  onChange,
  name,
}: {
  threshold: number;
  onChange(threshold: number): void;
  /** Radio group name, unique on the page. */
  name: string;
}) {
  const current = levelOf(threshold);
  return (
    <fieldset class="cl-levels">
      <legend>What to highlight</legend>
      {LEVELS.map(({ level, label, help }) => (
        <label key={level} class="cl-level">
          <input
            type="radio"
            name={name}
            value={level}
            checked={current === level}
            onChange={() => onChange(HIGHLIGHT_LEVELS[level])}
          />
          <span class="cl-level-label">{label}</span>
          <span class="cl-muted cl-level-help">{help}</span>
        </label>
      ))}
    </fieldset>
  );
}
