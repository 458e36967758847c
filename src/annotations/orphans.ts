/**
 * What a page visit found out about its annotations: which no longer anchor (orphans) and which
 * anchor on words that read differently than when they were tagged (silent edits). Both are kept on
 * the records themselves (`orphanedAt`, `textChange`), so they travel with an export and come back
 * with an import. Neither touches `modified`: that is the researcher's last edit, which decides the
 * import merge.
 */
import type { AnchorSelectors } from '../anchor/types.ts';
import { type AnnotationRecord, isOrphan, sameWords } from '../model/annotation.ts';
import { forEachAnnotation, getAnnotations, putAnnotations } from '../store/annotations.ts';
import { type ClaimLensDB, transact } from '../store/db.ts';
import { canonicalUrl } from '../store/ids.ts';

/** One page visit's anchoring, as the content script reports it. */
export interface AnchoringReport {
  /** Annotations of the page that were not found. */
  orphanIds: readonly string[];
  /** Annotations that were found (on the words as tagged, or on changed words). */
  anchoredIds: readonly string[];
  /** Of the anchored ones, those found on different words, with the selectors of the words found. */
  changed?: readonly { id: string; selectors: AnchorSelectors }[];
}

/**
 * Records a visit of `url`: orphans are marked (since `now`, or since they were first missed), found
 * ones lose the mark; words that differ from the quote as tagged are kept as a text change (the quote
 * and its selectors stay as tagged), words that read as tagged again drop it. Only annotations of that
 * page are touched. Returns the number of orphans.
 */
export async function recordAnchoring(
  db: ClaimLensDB,
  url: string,
  report: AnchoringReport,
  now = Date.now(),
): Promise<number> {
  const page = canonicalUrl(url);
  const at = new Date(now).toISOString();
  const changed = new Map((report.changed ?? []).map((c) => [c.id, c.selectors]));
  const orphans = new Set(report.orphanIds);
  const ids = [...new Set([...report.orphanIds, ...report.anchoredIds])];
  return transact(db, 'rw', ['annotations'], async () => {
    const records = await getAnnotations(db, ids);
    const put: AnnotationRecord[] = [];
    for (const record of records) {
      if (!record || canonicalUrl(record.url) !== page) continue;
      const next = orphans.has(record.id)
        ? asOrphan(record, at)
        : asAnchored(record, changed.get(record.id), at);
      if (next !== record) put.push(next);
    }
    if (put.length) await putAnnotations(db, put);
    return records.filter((r) => r && orphans.has(r.id) && canonicalUrl(r.url) === page).length;
  });
}

function asOrphan(record: AnnotationRecord, at: string): AnnotationRecord {
  return isOrphan(record) ? record : { ...record, orphanedAt: at };
}

/** The record after it anchored on words described by `found` (undefined: the words as tagged). */
function asAnchored(
  record: AnnotationRecord,
  found: AnchorSelectors | undefined,
  at: string,
): AnnotationRecord {
  const { orphanedAt: _o, textChange: _t, ...rest } = record;
  if (!found || sameWords(found.quote.exact, record.quote)) {
    return isOrphan(record) || record.textChange ? rest : record;
  }
  const known = record.textChange;
  // The same changed words as last time: the change dates from when they were first seen.
  if (known && sameWords(known.selectors.quote.exact, found.quote.exact))
    return isOrphan(record) ? { ...rest, textChange: known } : record;
  return { ...rest, textChange: { selectors: found, detectedAt: at } };
}

/** Every annotation id currently known to be orphaned. */
export async function listOrphans(db: ClaimLensDB): Promise<string[]> {
  const ids: string[] = [];
  await forEachAnnotation(db, (r) => {
    if (isOrphan(r)) ids.push(r.id);
  });
  return ids;
}
