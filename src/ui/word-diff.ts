/**
 * Old and new words of a silent edit, as two lines a reader compares: the words as tagged with what went
 * marked, and the words now with what came marked. jsdiff (`diffArrays`) compares whole words split at
 * white space, so "2,600" against "3,000" reads as one number replaced rather than "2" and "600" apart
 * (jsdiff's own word tokenizer splits at punctuation); changes separated only by white space are shown
 * as one ("will be" -> "has been").
 */
import { diffArrays } from 'diff';

export interface DiffSegment {
  text: string;
  /** Removed (in the line before) or added (in the line after). */
  changed: boolean;
}

export interface WordDiff {
  before: DiffSegment[];
  after: DiffSegment[];
}

/** The word diff of `before` and `after`. */
export function wordDiff(before: string, after: string): WordDiff {
  const parts = diffArrays(before.split(/(\s+)/), after.split(/(\s+)/));
  const line = (side: 'removed' | 'added'): DiffSegment[] => {
    const other = side === 'removed' ? 'added' : 'removed';
    const segments = parts
      .filter((p) => !p[other])
      .map((p) => ({ text: p.value.join(''), changed: !!p[side] }))
      .filter((s) => s.text);
    const out: DiffSegment[] = [];
    segments.forEach((s, i) => {
      const last = out[out.length - 1];
      const bridge = !s.changed && /^\s+$/.test(s.text) && last?.changed && segments[i + 1]?.changed;
      if (last && (bridge || last.changed === s.changed)) last.text += s.text;
      else out.push({ ...s });
    });
    return out;
  };
  return { before: line('removed'), after: line('added') };
}
