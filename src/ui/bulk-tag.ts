/**
 * Tagging every annotation of the library's current filter: a few saves at a time through the
 * background (each one validated and stored like a single edit), with progress, and one sentence for
 * the reader saying what happened.
 */
import type { AnnotationRecord } from '../model/annotation.ts';
import type { AnnotationDraft } from '../protocol/messages.ts';
import { editDraft, isEditable } from './library-edit.ts';

/** Saves in flight at once: enough to keep the background busy, few enough to stay responsive. */
export const BULK_CONCURRENCY = 16;

const COUNT = new Intl.NumberFormat('en');
const n = (k: number) => COUNT.format(k);
const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * Adds `tags` to each editable record that lacks one of them; returns the sentence to show. Automatic
 * corpus claims cannot carry tags and are counted as skipped; records that have every tag already are
 * left alone; failed saves are counted, the first one's reason given.
 */
export async function tagRecords(
  records: readonly AnnotationRecord[],
  tags: readonly string[],
  save: (draft: AnnotationDraft) => Promise<unknown>,
  onProgress: (done: number, total: number) => void,
): Promise<string> {
  const targets = records.filter((r) => isEditable(r) && tags.some((t) => !r.tags.includes(t)));
  const skipped = records.filter((r) => !isEditable(r)).length;
  onProgress(0, targets.length);
  const failures: string[] = [];
  let done = 0;
  for (let i = 0; i < targets.length; i += BULK_CONCURRENCY) {
    const batch = targets.slice(i, i + BULK_CONCURRENCY);
    const results = await Promise.allSettled(
      batch.map((r) =>
        save(
          editDraft(r, {
            tags: [...new Set([...r.tags, ...tags])],
            ...(r.note ? { note: r.note } : {}),
            ...(r.verdict ? { verdict: r.verdict } : {}),
          }),
        ),
      ),
    );
    for (const res of results) if (res.status === 'rejected') failures.push(message(res.reason));
    done += batch.length;
    onProgress(done, targets.length);
  }
  const tagged = targets.length - failures.length;
  const had = records.length - targets.length - skipped;
  return (
    `Tagged ${n(tagged)} ${tagged === 1 ? 'annotation' : 'annotations'} with ${tags.join(', ')}` +
    (had > 0 ? ` (${n(had)} already had ${tags.length === 1 ? 'it' : 'them'})` : '') +
    (skipped ? `; ${n(skipped)} automatic corpus claims cannot carry tags` : '') +
    (failures.length ? `; ${n(failures.length)} failed: ${failures[0]}` : '') +
    '.'
  );
}
