/**
 * The `annotations` table: the researcher's annotations (and the automatic claims an import brought),
 * indexed by page URL, article, sentence, tag, outlet, kind and verdict. Imports are merged here, by
 * the one merge rule (`importReplaces`), in the caller's transaction.
 */
import {
  type AnnotationKind,
  type AnnotationRecord,
  type ImportCounts,
  importReplaces,
  type Verdict,
} from '../model/annotation.ts';
import { type ClaimLensDB, transact } from './db.ts';

export function getAnnotation(db: ClaimLensDB, id: string): Promise<AnnotationRecord | undefined> {
  return db.annotations.get(id);
}

/** The records of these ids, in the same order (undefined where there is none). */
export function getAnnotations(
  db: ClaimLensDB,
  ids: readonly string[],
): Promise<(AnnotationRecord | undefined)[]> {
  return db.annotations.bulkGet([...ids]);
}

export function allAnnotations(db: ClaimLensDB): Promise<AnnotationRecord[]> {
  return db.annotations.toArray();
}

/** Calls `visit` with every annotation, one at a time (without holding them all). */
export async function forEachAnnotation(
  db: ClaimLensDB,
  visit: (record: AnnotationRecord) => void,
): Promise<void> {
  await db.annotations.each(visit);
}

/** The annotations of one page (its canonical URL). */
export function annotationsOfUrl(db: ClaimLensDB, url: string): Promise<AnnotationRecord[]> {
  return db.annotations.where('url').equals(url).toArray();
}

/** Whether a page (its canonical URL) has any annotation; one count of the index. */
export async function hasAnnotations(db: ClaimLensDB, url: string): Promise<boolean> {
  return (await db.annotations.where('url').equals(url).count()) > 0;
}

/** The annotations of one stored article. */
export function annotationsOfArticle(db: ClaimLensDB, articleId: string): Promise<AnnotationRecord[]> {
  return db.annotations.where('articleId').equals(articleId).toArray();
}

/** The annotations of several stored articles. */
export function annotationsOfArticles(
  db: ClaimLensDB,
  articleIds: readonly string[],
): Promise<AnnotationRecord[]> {
  return db.annotations
    .where('articleId')
    .anyOf([...articleIds])
    .toArray();
}

/** Every tag in use and how many annotations carry it (from the tag index's keys alone). */
export async function tagCounts(db: ClaimLensDB): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  await db.annotations.orderBy('tags').eachKey((key) => {
    const tag = String(key);
    counts.set(tag, (counts.get(tag) ?? 0) + 1);
  });
  return counts;
}

export async function putAnnotation(db: ClaimLensDB, record: AnnotationRecord): Promise<void> {
  await db.annotations.put(record);
}

export async function putAnnotations(db: ClaimLensDB, records: readonly AnnotationRecord[]): Promise<void> {
  await db.annotations.bulkPut([...records]);
}

/** Deletes annotations in one transaction and returns those that were there (for undo). */
export function removeAnnotations(db: ClaimLensDB, ids: readonly string[]): Promise<AnnotationRecord[]> {
  return transact(db, 'rw', ['annotations'], async () => {
    const records = (await db.annotations.bulkGet([...ids])).filter((r): r is AnnotationRecord => !!r);
    await db.annotations.bulkDelete(records.map((r) => r.id));
    return records;
  });
}

/** Which annotations to read; all given conditions must hold. Indexed fields are queried via Dexie. */
export interface AnnotationFilter {
  url?: string;
  articleId?: string;
  tag?: string;
  outlet?: string;
  kind?: AnnotationKind;
  verdict?: Verdict;
  ids?: readonly string[];
  /** Anything else the library filters by (text search, status…). */
  test?: (record: AnnotationRecord) => boolean;
}

/** Stable order: oldest first, id as tie-break, so two exports of the same store are identical. */
function byCreated(a: AnnotationRecord, b: AnnotationRecord): number {
  return a.created < b.created ? -1 : a.created > b.created ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The annotations matching `filter`, oldest first, read through the most selective index available. */
export async function selectAnnotations(
  db: ClaimLensDB,
  filter: AnnotationFilter = {},
): Promise<AnnotationRecord[]> {
  const t = db.annotations;
  let rows: AnnotationRecord[];
  if (filter.ids) rows = (await t.bulkGet([...filter.ids])).filter((r): r is AnnotationRecord => !!r);
  else if (filter.url !== undefined) rows = await t.where('url').equals(filter.url).toArray();
  else if (filter.articleId !== undefined)
    rows = await t.where('articleId').equals(filter.articleId).toArray();
  else if (filter.tag !== undefined) rows = await t.where('tags').equals(filter.tag).toArray();
  else rows = await t.toArray();
  return rows
    .filter(
      (r) =>
        (filter.url === undefined || r.url === filter.url) &&
        (filter.articleId === undefined || r.articleId === filter.articleId) &&
        (filter.tag === undefined || r.tags.includes(filter.tag)) &&
        (filter.outlet === undefined || r.outlet === filter.outlet) &&
        (filter.kind === undefined || r.kind === filter.kind) &&
        (filter.verdict === undefined || r.verdict === filter.verdict) &&
        (!filter.test || filter.test(r)),
    )
    .sort(byCreated);
}

export interface MergeOptions {
  /** False: count what the merge would do without writing (the import's preview). */
  write: boolean;
  /** Records per bulkGet/bulkPut round trip (default 2000). */
  batchSize?: number;
  /** Called after each batch with the records processed so far. */
  onProgress?: (done: number, total: number) => void;
}

/**
 * Merges imported records by id with `importReplaces`: new ones are added, strictly newer ones
 * replace, the rest are left. Runs in the caller's transaction over `annotations` (one transaction for
 * a whole import: all or nothing).
 */
export async function mergeAnnotations(
  db: ClaimLensDB,
  records: readonly AnnotationRecord[],
  options: MergeOptions,
): Promise<ImportCounts> {
  const batch = Math.max(1, options.batchSize ?? 2000);
  const counts: ImportCounts = { total: records.length, new: 0, updated: 0, unchanged: 0 };
  for (let i = 0; i < records.length; i += batch) {
    const slice = records.slice(i, i + batch);
    const locals = await db.annotations.bulkGet(slice.map((r) => r.id));
    const changed: AnnotationRecord[] = [];
    slice.forEach((r, j) => {
      const local = locals[j];
      const d = !local ? 'new' : importReplaces(local, r) ? 'updated' : 'unchanged';
      counts[d]++;
      if (d !== 'unchanged') changed.push(r);
    });
    if (options.write && changed.length) await db.annotations.bulkPut(changed);
    options.onProgress?.(Math.min(i + batch, records.length), records.length);
  }
  return counts;
}
