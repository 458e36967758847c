/**
 * Editing library records: which can be edited, and the draft that re-saves one through the background
 * (the row's editor and bulk tagging both use it).
 */
import type { AnnotationRecord, Verdict } from '../model/annotation.ts';
import type { AnnotationDraft } from '../protocol/messages.ts';

/**
 * Automatic corpus claims come from `claimlens analyze --export`; the protocol cannot re-save them,
 * so they are shown but not edited.
 */
export function isEditable(record: AnnotationRecord): boolean {
  return record.kind !== 'auto-claim';
}

/** The draft that re-saves an existing record with changed tags, note or verdict. */
export function editDraft(
  record: AnnotationRecord,
  change: { tags: string[]; note?: string; verdict?: Verdict },
): AnnotationDraft {
  return {
    id: record.id,
    url: record.url,
    kind: record.kind as AnnotationDraft['kind'],
    ...(record.sentenceId ? { sentenceId: record.sentenceId } : {}),
    selectors: record.selectors,
    tags: change.tags,
    ...(change.note?.trim() ? { note: change.note } : {}),
    ...(change.verdict ? { verdict: change.verdict } : {}),
    outlet: record.outlet,
    title: record.title,
  };
}
